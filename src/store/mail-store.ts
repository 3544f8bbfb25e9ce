import { type Kysely, sql } from 'kysely';
import type { ClaimedMail, NewMail, NotificationSettingRecord, Outbox, OutboxEntry, Reads, Tx } from '../app/ports.js';
import type { UserId } from '../domain/ids.js';
import type { NotificationMode } from '../domain/notification-settings.js';
import type { NoticeKind } from '../domain/notifications.js';
import type { StoreDialect } from './dialects/store-dialect.js';
import { chunks } from './in-lists.js';
import { toUser } from './mappers.js';
import { toNotice } from './notice-store.js';
import type { Database, OutboxTable } from './schema.js';

// E-mail's rows (migration 0021): the outbox, people's notification settings and the one-click links' key.
// The outbox is operational, outside the change log (the change that queued a message is in it); settings
// are a person's record, written through the one write path (Tx.write, entity notification_setting).

type MailReads = Pick<
  Reads,
  'listNotificationSettings' | 'listDigestUserIds' | 'listLeadershipMailUsers' | 'listNoticesBetween' | 'lastMailQueuedAt' | 'mailLinkKey'
>;

export function mailReads(db: Kysely<Database>): MailReads {
  return {
    async listNotificationSettings(userIds) {
      const out: NotificationSettingRecord[] = [];
      for (const part of chunks([...new Set(userIds)])) {
        const rows = await db.selectFrom('notificationSettings').selectAll().where('userId', 'in', part).orderBy('kind').execute();
        for (const r of rows) {
          out.push({
            id: r.id,
            userId: r.userId as UserId,
            kind: r.kind as NoticeKind,
            mode: r.mode as NotificationMode,
            version: Number(r.version),
          });
        }
      }
      return out;
    },
    async listDigestUserIds() {
      const rows = await db
        .selectFrom('notificationSettings')
        .select('userId')
        .distinct()
        .where('mode', '=', 'digest')
        .orderBy('userId')
        .execute();
      return rows.map((r) => r.userId as UserId);
    },
    async listLeadershipMailUsers() {
      const rows = await db
        .selectFrom('users')
        .selectAll()
        .where('hasLeadershipMail', '=', 1)
        .where('status', '=', 'active')
        .orderBy('id')
        .execute();
      return rows.map(toUser);
    },
    async listNoticesBetween(recipientId, kinds, since, until, limit) {
      if (kinds.length === 0) return [];
      const rows = await db
        .selectFrom('notifications')
        .selectAll()
        .where('recipientId', '=', recipientId)
        .where('kind', 'in', [...kinds])
        .where('createdAt', '>', since)
        .where('createdAt', '<=', until)
        // Not those already e-mailed on their own (while the kind was immediate).
        .where(({ not, exists, selectFrom }) =>
          not(exists(selectFrom('outbox').select('outbox.id').where('outbox.dedupeKey', '=', sql<string>`'notice:' || notifications.id`))),
        )
        .orderBy('createdAt')
        .orderBy('id')
        .limit(limit)
        .execute();
      return rows.map(toNotice);
    },
    async lastMailQueuedAt(recipientId, kind) {
      const r = await db
        .selectFrom('outbox')
        .select((eb) => eb.fn.max('createdAt').as('at'))
        .where('recipientId', '=', recipientId)
        .where('kind', '=', kind)
        .executeTakeFirst();
      return (r?.at as string | null | undefined) ?? null;
    },
    async mailLinkKey() {
      const r = await db.selectFrom('workspaceSecrets').select('value').where('name', '=', 'mail-link-key').executeTakeFirstOrThrow();
      return r.value;
    },
  };
}

/** The outbox write of a transaction; `queued` is told when a message was queued (the worker's nudge after commit). */
export function mailWrites(db: Kysely<Database>, queued: () => void): Pick<Tx, 'enqueueMail' | 'enqueueMails'> {
  const enqueueMails = async (mails: readonly NewMail[]) => {
    let count = 0;
    for (const part of chunks([...mails])) {
      const r = await db
        .insertInto('outbox')
        .values(
          part.map((m) => ({
            id: m.id,
            recipientId: m.recipientId,
            recipientAddress: m.to,
            kind: m.kind,
            subject: m.subject,
            textBody: m.text,
            htmlBody: m.html,
            unsubscribeUrl: m.unsubscribeUrl,
            dedupeKey: m.dedupeKey,
            createdAt: m.at,
            notBefore: m.at,
            attempts: 0,
            lastError: null,
            claimedBy: null,
            claimedUntil: null,
            sentAt: null,
            failedAt: null,
            attachmentName: m.attachment?.filename ?? null,
            attachmentType: m.attachment?.contentType ?? null,
            attachmentContent: m.attachment ? Buffer.from(m.attachment.content) : null,
          })),
        )
        .onConflict((oc) => oc.column('dedupeKey').doNothing())
        .returning('id')
        .execute();
      count += r.length;
    }
    if (count > 0) queued();
    return count;
  };
  return {
    enqueueMails,
    async enqueueMail(m) {
      return (await enqueueMails([m])) > 0;
    },
  };
}

