import { z } from 'zod';
import {
  DateInputSchema,
  HealthReasonSchema,
  HealthSchema,
  Identifier,
  IdSchema,
  InstantSchema,
  LongText,
  PersonRefSchema,
  PlainDateSchema,
  ReasonSchema,
  ShortText,
  VersionSchema,
  WarningsSchema,
} from './common.js';
import { CursorSchema, NextCursorSchema, pageLimit } from './paging.js';
import { PhaseSchema } from './program.js';

const MilestoneEndSchema = z.object({ id: z.string(), key: z.string(), name: z.string() });

export const MilestoneLinkSchema = z
  .object({
    id: z.string(),
    programId: z.string(),
    predecessor: MilestoneEndSchema,
    successor: MilestoneEndSchema,
    lagDays: z.number().int().meta({ description: "Business days from the predecessor's finish; negative means overlap" }),
    version: z.number().int(),
  })
  .meta({ id: 'MilestoneLink' });
export type MilestoneLink = z.infer<typeof MilestoneLinkSchema>;

export const MilestoneLinkListSchema = z.object({ items: z.array(MilestoneLinkSchema) });

export const CreateMilestoneLinkSchema = z
  .object({
    predecessor: IdSchema.meta({ description: 'Milestone id or key (e.g. M-3) that must finish first' }),
    successor: IdSchema.meta({ description: 'Milestone id or key that depends on it' }),
    lagDays: z.number().int().min(-365).max(365).optional().meta({ description: 'Business days; defaults to 0' }),
    reason: ReasonSchema.optional(),
    pushedVersions: z.record(IdSchema, z.number().int().min(1)).optional().meta({
      description:
        'The versions of the milestones the link pushes, by id, as the preview (POST …/links/preview) showed them: if one changed since, nothing is added (409 VERSION_CONFLICT) and you preview again',
    }),
  })
  .strict();
export type CreateMilestoneLink = z.infer<typeof CreateMilestoneLinkSchema>;

export const LinkPreviewRequestSchema = z
  .object({
    predecessor: IdSchema.meta({ description: 'Milestone id or key (e.g. M-3) that must finish first' }),
    successor: IdSchema.meta({ description: 'Milestone id or key that would depend on it' }),
    lagDays: z.number().int().min(-365).max(365).optional().meta({ description: 'Business days; defaults to 0' }),
  })
  .strict();

export const MilestoneLinkParamsSchema = z.object({ programId: IdSchema, linkId: IdSchema });

export const MovePreviewRequestSchema = z.object({ forecastDate: DateInputSchema }).strict();

export const PushSchema = z
  .object({
    id: z.string(),
    key: z.string(),
    name: z.string(),
    from: PlainDateSchema,
    to: PlainDateSchema,
    version: z
      .number()
      .int()
      .meta({ description: 'The version the push was worked out on; send it back as pushedVersions to insist on it' }),
    cause: z.object({ id: z.string(), key: z.string() }).meta({ description: 'The predecessor that pushes it' }),
    provisional: z.boolean().meta({ description: 'The new date is counted across days whose official calendar is not yet published' }),
  })
  .meta({ id: 'Push' });

export const MovePreviewSchema = z.object({ pushes: z.array(PushSchema), warnings: WarningsSchema });

export const PushedSchema = z.object({ id: z.string(), key: z.string(), from: PlainDateSchema, to: PlainDateSchema });

export const LinkPreviewSchema = z.object({
  pushes: z.array(PushSchema).meta({ description: 'The successor the link requires later, then what that move pushes in turn' }),
});

export const AddedMilestoneLinkSchema = MilestoneLinkSchema.extend({
  pushed: z.array(PushedSchema).meta({ description: 'Milestones moved later to keep the new link, in order' }),
}).meta({ id: 'AddedMilestoneLink' });

// ── Baselines, plan vs actual, slips, trend ─────────────────────────────────────────────────────

