import type { Kysely } from 'kysely';
import type { Reads, TriggerRecord } from '../app/ports.js';
import { type Escalation, type EscalationStatus, openEscalationStatuses } from '../domain/escalations/escalation.js';
import type { Severity, TriggerKind } from '../domain/escalations/triggers.js';
import type { ProgramId, UserId } from '../domain/ids.js';
import type { Role } from '../domain/roles.js';
import type { StoreDialect } from './dialects/store-dialect.js';
import { chunks } from './in-lists.js';
import { toCharter } from './mappers.js';
import type { Database, EscalationsTable, TriggersTable } from './schema.js';

// Escalation triggers and escalations (migration 0023): their reads. Their writes go through the one write path.

const toTrigger = (r: TriggersTable): TriggerRecord => ({
  id: r.id,
  programId: r.programId as ProgramId,
  kind: r.kind as TriggerKind,
  isEnabled: Number(r.isEnabled) === 1,
  threshold: r.threshold === null ? null : Number(r.threshold),
  severity: r.severity as Severity,
  ownerUserId: r.ownerUserId as UserId | null,
  ownerRole: r.ownerRole as Role | null,
  windowUnit: r.windowUnit as TriggerRecord['windowUnit'],
  windowAmount: Number(r.windowAmount),
  climbs: Number(r.climbs) === 1,
  version: Number(r.version),
});

export const toEscalation = (r: EscalationsTable): Escalation => ({
  id: r.id,
  programId: r.programId,
  key: r.key,
  triggerKind: r.triggerKind as TriggerKind,
  conditionKey: r.conditionKey,
  subjectKind: r.subjectKind as Escalation['subjectKind'],
  subjectRef: r.subjectRef,
  subjectTitle: r.subjectTitle,
  subjectLink: r.subjectLink,
  severity: r.severity as Severity,
  ownerId: r.ownerId as UserId,
  level: Number(r.level),
  raisedAt: r.raisedAt,
  deadlineAt: r.deadlineAt,
  status: r.status as EscalationStatus,
  outcome: r.outcome,
  decisionId: r.decisionId,
  actionId: r.actionId,
  acknowledgedAt: r.acknowledgedAt,
  resolvedAt: r.resolvedAt,
  version: Number(r.version),
});

type EscalationReads = Pick<
  Reads,
  | 'listCharters'
  | 'listTriggers'
  | 'listOwnedOpenEscalations'
  | 'findEscalation'
  | 'listEscalations'
  | 'listOpenConditionKeys'
  | 'listEscalationsDue'
  | 'countEscalations'
  | 'listOpenSpells'
>;

const waiting: EscalationStatus[] = ['open', 'escalated'];