const toClaimed = (
  r: Pick<
    OutboxTable,
    | 'id'
    | 'recipientAddress'
    | 'subject'
    | 'textBody'
    | 'htmlBody'
    | 'unsubscribeUrl'
    | 'attempts'
    | 'attachmentName'
    | 'attachmentType'
    | 'attachmentContent'
  >,
): ClaimedMail => ({
  id: r.id,
  to: r.recipientAddress,
  subject: r.subject,
  text: r.textBody,
  html: r.htmlBody,
  unsubscribeUrl: r.unsubscribeUrl,
  attachment:
    r.attachmentName !== null && r.attachmentContent !== null
      ? {
          filename: r.attachmentName,
          contentType: r.attachmentType ?? 'application/octet-stream',
          content: new Uint8Array(r.attachmentContent),
        }
      : null,
  attempts: Number(r.attempts),
});

/** The longest error text kept of a failed attempt. */
const maxErrorChars = 1000;

/** The worker's side of the outbox; each call is one statement, its own transaction. */
export function outboxOf(dialect: StoreDialect): Outbox {
  const { db } = dialect;
  return {
    async claim(workerId, now, leaseMs, limit) {
      const until = new Date(Date.parse(now) + leaseMs).toISOString();
      const rows = await db
        .updateTable('outbox')
        .set({ claimedBy: workerId, claimedUntil: until })
        .where('id', 'in', (eb) =>
          dialect.skipLocked(
            eb
              .selectFrom('outbox')
              .select('id')
              .where('sentAt', 'is', null)
              .where('failedAt', 'is', null)
              .where('notBefore', '<=', now)
              .where((w) => w.or([w('claimedUntil', 'is', null), w('claimedUntil', '<', now)]))
              .orderBy('notBefore')
              .orderBy('id')
              .limit(limit),
          ),
        )
        // Again on the row as it is when updated: a claim that committed meanwhile on another instance wins.
        .where('sentAt', 'is', null)
        .where('failedAt', 'is', null)
        .where((w) => w.or([w('claimedUntil', 'is', null), w('claimedUntil', '<', now)]))
        .returning([
          'id',
          'recipientAddress',
          'subject',
          'textBody',
          'htmlBody',
          'unsubscribeUrl',
          'attempts',
          'attachmentName',
          'attachmentType',
          'attachmentContent',
        ])
        .execute();
      return rows.map(toClaimed);
    },
    async markSent(id, workerId, at) {
      const r = await db
        .updateTable('outbox')
        .set({ sentAt: at, claimedUntil: null, attempts: (eb) => eb('attempts', '+', 1) })
        .where('id', '=', id)
        .where('claimedBy', '=', workerId)
        .where('sentAt', 'is', null)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },
    async markAttemptFailed(id, workerId, error, retryAt, at) {
      const r = await db
        .updateTable('outbox')
        .set({
          attempts: (eb) => eb('attempts', '+', 1),
          lastError: error.slice(0, maxErrorChars),
          claimedUntil: null,
          ...(retryAt === null ? { failedAt: at } : { notBefore: retryAt }),
        })
        .where('id', '=', id)
        .where('claimedBy', '=', workerId)
        .where('sentAt', 'is', null)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },
    async list(limit) {
      const rows = await db.selectFrom('outbox').selectAll().orderBy('createdAt').orderBy('id').limit(limit).execute();
      return rows.map(
        (r): OutboxEntry => ({
          ...toClaimed(r),
          recipientId: r.recipientId as UserId | null,
          kind: r.kind,
          dedupeKey: r.dedupeKey,
          createdAt: r.createdAt,
          notBefore: r.notBefore,
          lastError: r.lastError,
          sentAt: r.sentAt,
          failedAt: r.failedAt,
        }),
      );
    },
  };
}