const DecisionRefSchema = z.object({ id: z.string(), key: z.string(), statement: z.string() });

export const BaselineSchema = z
  .object({
    id: z.string(),
    number: z.number().int().meta({ description: '0 is taken when the program goes active; each re-baseline adds one' }),
    name: z.string(),
    takenAt: InstantSchema,
    takenBy: PersonRefSchema.nullable(),
    decision: DecisionRefSchema.nullable().meta({ description: 'The decision that approved a re-baseline (none for baseline 0)' }),
    milestoneCount: z.number().int().meta({ description: 'Milestones whose planned date the baseline holds' }),
  })
  .meta({ id: 'Baseline' });
export type Baseline = z.infer<typeof BaselineSchema>;

export const BaselineListSchema = z.object({ items: z.array(BaselineSchema) });

export const TakeBaselineSchema = z
  .object({
    name: ShortText(200).min(1, 'Name the re-baseline, e.g. "After tooling T2 delay".'),
    decisionId: IdSchema.meta({ description: 'Id or key (D-7) of the decided decision, decided by a decision owner, that approves it' }),
    reason: ReasonSchema.optional(),
  })
  .strict();
export type TakeBaseline = z.infer<typeof TakeBaselineSchema>;

export const ActivateProgramSchema = z
  .object({ version: VersionSchema, reason: ReasonSchema.optional() })
  .strict()
  .meta({ description: 'A draft program goes active and takes baseline 0; an active program without a baseline takes baseline 0' });

export const PlanSettingsSchema = z
  .object({
    version: VersionSchema,
    toleranceDays: z.number().int().min(0).max(250).optional().meta({
      description: 'Default business days a forecast may lie after its baseline before it is a breach',
    }),
    targetReleaseDate: DateInputSchema.nullable().optional().meta({ description: 'The release date slack is counted against' }),
    criticalDefectsAcceptNone: z.boolean().optional().meta({
      description:
        'Floor inspections: critical defects accept none (Ac 0, Re 1) whatever the sampling plan (default true); inspections already recorded keep their verdict',
    }),
    reason: LongText(2000, { error: 'A reason is required: say why the plan settings change.' }).min(1, 'Say why.'),
  })
  .strict();
export type PlanSettings = z.infer<typeof PlanSettingsSchema>;

export const SlipSummarySchema = z.object({
  count: z.number().int().meta({ description: 'Times the forecast date moved' }),
  netDays: z.number().int().meta({ description: 'Business days from the first forecast to the current one (positive = later)' }),
  lastMovedAt: InstantSchema.nullable(),
});

export const PlanRowSchema = z
  .object({
    id: z.string(),
    key: z.string(),
    name: z.string(),
    phase: PhaseSchema,
    owner: PersonRefSchema.nullable(),
    isCritical: z.boolean().meta({ description: 'The critical flag set by people (a key milestone)' }),
    baselineDate: PlainDateSchema.nullable().meta({
      description: 'Planned date in the chosen baseline; null when the milestone came after it',
    }),
    currentBaselineDate: PlainDateSchema,
    forecastDate: PlainDateSchema,
    actualDate: PlainDateSchema.nullable(),
    varianceDays: z.number().int().nullable().meta({
      description: 'Business days from the chosen baseline to the forecast (or actual); null without a planned date',
    }),
    toleranceDays: z.number().int().meta({ description: "The milestone's own tolerance, or the program's default" }),
    toleranceIsDefault: z.boolean(),
    breach: z.boolean().meta({ description: 'The forecast lies more than the tolerance after the current baseline' }),
    slackDays: z.number().int().nullable().meta({
      description: 'Business days to spare before the target release moves; null without a target release',
    }),
    onCriticalPath: z.boolean(),
    provisional: z.boolean().meta({ description: 'The forecast is counted across days whose official calendar is not yet published' }),
    health: HealthSchema,
    healthReason: HealthReasonSchema,
    dueInBusinessDays: z.number().int().nullable().meta({
      description:
        'Business days from today at the factory to the forecast date while the milestone is open and the date not passed (0: due today); null once done or overdue',
    }),
    slips: SlipSummarySchema,
    predecessors: z.array(z.object({ id: z.string(), key: z.string(), lagDays: z.number().int(), linkId: z.string() })),
    blockedBy: z.array(z.object({ id: z.string(), key: z.string(), title: z.string(), dueDate: PlainDateSchema.nullable() })),
    version: z.number().int(),
  })
  .meta({ id: 'PlanRow' });
