import { z } from 'zod';
import { escalationLimits, escalationStatuses } from '../domain/escalations/escalation.js';
import { severities, thresholdOf, triggerKinds, windowLimits } from '../domain/escalations/triggers.js';
import { roles } from '../domain/roles.js';
import { IdSchema, InstantSchema, LongText, PersonRefSchema, ReasonSchema, ShortText } from './common.js';
import { CursorSchema, NextCursorSchema, pageLimit } from './paging.js';

// Escalation triggers per program and the escalation tracker (issue 13).

export const TriggerKindSchema = z.enum(triggerKinds).meta({ description: 'What fires an escalation' });
export const SeveritySchema = z.enum(severities);
export const EscalationStatusSchema = z.enum(escalationStatuses).meta({
  description:
    'open (at level 0, waiting for its action owner); acknowledged (its owner is on it; it no longer climbs); escalated (it expired and climbed a level of the escalation path); expired (past its deadline with no level left, or its trigger does not climb); resolved (with an outcome)',
});

const ActionOwnerSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('person'), userId: IdSchema.meta({ description: 'A person who holds a role on the program' }) }),
  z.object({ kind: z.literal('role'), role: z.enum(roles).meta({ description: 'Whoever holds this role on the program' }) }),
]);

const WindowSchema = z
  .object({
    unit: z.enum(['business_hours', 'business_days']),
    amount: z
      .number()
      .int()
      .min(1)
      .max(Math.max(windowLimits.business_hours.max, windowLimits.business_days.max))
      .meta({ description: `Business hours 1–${windowLimits.business_hours.max}, or business days 1–${windowLimits.business_days.max}` }),
  })
  .meta({
    description:
      "The action owner's response window, on their business calendar and in their time zone: business days end at the end of the Nth business day; business hours count within working hours (08:00 to the calendar's end of business day)",
  });

const thresholdText = triggerKinds
  .map((k) => {
    const t = thresholdOf[k];
    return `${k}: ${t === null ? 'none (null)' : `${t.min}–${t.max}, ${t.means}`}`;
  })
  .join('; ');

/** One kind's setting as sent (PUT) and answered. */
export const TriggerSettingSchema = z.object({
  isEnabled: z.boolean(),
  threshold: z
    .number()
    .nullable()
    .meta({ description: `The kind's N. ${thresholdText}` }),
  severity: SeveritySchema,
  owner: ActionOwnerSchema,
  window: WindowSchema,
  climbs: z.boolean().meta({ description: "Whether an expired escalation climbs the charter's escalation path" }),
});

export const TriggerSchema = TriggerSettingSchema.extend({
  kind: TriggerKindSchema,
  isDefault: z.boolean().meta({ description: 'Never set on this program: the default holds' }),
  version: z.number().int().meta({ description: 'Send it back to change the trigger; 0 while the default holds' }),
}).meta({ id: 'Trigger' });

export const TriggerListSchema = z.object({ programCode: z.string(), items: z.array(TriggerSchema) });
export const TriggerParamsSchema = z.object({ programId: IdSchema, kind: TriggerKindSchema });
export const SetTriggerSchema = TriggerSettingSchema.extend({
  version: z.number().int().min(0).meta({ description: 'The version you read (0: the default, never set)' }),
  reason: ReasonSchema.optional(),
}).strict();

export const EscalationSchema = z
  .object({
    id: z.string(),
    programId: z.string(),
    programCode: z.string(),
    key: z.string().meta({ description: 'X-n within the program' }),
    triggerKind: TriggerKindSchema,
    conditionKey: z
      .string()
      .meta({ description: 'The condition it was raised for, e.g. missed_milestone:M-12: one open escalation per program and condition' }),
    subject: z.object({
      kind: z.enum(['milestone', 'action', 'decision', 'risk', 'gate', 'event']),
      ref: z.string().meta({ description: "The record's key, or the floor event's id" }),
      title: z.string(),
      link: z.string().meta({ description: 'Where it is seen in the web app' }),
    }),
    severity: SeveritySchema,
    owner: PersonRefSchema.meta({ description: 'The current action owner' }),
    level: z.number().int().meta({ description: '0: the trigger’s action owner; n: the nth person of the escalation path' }),
    raisedAt: InstantSchema,
    deadlineAt: InstantSchema,
    status: EscalationStatusSchema,
    isOverdue: z.boolean().meta({ description: 'Past its deadline, not acknowledged nor resolved (or expired)' }),
    outcome: z.string().nullable(),
    decision: z.object({ id: z.string(), key: z.string() }).nullable(),
    action: z.object({ id: z.string(), key: z.string() }).nullable(),
    acknowledgedAt: InstantSchema.nullable(),
    resolvedAt: InstantSchema.nullable(),
    version: z.number().int(),
  })
  .meta({ id: 'Escalation' });
export type Escalation = z.infer<typeof EscalationSchema>;

export const EscalationListSchema = z.object({ items: z.array(EscalationSchema), nextCursor: NextCursorSchema });
export const EscalationParamsSchema = z.object({ programId: IdSchema, escalationId: IdSchema.meta({ description: 'Key (X-3) or id' }) });

const StatusFilterSchema = z
  .enum(['open', 'overdue', 'all', ...escalationStatuses.filter((s) => s !== 'open')])
  .default('open')
  .meta({ description: 'open (default): every one not resolved; overdue: past the deadline or expired; all; or one status' });

export const ProgramEscalationsQuerySchema = z
  .object({ status: StatusFilterSchema, limit: pageLimit(50, 200), cursor: CursorSchema.optional() })
  .strict();
export const EscalationsQuerySchema = z
  .object({
    owner: z.literal('me').optional().meta({ description: 'me: only those you are the action owner of' }),
    status: StatusFilterSchema,
    limit: pageLimit(50, 200),
    cursor: CursorSchema.optional(),
  })
  .strict();

const version = z.number().int().positive().meta({ description: 'The version you read; refused with 409 when it is no longer current' });
export const AcknowledgeEscalationSchema = z.object({ version }).strict();
export const ResolveEscalationSchema = z
  .object({
    version,
    outcome: LongText(escalationLimits.outcome).meta({ description: 'How it was resolved (required)' }),
    decisionId: ShortText(64).nullable().optional().meta({ description: 'A decision of the program that settled it (key or id)' }),
    actionId: ShortText(64).nullable().optional().meta({ description: 'An action of the program that settles it (key or id)' }),
  })
  .strict();
export const ReassignEscalationSchema = z
  .object({
    version,
    ownerId: IdSchema.meta({ description: 'The new action owner: a person who holds a role on the program' }),
    reason: LongText(escalationLimits.reason).meta({ description: 'Why it is handed over (required)' }),
  })
  .strict();
