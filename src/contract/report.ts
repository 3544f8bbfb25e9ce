import { z } from 'zod';
import { parseReportWeek } from '../domain/report/iso-week.js';
import { exportFormats } from '../domain/report/issued-report.js';
import { narrativeMax } from '../domain/report/report-input.js';
import { differencesMax } from '../domain/report/report-revision.js';
import { HealthSchema, IdSchema, InstantSchema, LongText, PlainDateSchema, ReasonSchema } from './common.js';
import { CursorSchema, NextCursorSchema, pageLimit } from './paging.js';

// The weekly operating report (issue 14): a week's draft, the narrative, issuing, issued reports and their renderings.

/** An ISO week in the program's time zone, `2026-W49`: a real week of the accepted years (refused naming `week`). */
export const ReportWeekSchema = z
  .string()
  .max(10)
  .superRefine((s, ctx) => {
    const r = parseReportWeek(s);
    if (!r.ok) ctx.addIssue({ code: 'custom', message: r.error.fields?.[0]?.message ?? r.error.message });
  })
  .meta({ description: "An ISO week in the program's time zone, YYYY-Www (Monday to Sunday)", example: '2026-W49' });

const PersonIdSchema = z.string().nullable().meta({ description: "A person's id (`people` names them); null: nobody" });

const MoveSchema = z.object({
  key: z.string(),
  name: z.string(),
  ownerId: PersonIdSchema,
  field: z.enum(['forecastDate', 'baselineDate']),
  from: PlainDateSchema,
  to: PlainDateSchema,
  days: z.number().int().meta({ description: 'Business days later on the program calendar (negative: earlier)' }),
  reason: z.string().nullable(),
  actorId: z.string(),
  at: InstantSchema,
});

const PlannedItemSchema = z.object({
  key: z.string(),
  title: z.string(),
  ownerId: PersonIdSchema,
  dueDate: PlainDateSchema.nullable(),
  gateKey: z.string().optional(),
});

const ReadinessLevelSchema = z.enum(['green', 'amber', 'red']);

/** One outcome of the week's cadence meeting as the minutes keep it (domain/report/meeting-minutes.ts). */
export const MinutesEntrySchema = z
  .discriminatedUnion('kind', [
    z.object({
      kind: z.literal('decision'),
      key: z.string(),
      statement: z.string(),
      outcome: z.string(),
      rationale: z.string(),
      ownerId: PersonIdSchema,
      actorId: z.string().meta({ description: 'Who recorded it' }),
      at: InstantSchema,
    }),
    z.object({
      kind: z.literal('action'),
      key: z.string(),
      title: z.string(),
      ownerId: PersonIdSchema,
      dueDate: PlainDateSchema.nullable(),
      actorId: z.string().meta({ description: 'Who recorded it' }),
      at: InstantSchema,
    }),
  ])
  .meta({ id: 'MinutesEntry' });

/** The report model (domain/report/weekly-report.ts), as every rendering reads it. */
export const WeeklyReportSchema = z
  .object({
    program: z.object({ id: z.string(), code: z.string(), name: z.string(), timeZone: z.string() }),
    week: z.string(),
    startDate: PlainDateSchema,
    endDate: PlainDateSchema,
    startAt: InstantSchema,
    endAt: InstantSchema,
    asOf: InstantSchema.meta({ description: 'The instant the report reads the week at: its end, or now while it runs' }),
    onTrack: z.object({
      code: z.enum(['complete', 'on_track', 'at_risk', 'off_track']),
      params: z.object({
        milestoneKey: z.string().nullable(),
        reason: z.string(),
        days: z.number().nullable(),
        detail: z.string().nullable(),
        late: z.number().int(),
        atRisk: z.number().int(),
        readiness: ReadinessLevelSchema,
      }),
      text: z.string(),
    }),
    milestoneMovement: z.object({
      moved: z.array(MoveSchema),
      completed: z.array(
        z.object({
          key: z.string(),
          name: z.string(),
          ownerId: PersonIdSchema,
          actualDate: PlainDateSchema,
          baselineDate: PlainDateSchema,
          varianceDays: z.number().int(),
          actorId: z.string().nullable(),
          at: InstantSchema.nullable(),
        }),
      ),
      wentLate: z.array(
        z.object({
          key: z.string(),
          name: z.string(),
          ownerId: PersonIdSchema,
          forecastDate: PlainDateSchema,
          baselineDate: PlainDateSchema,
          passed: z.array(z.enum(['forecast', 'baseline'])),
        }),
      ),
    }),
    blockers: z.object({
      actions: z.array(
        z.object({
          key: z.string(),
          title: z.string(),
          ownerId: PersonIdSchema,
          dueDate: PlainDateSchema.nullable(),
          isOverdue: z.boolean(),
          milestoneKey: z.string().nullable(),
        }),
      ),
      escalations: z.array(
        z.object({
          key: z.string(),
          title: z.string(),
          ownerId: PersonIdSchema,
          deadlineAt: InstantSchema.nullable(),
          status: z.enum(['open', 'acknowledged', 'resolved', 'expired']),
          level: z.number().int(),
          isOverdue: z.boolean(),
        }),
      ),
    }),
    decisionsNeeded: z.array(
      z.object({
        key: z.string(),
        statement: z.string(),
        ownerId: PersonIdSchema,
        dueDate: PlainDateSchema.nullable(),
        isOverdue: z.boolean(),
      }),
    ),
    riskChanges: z.array(
      z.object({
        kind: z.enum(['new', 'rescored', 'closed', 'realized']),
        key: z.string(),
        title: z.string(),
        ownerId: PersonIdSchema,
        from: z.number().nullable(),
        to: z.number().nullable(),
        reason: z.string().nullable(),
        actorId: z.string(),
        at: InstantSchema,
      }),
    ),
    nextWeek: z.object({
      week: z.string(),
      milestones: z.array(PlannedItemSchema),
      gateReviews: z.array(PlannedItemSchema),
      checklistItems: z.array(PlannedItemSchema),
      actions: z.array(PlannedItemSchema),
      decisions: z.array(PlannedItemSchema),
    }),
    planVsActual: z.array(
      z.object({
        key: z.string(),
        name: z.string(),
        ownerId: PersonIdSchema,
        baselineDate: PlainDateSchema,
        forecastDate: PlainDateSchema,
        actualDate: PlainDateSchema.nullable(),
        varianceDays: z.number().int(),
        health: HealthSchema,
      }),
    ),
    releaseReadiness: z.object({
      level: ReadinessLevelSchema,
      reasons: z.array(
        z
          .object({
            kind: z.string(),
            level: ReadinessLevelSchema,
            key: z.string().optional(),
            gateKey: z.string().optional(),
            itemKeys: z.array(z.string()).optional(),
            subject: z.string().optional(),
            score: z.number().optional(),
            isOverdue: z.boolean().optional(),
          })
          .meta({
            description:
              'Why readiness is not green: release_checklist_incomplete, release_gate_missing, inspection_rejected, critical_risk_open, escalation_open, blocking_action_open, release_decision_pending',
          }),
      ),
    }),
    narrative: z.string(),
    minutes: z.array(MinutesEntrySchema).optional().meta({
      description: "The outcomes recorded in the week's cadence meeting; absent from reports issued before meetings were recorded",
    }),
    people: z.array(z.object({ id: z.string(), name: z.string() })),
  })
  .meta({ id: 'WeeklyReport' });