export type PlanRow = z.infer<typeof PlanRowSchema>;

export const PlanSchema = z
  .object({
    programId: z.string(),
    code: z.string(),
    today: PlainDateSchema,
    status: z.enum(['draft', 'active', 'on_hold', 'closed']),
    toleranceDays: z.number().int(),
    targetReleaseDate: PlainDateSchema.nullable(),
    /** The program version, for plan settings and activation. */
    version: z.number().int(),
    baseline: BaselineSchema.nullable().meta({
      description: 'The baseline rows are compared with (latest unless ?baseline=N); null before baseline 0',
    }),
    baselines: z.array(BaselineSchema),
    rows: z.array(PlanRowSchema),
    criticalPath: z.array(z.string()).meta({ description: 'Milestone keys on the critical path, in order' }),
    minSlackDays: z.number().int().nullable(),
    provisionalYears: z.array(z.object({ year: z.number().int(), countries: z.array(z.string()) })),
  })
  .meta({ id: 'Plan' });
export type Plan = z.infer<typeof PlanSchema>;

export const PlanQuerySchema = z.object({
  baseline: z.coerce.number().int().min(0).optional().meta({ description: 'Baseline number to compare with; the latest when omitted' }),
});

export const SlipHistorySchema = z
  .object({
    milestone: z.object({ id: z.string(), key: z.string(), name: z.string() }),
    count: z.number().int(),
    netDays: z.number().int(),
    moves: z
      .array(
        z.object({
          at: InstantSchema,
          by: PersonRefSchema.nullable(),
          from: PlainDateSchema,
          to: PlainDateSchema,
          days: z.number().int().meta({ description: 'Business days later (negative: earlier)' }),
          reason: z.string().nullable(),
        }),
      )
      .meta({ description: 'One page of the moves, oldest first; count and netDays cover every move' }),
    nextCursor: NextCursorSchema,
  })
  .meta({ id: 'SlipHistory' });

export const SlipsQuerySchema = z.object({ limit: pageLimit(100, 500), cursor: CursorSchema.optional() }).strict();
export type SlipHistory = z.infer<typeof SlipHistorySchema>;

export const MtaQuerySchema = z.object({
  from: DateInputSchema.optional().meta({ description: 'First reporting week (any day in it); defaults to 12 weeks back' }),
  to: DateInputSchema.optional().meta({ description: 'Last reporting week (any day in it); defaults to this week' }),
  milestones: Identifier(2000, 0)
    .optional()
    .meta({ description: 'Comma-separated milestone keys; defaults to the milestones flagged critical (at most 12)' }),
});

export const MtaSchema = z
  .object({
    weeks: z.array(
      z.object({
        week: z.string().meta({ description: 'ISO week, e.g. 2026-W48' }),
        start: PlainDateSchema,
        asOf: InstantSchema.meta({ description: 'The instant the week is read at: its end, or now for the current week' }),
      }),
    ),
    series: z.array(
      z.object({
        id: z.string(),
        key: z.string(),
        name: z.string(),
        baselineDate: PlainDateSchema,
        points: z.array(
          z.object({
            week: z.string(),
            forecastDate: PlainDateSchema.nullable().meta({ description: 'Null before the milestone existed' }),
            done: z.boolean(),
          }),
        ),
      }),
    ),
  })
  .meta({ id: 'Mta' });
export type Mta = z.infer<typeof MtaSchema>;
