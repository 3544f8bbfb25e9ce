import { z } from 'zod';
import {
  DueDateSchema,
  Identifier,
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

export const LinkRefSchema = z.object({
  entity: z.enum(['milestone', 'decision', 'risk', 'action']),
  id: Identifier(64).meta({ description: 'Id or key (M-12, D-3, R-2, A-7) within the program' }),
});
export const LinkedSchema = z.object({ entity: z.string(), id: z.string(), key: z.string(), title: z.string() });

export const DecisionStatusSchema = z.enum(['open', 'decided', 'superseded']);

export const DecisionSchema = z
  .object({
    id: z.string(),
    programId: z.string(),
    programCode: z.string(),
    key: z.string().meta({ description: 'D-n within the program' }),
    statement: z.string(),
    context: z.string(),
    options: z.string(),
    owner: PersonRefSchema.nullable(),
    requestedBy: PersonRefSchema.nullable(),
    dueDate: PlainDateSchema.nullable(),
    isOverdue: z.boolean(),
    flags: z
      .array(z.enum(['no_owner', 'no_due_date']))
      .meta({ description: 'What an open decision lacks (an owner, a due date); empty once decided' }),
    status: DecisionStatusSchema,
    outcome: z.string().nullable(),
    rationale: z.string().nullable(),
    expectedImpact: z.string().nullable(),
    decidedAt: InstantSchema.nullable(),
    decidedBy: PersonRefSchema.nullable(),
    supersedes: z.object({ id: z.string(), key: z.string() }).nullable(),
    supersededBy: z.object({ id: z.string(), key: z.string() }).nullable(),
    links: z.array(LinkedSchema),
    version: z.number().int(),
    warnings: WarningsSchema,
  })
  .meta({ id: 'Decision' });
export type Decision = z.infer<typeof DecisionSchema>;
export const DecisionListSchema = z.object({ items: z.array(DecisionSchema) });
/** A page of a program's decision log. */
export const DecisionPageSchema = z.object({ items: z.array(DecisionSchema), nextCursor: NextCursorSchema, period: PeriodSchema });
export const DecisionParamsSchema = z.object({ programId: IdSchema, decisionId: IdSchema.meta({ description: 'Id or key (D-7)' }) });

export const RequestDecisionSchema = z
  .object({
    statement: ShortText(500).min(1, 'Say what must be decided.'),
    context: LongText(5000).optional(),
    options: LongText(5000).optional().meta({ description: 'The options on the table, one per line' }),
    ownerId: OwnerIdSchema('Name the decision owner: every decision has one.').meta({
      description: 'Who decides (required): a person with a decision role on the program',
    }),
    dueDate: DueDateSchema('Say by when it must be decided: every decision has a due date.').meta({
      description: 'When the decision is needed (required)',
    }),
    links: z.array(LinkRefSchema).max(50).optional(),
  })
  .strict();

export const EditDecisionSchema = z
  .object({
    version: VersionSchema,
    statement: ShortText(500).min(1).optional(),
    context: LongText(5000).optional(),
    options: LongText(5000).optional(),
    ownerId: IdSchema.optional(),
    dueDate: DueDateSchema('A decision keeps a due date: move it instead.')
      .optional()
      .meta({ description: 'Move the due date; it cannot be taken away' }),
  })
  .strict();

const Verdict = {
  outcome: LongText(5000).min(1, 'Say what was decided.'),
  rationale: LongText(5000).min(1, 'Say why.'),
  expectedImpact: LongText(5000).min(1, 'Say what it will change (dates, cost, quality).'),
};

export const DecideSchema = z.object({ version: VersionSchema, ...Verdict }).strict();

export const SupersedeSchema = z
  .object({
    version: VersionSchema,
    reason: LongText(2000).min(1, 'Say why the earlier decision no longer holds.'),
    statement: ShortText(500).min(1).optional().meta({ description: 'Defaults to the earlier statement' }),
    ...Verdict,
  })
  .strict();
export const SupersededSchema = z.object({ replaced: DecisionSchema, replacement: DecisionSchema });

export const DecisionQueueQuerySchema = z
  .object({ ownerId: IdSchema.optional().meta({ description: 'Only this owner’s decisions; "me" for yours' }) })
  .strict();

export const DecisionsQuerySchema = z
  .object({
    status: z
      .enum(['all', 'open', 'closed', 'decided', 'superseded'])
      .default('all')
      .meta({ description: 'closed: decided or superseded' }),
    order: z
      .enum(['asc', 'desc'])
      .default('asc')
      .meta({ description: 'By key: asc (D-1 first, the order they were asked for) or desc (the latest asked first)' }),
    ...PeriodQuery,
    limit: pageLimit(100, 500),
    cursor: CursorSchema.optional(),
  })
  .strict();