export const LintFindingSchema = z.object({
  kind: z.enum(['decision_overdue', 'escalation_overdue', 'no_owner', 'no_due_date']),
  record: z.enum(['milestone', 'decision', 'risk', 'action', 'gate', 'checklist_item', 'escalation']),
  key: z.string(),
  title: z.string(),
  path: z.string().meta({ description: "The web app's page where it is fixed" }),
});

export const ReportDraftSchema = z
  .object({
    programCode: z.string(),
    week: z.string(),
    report: WeeklyReportSchema,
    findings: z.array(LintFindingSchema),
    narrativeVersion: z.number().int().meta({ description: 'Send it back to change the narrative; 0 while none was written' }),
    latestRevision: z.number().int().nullable().meta({ description: "The week's latest issued revision; null while never issued" }),
    canIssue: z.boolean().meta({ description: 'Whether you may write the narrative and issue (the cadence owner)' }),
  })
  .meta({ id: 'ReportDraft' });

export const SetNarrativeSchema = z
  .object({
    narrative: LongText(narrativeMax).meta({ description: `The cadence owner's words, at most ${narrativeMax} characters` }),
    version: z.number().int().min(0).meta({ description: 'The narrativeVersion you read (0: none written yet)' }),
  })
  .strict();

export const IssueReportSchema = z
  .object({
    acknowledgeFindings: z
      .boolean()
      .default(false)
      .meta({ description: 'Issue although the lint finds something; recorded in the report (409 REPORT_HAS_FINDINGS otherwise)' }),
    reason: ReasonSchema.optional(),
  })
  .strict();

const IssuedBySchema = z.object({ id: z.string(), name: z.string().nullable() });

export const IssuedReportSummarySchema = z.object({
  programCode: z.string(),
  week: z.string(),
  revision: z.number().int().min(1),
  issuedAt: InstantSchema,
  issuedBy: IssuedBySchema,
  findingsAcknowledged: z.boolean(),
  isAutomatic: z.boolean().meta({ description: "Issued by the charter's schedule, as the cadence owner" }),
});

export const IssuedReportListSchema = z.object({ items: z.array(IssuedReportSummarySchema), nextCursor: NextCursorSchema });

export const ReportIssueSchema = z.object({
  revision: z.number().int().min(1),
  issuedAt: InstantSchema,
  issuedById: z.string(),
  findings: z.array(LintFindingSchema),
  findingsAcknowledged: z.boolean(),
  isAutomatic: z
    .literal(true)
    .optional()
    .meta({ description: "Issued by the charter's schedule (findings acknowledged automatically); absent when issued by a person" }),
  changesFromPrevious: z
    .object({
      revision: z.number().int(),
      differences: z.array(z.object({ path: z.string(), from: z.unknown(), to: z.unknown() })),
      more: z.number().int(),
    })
    .nullable()
    .meta({
      description: `What changed against the revision before (at most ${differencesMax} listed, \`more\` counts the rest); null for revision 1`,
    }),
});

export const IssuedReportSchema = IssuedReportSummarySchema.extend({ report: WeeklyReportSchema, issue: ReportIssueSchema }).meta({
  id: 'IssuedReport',
});

export const ReportExportSchema = z.object({
  fileName: z.string(),
  mediaType: z.enum(['text/markdown', 'application/json']),
  content: z.string().meta({ description: 'The rendering, re-made from the snapshot alone: the same bytes whenever asked' }),
});

export const ReportsQuerySchema = z.object({ limit: pageLimit(25, 100), cursor: CursorSchema.optional() });
export const ReportWeekParamsSchema = z.object({ programId: IdSchema, week: ReportWeekSchema });
export const IssuedReportParamsSchema = ReportWeekParamsSchema.extend({
  revision: z
    .union([z.literal('latest'), z.coerce.number().int().min(1).max(10_000)])
    .meta({ description: "The revision, 1 for the first issue of the week; or `latest`, the week's last" }),
});
export const ReportExportQuerySchema = z.object({
  format: z.enum(exportFormats).default('md').meta({ description: 'md (Markdown) or json' }),
});
