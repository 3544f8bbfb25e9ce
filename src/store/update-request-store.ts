import type { Kysely } from 'kysely';
import type { Reads } from '../app/ports.js';
import { chunks } from './in-lists.js';
import { toUpdateRequest } from './mappers.js';
import type { Database } from './schema.js';

// Update requests (migration 0028): a program's requests of a week, one by id (what a signed link names), a
// person's recent ones ("my week"), and what the run and the answered column read of the change log. Each
// is one query per chunk of ids. Writes go through the one write path.

type UpdateRequestReads = Pick<
  Reads,
  'listUpdateRequests' | 'findUpdateRequest' | 'listOwnUpdateRequests' | 'lastChangedAt' | 'firstChangesBy' | 'listAskedWeeks'
>;

export function updateRequestReads(db: Kysely<Database>): UpdateRequestReads {
  return {
    async listUpdateRequests(programId, week) {
      const rows = await db
        .selectFrom('updateRequests')
        .selectAll()
        .where('programId', '=', programId)
        .where('week', '=', week)
        .orderBy('askedAt')
        .orderBy('id')
        .execute();
      return rows.map(toUpdateRequest);
    },
    async listAskedWeeks(programIds, weeks) {
      const out: { programId: string; week: string }[] = [];
      if (weeks.length === 0) return out;
      for (const part of chunks([...new Set(programIds)])) {
        const rows = await db
          .selectFrom('updateRequests')
          .select(['programId', 'week'])
          .distinct()
          .where('programId', 'in', part)
          .where('week', 'in', [...new Set(weeks)])
          .execute();
        out.push(...rows);
      }
      return out;
    },
    async findUpdateRequest(id) {
      const r = await db.selectFrom('updateRequests').selectAll().where('id', '=', id).executeTakeFirst();
      return r ? toUpdateRequest(r) : null;
    },
    async listOwnUpdateRequests(ownerId, since) {
      const rows = await db
        .selectFrom('updateRequests')
        .selectAll()
        .where('ownerId', '=', ownerId)
        .where('askedAt', '>=', since)
        .orderBy('askedAt', 'desc')
        .limit(100)
        .execute();
      return rows.map(toUpdateRequest);
    },
    async lastChangedAt(programId, entityIds) {
      const out = new Map<string, string>();
      for (const part of chunks([...new Set(entityIds)])) {
        const rows = await db
          .selectFrom('changes')
          .select(['entityId'])
          .select((eb) => eb.fn.max('at').as('lastAt'))
          .where('programId', '=', programId)
          .where('entityId', 'in', part)
          .groupBy('entityId')
          .execute();
        for (const r of rows) out.set(r.entityId, String(r.lastAt));
      }
      return out;
    },
    async firstChangesBy(programId, actorIds, entityIds, since) {
      if (actorIds.length === 0 || entityIds.length === 0) return [];
      const out: { actorId: string; entityId: string; firstAt: string }[] = [];
      for (const part of chunks([...new Set(entityIds)])) {
        const rows = await db
          .selectFrom('changes')
          .select(['actorId', 'entityId'])
          .select((eb) => eb.fn.min('at').as('firstAt'))
          .where('programId', '=', programId)
          .where('actorId', 'in', [...new Set(actorIds)])
          .where('entityId', 'in', part)
          .where('at', '>', since)
          .groupBy(['actorId', 'entityId'])
          .execute();
        for (const r of rows) out.push({ actorId: r.actorId, entityId: r.entityId, firstAt: String(r.firstAt) });
        // Evidence added to a checklist item is a record of its own that names the item.
        const pieces = await db
          .selectFrom('changes')
          .select(['actorId', 'newValue'])
          .select((eb) => eb.fn.min('at').as('firstAt'))
          .where('programId', '=', programId)
          .where('entity', '=', 'evidence')
          .where('field', '=', 'itemId')
          .where('actorId', 'in', [...new Set(actorIds)])
          .where('newValue', 'in', part)
          .where('at', '>', since)
          .groupBy(['actorId', 'newValue'])
          .execute();
        for (const r of pieces) if (r.newValue !== null) out.push({ actorId: r.actorId, entityId: r.newValue, firstAt: String(r.firstAt) });
      }
      return out;
    },
  };
}
