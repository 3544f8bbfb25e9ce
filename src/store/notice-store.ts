import { type Kysely, sql } from 'kysely';
import type { NewNotice, Notice, Reads, Tx } from '../app/ports.js';
import type { UserId } from '../domain/ids.js';
import type { NoticeBody } from '../domain/notifications.js';
import type { StoreDialect } from './dialects/store-dialect.js';
import { chunks } from './in-lists.js';
import type { Database, NotificationsTable } from './schema.js';

// The notices' rows (migration 0018): operational records outside the change log, like sessions; the
// changes they tell of are in it.

/** A notifications row as the app reads it (its facts decoded); the mail store reads notices for digests with it too. */
export const toNotice = (r: NotificationsTable): Notice =>
  ({
    id: r.id,
    recipientId: r.recipientId as UserId,
    programId: r.programId,
    kind: r.kind,
    facts: JSON.parse(r.facts),
    link: r.link,
    actorId: r.actorId as UserId | null,
    createdAt: r.createdAt,
    readAt: r.readAt,
  }) as Notice;

type NoticeReads = Pick<Reads, 'listNotices' | 'findNotice' | 'unreadNotices' | 'listProgramRevisions'>;
type NoticeWrites = Pick<Tx, 'insertNotices' | 'markNoticesRead' | 'openSpell' | 'openSpells' | 'closeSpells'>;

export function noticeReads(db: Kysely<Database>, dialect: Pick<StoreDialect, 'count'>): NoticeReads {
  return {
    async listNotices(recipientId, q) {
      let query = db.selectFrom('notifications').selectAll().where('recipientId', '=', recipientId);
      if (q.unreadOnly) query = query.where('readAt', 'is', null);
      const after = q.after;
      if (after) {
        query = query.where((eb) =>
          eb.or([eb('createdAt', '<', after.createdAt), eb.and([eb('createdAt', '=', after.createdAt), eb('id', '<', after.id)])]),
        );
      }
      const rows = await query.orderBy('createdAt', 'desc').orderBy('id', 'desc').limit(q.limit).execute();
      return rows.map(toNotice);
    },
    async findNotice(recipientId, id) {
      const r = await db
        .selectFrom('notifications')
        .selectAll()
        .where('recipientId', '=', recipientId)
        .where('id', '=', id)
        .executeTakeFirst();
      return r ? toNotice(r) : null;
    },
    async unreadNotices(recipientIds) {
      const out = new Map<string, { count: number; newestId: string | null }>();
      for (const part of chunks([...new Set(recipientIds)])) {
        const rows = await db
          .selectFrom('notifications')
          .select((eb) => ['recipientId', eb.fn.countAll().as('count'), eb.fn.max('id').as('newestId')])
          .where('recipientId', 'in', part)
          .where('readAt', 'is', null)
          .groupBy('recipientId')
          .execute();
        for (const r of rows) out.set(r.recipientId, { count: dialect.count(r.count), newestId: (r.newestId as string | null) ?? null });
      }
      return out;
    },
    async listProgramRevisions() {
      const rows = await db.selectFrom('programs').select(['id', 'code', 'clientId', 'revision']).execute();
      return rows.map((r) => ({ id: r.id, code: r.code, clientId: r.clientId, revision: Number(r.revision) }));
    },
  };
}

export function noticeWrites(db: Kysely<Database>): NoticeWrites {
  return {
    async insertNotices(notices: readonly NewNotice[]) {
      const kept: string[] = [];
      for (const part of chunks([...notices])) {
        const rows = await db
          .insertInto('notifications')
          .values(
            part.map((n) => {
              const body: NoticeBody = n;
              return {
                id: n.id,
                recipientId: n.recipientId,
                programId: n.programId,
                kind: body.kind,
                facts: JSON.stringify(body.facts),
                link: n.link,
                actorId: n.actorId,
                dedupeKey: n.dedupeKey,
                createdAt: n.createdAt,
                readAt: null,
              };
            }),
          )
          // Insert-if-absent: a notice sent once per key (a gate at risk, per spell) is kept once, however many ask at once.
          .onConflict((oc) => oc.columns(['recipientId', 'dedupeKey']).doNothing())
          .returning('id')
          .execute();
        for (const r of rows) kept.push(r.id);
      }
      return kept;
    },
    async markNoticesRead(recipientId, ids, at) {
      const unread = () =>
        db.updateTable('notifications').set({ readAt: at }).where('recipientId', '=', recipientId).where('readAt', 'is', null);
      if (ids === 'all') return Number((await unread().executeTakeFirst()).numUpdatedRows);
      let marked = 0;
      for (const part of chunks([...ids])) marked += Number((await unread().where('id', 'in', part).executeTakeFirst()).numUpdatedRows);
      return marked;
    },
    async openSpell(subject, at) {
      // Opened by whoever inserts it or flips it from closed; a caller that finds it open changes nothing and gets no row.
      const r = await db
        .insertInto('noticeSpells')
        .values({ subject, spell: 1, isOpen: 1, updatedAt: at })
        .onConflict((oc) =>
          oc
            .column('subject')
            .doUpdateSet({ spell: sql`notice_spells.spell + 1`, isOpen: 1, updatedAt: at })
            .where('noticeSpells.isOpen', '=', 0),
        )
        .returning('spell')
        .executeTakeFirst();
      return r ? Number(r.spell) : null;
    },
    async openSpells(subjects, at) {
      const opened = new Set<string>();
      for (const part of chunks([...new Set(subjects)])) {
        const rows = await db
          .insertInto('noticeSpells')
          .values(part.map((subject) => ({ subject, spell: 1, isOpen: 1, updatedAt: at })))
          .onConflict((oc) =>
            oc
              .column('subject')
              .doUpdateSet({ spell: sql`notice_spells.spell + 1`, isOpen: 1, updatedAt: at })
              .where('noticeSpells.isOpen', '=', 0),
          )
          .returning('subject')
          .execute();
        for (const r of rows) opened.add(r.subject);
      }
      return opened;
    },
    async closeSpells(subjects, at) {
      for (const part of chunks([...subjects])) {
        await db
          .updateTable('noticeSpells')
          .set({ isOpen: 0, updatedAt: at })
          .where('subject', 'in', part)
          .where('isOpen', '=', 1)
          .execute();
      }
    },
  };
}
