import { z } from 'zod';
import {
  DateInputSchema,
  HealthReasonSchema,
  HealthSchema,
  IdSchema,
  LongText,
  OwnerIdSchema,
  PersonRefSchema,
  PlainDateSchema,
  ReasonSchema,
  ShortText,
  VersionSchema,
  WarningsSchema,
} from './common.js';
import { PhaseSchema } from './program.js';

export const MilestoneSchema = z
  .object({
    id: z.string(),
    programId: z.string(),
    key: z.string().meta({ description: 'Human key within the program, e.g. M-12' }),
    name: z.string(),
    phase: PhaseSchema,
    owner: PersonRefSchema.nullable(),
    baselineDate: PlainDateSchema,
    forecastDate: PlainDateSchema,
    actualDate: PlainDateSchema.nullable(),
    isCritical: z.boolean(),
    toleranceDays: z.number().int().nullable().meta({ description: "The milestone's own tolerance; null: the program's default" }),
    health: HealthSchema,
    healthReason: HealthReasonSchema,
    blockedBy: z
      .array(z.object({ id: z.string(), key: z.string(), title: z.string(), dueDate: z.string().nullable(), status: z.string() }))
      .meta({ description: 'Open actions that block this milestone' }),
    varianceDays: z.number().int().meta({ description: 'Business days from baseline to forecast (or actual); negative when early' }),
    dueInBusinessDays: z.number().int().nullable().meta({
      description:
        'Business days from today at the factory to the forecast date while the milestone is open and the date not passed (0: due today); null once done or overdue',
    }),
    version: z.number().int(),
    pushed: z
      .array(z.object({ id: z.string(), key: z.string(), from: PlainDateSchema, to: PlainDateSchema }))
      .optional()
      .meta({
        description:
          'Only in answers to a move or a completion that pushed successors later (in the same transaction); absent when it pushed none',
      }),
    warnings: WarningsSchema,
  })
  .meta({ id: 'Milestone' });
export type Milestone = z.infer<typeof MilestoneSchema>;

export const MilestoneListSchema = z.object({ items: z.array(MilestoneSchema) });

export const MilestoneParamsSchema = z.object({
  programId: IdSchema,
  milestoneId: IdSchema.meta({ description: 'Milestone id or key (e.g. M-12)' }),
});

const MilestoneNameSchema = ShortText(200).min(1, 'Give the milestone a name.');

export const CreateMilestoneSchema = z
  .object({
    name: MilestoneNameSchema,
    phase: PhaseSchema,
    ownerId: OwnerIdSchema('Name who delivers the milestone: every milestone has an owner.').meta({
      description: 'Who delivers it (required): a person with a role on the program',
    }),
    baselineDate: DateInputSchema.meta({ description: 'The planned date: the milestone’s due date (required)' }),
    forecastDate: DateInputSchema.optional().meta({ description: 'Defaults to the baseline date' }),
    isCritical: z.boolean().optional(),
    reason: ReasonSchema.optional(),
  })
  .strict();
export type CreateMilestone = z.infer<typeof CreateMilestoneSchema>;

export const UpdateMilestoneSchema = z
  .object({
    version: VersionSchema,
    name: MilestoneNameSchema.optional(),
    phase: PhaseSchema.optional(),
    ownerId: OwnerIdSchema('A milestone keeps an owner: hand it over to someone else instead.')
      .optional()
      .meta({ description: 'Hand the milestone over; it cannot be left without an owner' }),
    isCritical: z.boolean().optional(),
    baselineDate: DateInputSchema.optional().meta({
      description: 'Only before baseline 0 is taken; afterwards planned dates change by a re-baseline approved by a decision',
    }),
    toleranceDays: z.number().int().min(0).max(250).nullable().optional().meta({
      description: "Business days the forecast may lie after the baseline before it is a breach; null: the program's default",
    }),
    reason: ReasonSchema.optional().meta({ description: 'Required when the baseline date changes' }),
  })
  .strict();
export type UpdateMilestone = z.infer<typeof UpdateMilestoneSchema>;

export const MoveMilestoneSchema = z
  .object({
    version: VersionSchema,
    forecastDate: DateInputSchema,
    reason: LongText(2000, { error: 'A reason is required: say why the date moves.' }).meta({
      description: 'Why the date moves; required',
    }),
    pushedVersions: z.record(IdSchema, z.number().int().min(1)).optional().meta({
      description:
        'Versions of the milestones the move pushes, by id or key, as a move preview showed them; if any changed since, the whole move is refused with VERSION_CONFLICT',
    }),
  })
  .strict();
export type MoveMilestone = z.infer<typeof MoveMilestoneSchema>;

export const CompleteMilestoneSchema = z
  .object({
    version: VersionSchema,
    actualDate: DateInputSchema,
    reason: ReasonSchema.optional(),
  })
  .strict();
export type CompleteMilestone = z.infer<typeof CompleteMilestoneSchema>;
