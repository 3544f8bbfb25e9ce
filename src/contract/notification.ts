import { z } from 'zod';
import { IdSchema, InstantSchema } from './common.js';
import { CursorSchema, NextCursorSchema, pageLimit } from './paging.js';

// A person's in-app notices (GET /me/notifications) and the live-update events (GET /events).

const NoticeItemSchema = z.object({ key: z.string(), title: z.string() });

const EscalationNoticeFactsSchema = z.object({
  programCode: z.string(),
  escalationKey: z.string(),
  triggerKind: z.string(),
  subjectTitle: z.string(),
  severity: z.string(),
  ownerName: z.string(),
  deadlineAt: InstantSchema,
  level: z.number().int(),
});

const base = {
  id: z.string(),
  programId: z.string().nullable(),
  link: z.string().meta({ description: 'Where it leads in the web app, e.g. /programs/AX-1/gates/G1#G1-3' }),
  actorId: z.string().nullable().meta({ description: 'Who made the change; null when Tollgate found it itself' }),
  actorName: z.string().nullable(),
  createdAt: InstantSchema,
  readAt: InstantSchema.nullable(),
};

export const NotificationSchema = z
  .discriminatedUnion('kind', [
    z.object({
      ...base,
      kind: z.literal('gate_status_changed'),
      facts: z.object({ programCode: z.string(), gateKey: z.string(), gateName: z.string(), fromStatus: z.string(), toStatus: z.string() }),
    }),
    z.object({
      ...base,
      kind: z.literal('evidence_awaits_review'),
      facts: z.object({ programCode: z.string(), gateKey: z.string(), itemKey: z.string(), itemTitle: z.string() }),
    }),
    z.object({
      ...base,
      kind: z.literal('evidence_rejected'),
      facts: z.object({ programCode: z.string(), gateKey: z.string(), itemKey: z.string(), itemTitle: z.string(), comment: z.string() }),
    }),
    z.object({
      ...base,
      kind: z.literal('gate_at_risk'),
      facts: z.object({
        programCode: z.string(),
        gateKey: z.string(),
        gateName: z.string(),
        plannedReviewDate: z.string().nullable(),
        items: z.array(NoticeItemSchema),
        moreItems: z.number(),
      }),
    }),
    z.object({
      ...base,
      kind: z.literal('intake_submitted'),
      facts: z.object({ programCode: z.string(), programName: z.string(), clientName: z.string() }),
    }),
    z.object({
      ...base,
      kind: z.literal('action_assigned'),
      facts: z.object({ programCode: z.string(), actionKey: z.string(), title: z.string() }),
    }),
    z.object({ ...base, kind: z.literal('escalation_raised'), facts: EscalationNoticeFactsSchema }),
    z.object({ ...base, kind: z.literal('escalation_climbed'), facts: EscalationNoticeFactsSchema }),
    z.object({
      ...base,
      kind: z.literal('update_requested'),
      facts: z.object({ programCode: z.string(), week: z.string(), items: z.array(NoticeItemSchema), moreItems: z.number() }),
    }),
  ])
  .meta({ description: 'A notice of a change that concerns you: its kind with its facts (records by key, titles as they were)' });
export type Notification = z.output<typeof NotificationSchema>;

export const NotificationListSchema = z.object({
  items: z.array(NotificationSchema),
  nextCursor: NextCursorSchema,
  unreadCount: z.number().int().meta({ description: 'Your unread notices in all' }),
});

export const NotificationsQuerySchema = z
  .object({
    unread: z.enum(['true', 'false']).optional().meta({ description: 'true: only unread notices' }),
    limit: pageLimit(50, 200),
    cursor: CursorSchema.optional(),
  })
  .strict();

export const NotificationParamsSchema = z.object({ notificationId: IdSchema });

export const UnreadCountSchema = z.object({ unreadCount: z.number().int() });
export const ReadAllSchema = UnreadCountSchema.extend({ marked: z.number().int().meta({ description: 'Notices marked read now' }) });

/** The `notification` event of GET /events: the unread count and the newest unread notice. */
export const NotificationEventSchema = z.object({ unreadCount: z.number().int(), newest: NotificationSchema.nullable() });
export type NotificationEvent = z.output<typeof NotificationEventSchema>;

/** The `program` event of GET /events: a program the person sees changed (refetch what shows it). */
export const ProgramEventSchema = z.object({ programId: z.string(), code: z.string() });
export type ProgramEvent = z.output<typeof ProgramEventSchema>;
