import { z } from 'zod';
import {
  DateInputSchema,
  DueDateSchema,
  IdSchema,
  InstantSchema,
  LongText,
  OwnerIdSchema,
  PersonRefSchema,
  PlainDateSchema,
  ShortText,
  VersionSchema,
  WarningsSchema,
} from './common.js';
import { CursorSchema, NextCursorSchema, PeriodQuery, PeriodSchema, pageLimit } from './paging.js';

export const ActionSeveritySchema = z.enum(['low', 'medium', 'high', 'critical']);
export const ActionStatusSchema = z.enum(['open', 'done', 'closed']);

export const ActionSchema = z
  .object({
    id: z.string(),
    programId: z.string(),
    programCode: z.string(),
    key: z.string().meta({ description: 'A-n within the program' }),
    title: z.string(),
    description: z.string(),
    owner: PersonRefSchema.nullable(),
    dueDate: PlainDateSchema.nullable(),
    originalDueDate: PlainDateSchema.nullable().meta({ description: 'The first promised date, kept when the due date is re-planned' }),
    severity: ActionSeveritySchema,
    blocks: z.object({ id: z.string(), key: z.string(), name: z.string() }).nullable(),
    risk: z.object({ id: z.string(), key: z.string(), title: z.string() }).nullable(),
    status: ActionStatusSchema.meta({
      description:
        'open; done (waiting for someone other than who marked it done to confirm: the cadence owner, a decision owner or an admin); closed (confirmed)',
    }),
    isOverdue: z.boolean(),
    doneNote: z.string().nullable(),
    doneAt: InstantSchema.nullable(),
    doneBy: PersonRefSchema.nullable().meta({
      description: 'Who marked it done; they may not also confirm its closure (two people, two steps)',
    }),
    confirmedBy: PersonRefSchema.nullable(),
    confirmedAt: InstantSchema.nullable(),
    checkDate: PlainDateSchema.nullable().meta({ description: 'Effectiveness check: when to verify the fix held' }),
    checkResult: z.enum(['effective', 'not_effective']).nullable(),
    version: z.number().int(),
    warnings: WarningsSchema,
  })
  .meta({ id: 'Action' });
export type Action = z.infer<typeof ActionSchema>;
/** A page of a program's actions. */
export const ActionListSchema = z.object({ items: z.array(ActionSchema), nextCursor: NextCursorSchema, period: PeriodSchema });
export const ActionParamsSchema = z.object({ programId: IdSchema, actionId: IdSchema.meta({ description: 'Id or key (A-12)' }) });

export const OpenActionSchema = z
  .object({
    title: ShortText(300).min(1, 'Say what must be done.'),
    description: LongText(5000).optional(),
    ownerId: OwnerIdSchema('Name who will do it: every action has an owner.').meta({
      description: 'Who does it (required): a person with a role on the program',
    }),
    dueDate: DueDateSchema('Say by when it is done: every action has a due date.').meta({ description: 'Required' }),
    severity: ActionSeveritySchema.default('medium'),
    blocksMilestoneId: IdSchema.nullable().optional().meta({ description: 'Milestone id or key it blocks' }),
    riskId: IdSchema.nullable().optional(),
    checkDate: DateInputSchema.nullable().optional(),
  })
  .strict();

export const EditActionSchema = z
  .object({
    version: VersionSchema,
    reason: LongText(2000).optional().meta({ description: 'Required when the due date moves' }),
    title: ShortText(300).min(1).optional(),
    description: LongText(5000).optional(),
    ownerId: OwnerIdSchema('An action keeps an owner: hand it over instead.')
      .optional()
      .meta({ description: 'Hand the action over; it cannot be left without an owner' }),
    dueDate: DueDateSchema('An action keeps a due date: move it instead.')
      .optional()
      .meta({ description: 'Move the due date (with a reason); it cannot be taken away' }),
    severity: ActionSeveritySchema.optional(),
    blocksMilestoneId: IdSchema.nullable().optional(),
    checkDate: DateInputSchema.nullable().optional(),
  })
  .strict();

export const MarkDoneSchema = z.object({ version: VersionSchema, note: LongText(5000).min(1, 'Say what was done.') }).strict();
export const ConfirmSchema = z.object({ version: VersionSchema }).strict();
// An empty reason reaches the domain, which refuses it as REASON_REQUIRED like every other missing reason.
export const ReopenSchema = z
  .object({ version: VersionSchema, reason: LongText(2000).meta({ description: 'Why it is not done after all; required' }) })
  .strict();
export const EffectivenessSchema = z.object({ version: VersionSchema, result: z.enum(['effective', 'not_effective']) }).strict();
export const ActionsQuerySchema = z
  .object({
    status: z.enum(['open', 'done', 'closed', 'all']).default('all'),
    ownerId: IdSchema.optional().meta({ description: 'A person\'s id, or "me"' }),
    ...PeriodQuery,
    limit: pageLimit(100, 500),
    cursor: CursorSchema.optional(),
  })
  .strict();
