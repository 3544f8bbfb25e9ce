import { type Kysely, sql } from 'kysely';
import type { IssuedReportHead, IssuedReportRecord, MeetingOutcomeRecord, Reads, ReportDraftRecord } from '../app/ports.js';
import type { InspectionDetails } from '../domain/floor/floor-event.js';
import type { ProgramId, UserId } from '../domain/ids.js';
import type { PlainDate } from '../domain/plain-date.js';
import { toEscalation } from './escalation-store.js';
import { chunks } from './in-lists.js';
import { toAction, toChange, toChecklistItem } from './mappers.js';
import type { Database, IssuedReportsTable, MeetingOutcomesTable, ReportDraftsTable } from './schema.js';

// Weekly reports (migration 0024): drafts' narratives and issued snapshots, and what reading a week needs
// besides the records themselves. Each is one query, whatever the size of the program. Writes go through
// the one write path.

type ReportReads = Pick<
  Reads,
  | 'findReportDraft'
  | 'listMeetingOutcomes'
  | 'listMeetingOutcomesOfPrograms'
  | 'listIssuedReports'
  | 'findIssuedReport'
  | 'listChangesSince'
  | 'listEscalationsOpenAt'
  | 'listInspectionVerdicts'
  | 'listChecklistItemsOfGates'
  | 'listActionsForReport'
  | 'listReportDraftsOfWeek'
  | 'listLatestIssuedReportsOfWeek'
  | 'listChangesSinceOfPrograms'
  | 'listEscalationsOpenDuring'
  | 'listInspectionVerdictsOfPrograms'
  | 'listAutoIssuePrograms'
>;

const toDraft = (r: ReportDraftsTable): ReportDraftRecord => ({
  id: r.id,
  programId: r.programId as ProgramId,
  week: r.week,
  narrative: r.narrative,
  version: Number(r.version),
});

const toOutcome = (r: MeetingOutcomesTable): MeetingOutcomeRecord => ({
  id: r.id,
  programId: r.programId as ProgramId,
  week: r.week,
  kind: r.kind === 'decision' ? 'decision' : 'action',
  recordId: r.recordId,
  recordKey: r.recordKey,
  title: r.title,
  outcome: r.outcome,
  rationale: r.rationale,
  ownerId: r.ownerId,
  dueDate: r.dueDate as PlainDate | null,
  recordedAt: r.recordedAt,
  recordedById: r.recordedById,
  version: Number(r.version),
});

const headColumns = [
  'id',
  'programId',
  'week',
  'revision',
  'issuedAt',
  'issuedById',
  'findingsAcknowledged',
  'isAutomatic',
  'version',
] as const;

const toHead = (r: Pick<IssuedReportsTable, (typeof headColumns)[number]>): IssuedReportHead => ({
  id: r.id,
  programId: r.programId as ProgramId,
  week: r.week,
  revision: Number(r.revision),
  issuedAt: r.issuedAt,
  issuedById: r.issuedById as UserId,
  findingsAcknowledged: Number(r.findingsAcknowledged) === 1,
  isAutomatic: Number(r.isAutomatic) === 1,
  version: Number(r.version),
});

const toIssued = (r: IssuedReportsTable): IssuedReportRecord => ({
  ...toHead(r),
  model: r.model,
  input: r.input,
  findings: r.findings,
  changesFromPrevious: r.changesFromPrevious,
});