export function escalationReads(db: Kysely<Database>, dialect: Pick<StoreDialect, 'count'>): EscalationReads {
  return {
    async listCharters(programIds) {
      const out = [];
      for (const part of chunks([...new Set(programIds)])) {
        const rows = await db.selectFrom('programCharters').selectAll().where('programId', 'in', part).execute();
        out.push(...rows.map((r) => ({ ...toCharter(r), programId: r.programId })));
      }
      return out;
    },
    async listTriggers(programIds) {
      const out: TriggerRecord[] = [];
      for (const part of chunks([...new Set(programIds)])) {
        out.push(...(await db.selectFrom('escalationTriggers').selectAll().where('programId', 'in', part).execute()).map(toTrigger));
      }
      return out;
    },
    async findEscalation(programId, idOrKey) {
      const r = await db
        .selectFrom('escalations')
        .selectAll()
        .where('programId', '=', programId)
        .where((eb) => eb.or([eb('id', '=', idOrKey), eb('key', '=', idOrKey.toUpperCase())]))
        .executeTakeFirst();
      return r ? toEscalation(r) : null;
    },
    async listEscalations(q) {
      if (q.programIds.length === 0) return [];
      let query = db.selectFrom('escalations').selectAll();
      // A person's own list reads by owner (escalations_owner_status_idx); a program's by program.
      query = query.where('programId', 'in', [...q.programIds]);
      if (q.ownerId) query = query.where('ownerId', '=', q.ownerId);
      if (q.statuses && q.statuses.length > 0) query = query.where('status', 'in', [...q.statuses]);
      if (q.overdueAt) {
        const at = q.overdueAt;
        query = query.where((eb) =>
          eb.or([eb('status', '=', 'expired'), eb.and([eb('status', 'in', waiting), eb('deadlineAt', '<=', at)])]),
        );
      }
      if (q.after) {
        const { raisedAt, id } = q.after;
        query = query.where((eb) => eb.or([eb('raisedAt', '<', raisedAt), eb.and([eb('raisedAt', '=', raisedAt), eb('id', '<', id)])]));
      }
      return (await query.orderBy('raisedAt', 'desc').orderBy('id', 'desc').limit(q.limit).execute()).map(toEscalation);
    },
    async listOwnedOpenEscalations(ownerId) {
      const rows = await db
        .selectFrom('escalations')
        .selectAll()
        .where('ownerId', '=', ownerId)
        .where('status', 'in', [...openEscalationStatuses])
        .orderBy('deadlineAt')
        .orderBy('id')
        .limit(500)
        .execute();
      return rows.map(toEscalation);
    },
    async listOpenConditionKeys(programIds) {
      const out: { programId: string; conditionKey: string }[] = [];
      for (const part of chunks([...new Set(programIds)])) {
        const rows = await db
          .selectFrom('escalations')
          .select(['programId', 'conditionKey'])
          .where('programId', 'in', part)
          .where('status', 'in', [...openEscalationStatuses])
          .execute();
        out.push(...rows);
      }
      return out;
    },
    async listEscalationsDue(programIds, now) {
      const out: Escalation[] = [];
      for (const part of chunks([...new Set(programIds)])) {
        const rows = await db
          .selectFrom('escalations')
          .selectAll()
          .where('programId', 'in', part)
          .where('status', 'in', waiting)
          .where('deadlineAt', '<=', now)
          .execute();
        out.push(...rows.map(toEscalation));
      }
      return out;
    },
    async countEscalations(programIds, now) {
      const out = new Map<string, { open: number; overdue: number; nextDeadlineAt: string | null }>();
      for (const part of chunks([...new Set(programIds)])) {
        const rows = await db
          .selectFrom('escalations')
          .select((eb) => [
            'programId',
            eb.fn.countAll().as('open'),
            eb.fn
              .sum(
                eb
                  .case()
                  .when(eb.or([eb('status', '=', 'expired'), eb.and([eb('status', 'in', waiting), eb('deadlineAt', '<=', now)])]))
                  .then(1)
                  .else(0)
                  .end(),
              )
              .as('overdue'),
            eb.fn
              .min(
                eb
                  .case()
                  .when(eb.and([eb('status', 'in', waiting), eb('deadlineAt', '>', now)]))
                  .then(eb.ref('deadlineAt'))
                  .else(null)
                  .end(),
              )
              .as('nextDeadlineAt'),
          ])
          .where('programId', 'in', part)
          .where('status', 'in', [...openEscalationStatuses])
          .groupBy('programId')
          .execute();
        for (const r of rows)
          out.set(r.programId, {
            open: dialect.count(r.open),
            overdue: dialect.count(r.overdue ?? 0),
            nextDeadlineAt: (r.nextDeadlineAt as string | null) ?? null,
          });
      }
      return out;
    },
    async listOpenSpells(prefixes) {
      const out: string[] = [];
      // The subject's first n characters among the prefixes of length n: one set lookup a row (a LIKE per
      // prefix made each row test up to a hundred patterns).
      const byLength = new Map<number, string[]>();
      for (const p of new Set(prefixes)) byLength.set(p.length, [...(byLength.get(p.length) ?? []), p]);
      for (const [length, all] of byLength) {
        for (const part of chunks(all)) {
          const rows = await db
            .selectFrom('noticeSpells')
            .select('subject')
            .where('isOpen', '=', 1)
            .where((eb) => eb(eb.fn<string>('substr', ['subject', eb.lit(1), eb.lit(length)]), 'in', part))
            .execute();
          out.push(...rows.map((r) => r.subject));
        }
      }
      return out;
    },
  };
}