export function reportReads(db: Kysely<Database>): ReportReads {
  return {
    async findReportDraft(programId, week) {
      const r = await db
        .selectFrom('reportDrafts')
        .selectAll()
        .where('programId', '=', programId)
        .where('week', '=', week)
        .executeTakeFirst();
      return r ? toDraft(r) : null;
    },
    async listMeetingOutcomes(programId, week) {
      const rows = await db
        .selectFrom('meetingOutcomes')
        .selectAll()
        .where('programId', '=', programId)
        .where('week', '=', week)
        .orderBy('recordedAt')
        .orderBy('recordKey')
        .execute();
      return rows.map(toOutcome);
    },
    async listMeetingOutcomesOfPrograms(programIds, week) {
      if (programIds.length === 0) return [];
      const rows = await db
        .selectFrom('meetingOutcomes')
        .selectAll()
        .where('programId', 'in', [...programIds])
        .where('week', '=', week)
        .orderBy('recordedAt')
        .orderBy('recordKey')
        .execute();
      return rows.map(toOutcome);
    },
    async listIssuedReports(programId, q) {
      let query = db.selectFrom('issuedReports').select(headColumns).where('programId', '=', programId);
      if (q.week !== undefined) query = query.where('week', '=', q.week);
      if (q.after) {
        const { issuedAt, id } = q.after;
        query = query.where((eb) => eb(eb.refTuple('issuedAt', 'id'), '<', eb.tuple(issuedAt, id)));
      }
      const rows = await query.orderBy('issuedAt', 'desc').orderBy('id', 'desc').limit(q.limit).execute();
      return rows.map(toHead);
    },
    async findIssuedReport(programId, week, revision) {
      let query = db.selectFrom('issuedReports').selectAll().where('programId', '=', programId).where('week', '=', week);
      if (revision !== undefined) query = query.where('revision', '=', revision);
      const r = await query.orderBy('revision', 'desc').limit(1).executeTakeFirst();
      return r ? toIssued(r) : null;
    },
    async listChangesSince(programId, since, entities, fields, limit) {
      if (entities.length === 0 || fields.length === 0) return [];
      const rows = await db
        .selectFrom('changes')
        .selectAll()
        .where('programId', '=', programId)
        .where('at', '>=', since)
        .where('entity', 'in', [...entities])
        .where('field', 'in', [...fields])
        .orderBy('at', 'asc')
        .orderBy('id', 'asc')
        .limit(limit)
        .execute();
      return rows.map(toChange);
    },
    async listEscalationsOpenAt(programId, at) {
      const rows = await db
        .selectFrom('escalations')
        .selectAll()
        .where('programId', '=', programId)
        .where('raisedAt', '<', at)
        .where((eb) => eb.or([eb('resolvedAt', 'is', null), eb('resolvedAt', '>=', at)]))
        .execute();
      return rows.map(toEscalation);
    },
    // The reads of many programs' weeks at once (the leadership view): one statement each, whatever the
    // number of programs (IN lists are far below both databases' parameter limits for any portfolio).
    async listChecklistItemsOfGates(programIds, gateIds) {
      if (programIds.length === 0 || gateIds.length === 0) return [];
      // By gate alone (a gate's id is unique), the programs checked here: with both IN lists in the statement,
      // SQLite looked up every pair of the (program, gate) index, 1,000 × 1,000 for a portfolio's release gates.
      const of = new Set<string>(programIds);
      const out: ReturnType<typeof toChecklistItem>[] = [];
      for (const part of chunks(gateIds)) {
        const rows = await db
          .selectFrom('checklistItems')
          .selectAll()
          .where('gateId', 'in', part)
          .orderBy('gateId')
          .orderBy('position')
          .execute();
        for (const r of rows) if (of.has(r.programId)) out.push(toChecklistItem(r));
      }
      return out;
    },
    async listActionsForReport(programIds, since, due) {
      if (programIds.length === 0) return [];
      const rows = await db
        .selectFrom('actions')
        .selectAll()
        .where('programId', 'in', [...programIds])
        .where((eb) =>
          eb.or([
            eb('blocksMilestoneId', 'is not', null),
            ...(due === null ? [] : [eb.and([eb('dueDate', '>=', due.start), eb('dueDate', '<=', due.end)])]),
            eb('updatedAt', '>=', since),
          ]),
        )
        .execute();
      return rows.map(toAction);
    },
    async listReportDraftsOfWeek(programIds, week) {
      if (programIds.length === 0) return [];
      const rows = await db
        .selectFrom('reportDrafts')
        .selectAll()
        .where('programId', 'in', [...programIds])
        .where('week', '=', week)
        .execute();
      return rows.map(toDraft);
    },
    async listLatestIssuedReportsOfWeek(programIds, week) {
      if (programIds.length === 0) return [];
      const rows = await db
        .selectFrom('issuedReports as i')
        .selectAll('i')
        .where('i.programId', 'in', [...programIds])
        .where('i.week', '=', week)
        .where((eb) =>
          eb(
            'i.revision',
            '=',
            eb
              .selectFrom('issuedReports as j')
              .select((f) => f.fn.max('j.revision').as('revision'))
              .whereRef('j.programId', '=', 'i.programId')
              .where('j.week', '=', week),
          ),
        )
        .execute();
      return rows.map(toIssued);
    },
    async listChangesSinceOfPrograms(programIds, since, entities, fields, limit) {
      if (programIds.length === 0 || entities.length === 0 || fields.length === 0) return [];
      // At most `limit` rows per program (the oldest), numbered per program in the same statement.
      const rows = await db
        .selectFrom((qb) =>
          qb
            .selectFrom('changes')
            .selectAll()
            .select(sql<number>`row_number() over (partition by program_id order by at, id)`.as('rowNumber'))
            .where('programId', 'in', [...programIds])
            .where('at', '>=', since)
            .where('entity', 'in', [...entities])
            .where('field', 'in', [...fields])
            .as('c'),
        )
        .selectAll()
        .where('rowNumber', '<=', limit)
        .orderBy('at', 'asc')
        .orderBy('id', 'asc')
        .execute();
      return rows.map(({ rowNumber: _n, ...r }) => toChange(r));
    },
    async listEscalationsOpenDuring(programIds, from, to) {
      if (programIds.length === 0) return [];
      const rows = await db
        .selectFrom('escalations')
        .selectAll()
        .where('programId', 'in', [...programIds])
        .where('raisedAt', '<', to)
        .where((eb) => eb.or([eb('resolvedAt', 'is', null), eb('resolvedAt', '>=', from)]))
        .execute();
      return rows.map(toEscalation);
    },
    async listInspectionVerdictsOfPrograms(programIds, before) {
      if (programIds.length === 0) return [];
      const rows = await db
        .selectFrom('floorEvents')
        .select(['programId', 'key', 'title', 'createdAt', 'details'])
        .where('programId', 'in', [...programIds])
        .where('kind', '=', 'inspection')
        .where('createdAt', '<', before)
        .execute();
      return rows.map((r) => ({
        programId: r.programId as ProgramId,
        key: r.key,
        title: r.title,
        createdAt: r.createdAt,
        verdict: (JSON.parse(r.details ?? 'null') as InspectionDetails).verdict,
      }));
    },
    async listAutoIssuePrograms() {
      const rows = await db
        .selectFrom('programCharters')
        .select('programId')
        .where('reportAutoIssue', '=', 1)
        .orderBy('programId')
        .execute();
      return rows.map((r) => r.programId as ProgramId);
    },
    async listInspectionVerdicts(programId, before) {
      const rows = await db
        .selectFrom('floorEvents')
        .select(['key', 'title', 'createdAt', 'details'])
        .where('programId', '=', programId)
        .where('kind', '=', 'inspection')
        .where('createdAt', '<', before)
        .execute();
      return rows.map((r) => ({
        key: r.key,
        title: r.title,
        createdAt: r.createdAt,
        verdict: (JSON.parse(r.details ?? 'null') as InspectionDetails).verdict,
      }));
    },
  };
}
