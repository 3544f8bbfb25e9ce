import { type Kysely, sql } from 'kysely';
import { uuidv7 } from 'uuidv7';
import {
  type ActionDue,
  type ChangeQuery,
  type Client,
  type Columns,
  type EntityName,
  type GateRecord,
  type Insert,
  type KeyPrefix,
  type MilestoneDates,
  type NamedRecord,
  type OpenRequiredItem,
  type Reads,
  type Store,
  type Tx,
  UniqueViolation,
  type User,
  type Write,
} from '../app/ports.js';
import type { Action } from '../domain/action.js';
import type { Decision } from '../domain/decision.js';
import { gateOrder } from '../domain/gates/gate.js';
import type { MilestoneId, ProgramId } from '../domain/ids.js';
import type { Link, LinkableEntity } from '../domain/link.js';
import type { WeekChecklistItem } from '../domain/my-week.js';
import type { PlainDate } from '../domain/plain-date.js';
import type { Program } from '../domain/program.js';
import { highRiskScore } from '../domain/risk.js';
import { compiledOnce } from './compiled-once.js';
import type { StoreDialect } from './dialects/store-dialect.js';
import { escalationReads } from './escalation-store.js';
import { databaseEvidenceStorage } from './evidence-storage.js';
import { floorEventReads } from './floor-event-store.js';
import { changeReadsAfter, type HeldChangeRows, heldChangeRows } from './held-change-rows.js';
import { chunks } from './in-lists.js';
import { mailReads, mailWrites, outboxOf } from './mail-store.js';
import {
  readinessItemColumns,
  toAction,
  toApiToken,
  toBaseline,
  toChange,
  toCharter,
  toChecklistItem,
  toClient,
  toDecision,
  toEvidence,
  toFactory,
  toGate,
  toIntakeLink,
  toIntakeSubmission,
  toInvite,
  toLink,
  toMembership,
  toMilestone,
  toMilestoneLink,
  toProgram,
  toReadinessItem,
  toRisk,
  toSession,
  toSupplier,
  toUser,
  toWorkspaceTemplate,
} from './mappers.js';
import { migrationTables } from './migrate.js';
import { noticeReads, noticeWrites } from './notice-store.js';
import { changePageQuery, changesMatching, decisionPageQuery, readActionPage, readChangeWrites } from './record-pages.js';
import { reportReads } from './report-store.js';
import type { Database } from './schema.js';
import { searchRecords } from './search-records.js';
import { updateRequestReads } from './update-request-store.js';

/** The column that keys a kind of record's row, where it is not `id`: a charter is its program's. */
const keyColumns: Partial<Record<EntityName, string>> = { charter: 'programId' };

/** The table of each kind of record the change log holds. */
export const entityTables = {
  user: 'users',
  client: 'clients',
  supplier: 'suppliers',
  factory: 'factories',
  program: 'programs',
  milestone: 'milestones',
  membership: 'memberships',
  api_token: 'apiTokens',
  invite: 'invites',
  decision: 'decisions',
  risk: 'risks',
  action: 'actions',
  link: 'links',
  milestone_link: 'milestoneLinks',
  baseline: 'baselines',
  charter: 'programCharters',
  gate: 'gates',
  checklist_item: 'checklistItems',
  evidence: 'evidence',
  intake_link: 'intakeLinks',
  intake_submission: 'intakeSubmissions',
  workspace_template: 'workspaceTemplates',
  floor_event: 'floorEvents',
  trigger: 'escalationTriggers',
  escalation: 'escalations',
  notification_setting: 'notificationSettings',
  report_draft: 'reportDrafts',
  issued_report: 'issuedReports',
  meeting_outcome: 'meetingOutcomes',
  update_request: 'updateRequests',
} as const satisfies Record<EntityName, keyof Database>;

// Both dialects store booleans as 0/1 integers (better-sqlite3 cannot bind booleans), and structured
// values (a program's calendar, a baseline's dates) as JSON text, decoded again in mappers.ts.
const toColumn = (v: unknown): string | number | null =>
  v === null || v === undefined
    ? null
    : typeof v === 'boolean'
      ? v
        ? 1
        : 0
      : typeof v === 'object'
        ? JSON.stringify(v)
        : (v as string | number);
const toColumns = (o: object) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, toColumn(v)]));

/** What a write names that its table lacks, per kind of record: must be nothing for every kind. */
type MissingColumns<E extends EntityName> = Exclude<keyof Columns[E], keyof Database[(typeof entityTables)[E]]>;
// A field of Columns without a column in its table makes this fail to compile, naming the field.
const everyFieldHasAColumn: { [E in EntityName]: [MissingColumns<E>] extends [never] ? true : MissingColumns<E> } = {
  user: true,
  client: true,
  supplier: true,
  factory: true,
  program: true,
  milestone: true,
  membership: true,
  api_token: true,
  invite: true,
  decision: true,
  risk: true,
  action: true,
  link: true,
  milestone_link: true,
  baseline: true,
  charter: true,
  gate: true,
  checklist_item: true,
  evidence: true,
  intake_link: true,
  intake_submission: true,
  workspace_template: true,
  floor_event: true,
  trigger: true,
  escalation: true,
  notification_setting: true,
  report_draft: true,
  issued_report: true,
  meeting_outcome: true,
  update_request: true,
};
void everyFieldHasAColumn;

const unique = <T>(items: readonly T[]): T[] => [...new Set(items)];

/** Gates of a program in order (G1, G2, … G10), programs apart. */
const byGateOrder = (a: GateRecord, b: GateRecord) =>
  a.programId === b.programId ? gateOrder(a.key) - gateOrder(b.key) : a.programId < b.programId ? -1 : 1;

// The reads of every API request (who is asking, the workspace's revision, the program read), compiled once.
const sessionById = compiledOnce((db: Kysely<Database>, id: string) => db.selectFrom('sessions').selectAll().where('id', '=', id));
const sessionAtRevision = compiledOnce((db: Kysely<Database>, id: string) =>
  db
    .selectFrom('sessions')
    .leftJoin('workspaceState', (join) => join.on('workspaceState.id', '=', 1))
    .selectAll('sessions')
    .select('workspaceState.revision as workspaceRevision')
    .where('sessions.id', '=', id),
);
const userById = compiledOnce((db: Kysely<Database>, id: string) => db.selectFrom('users').selectAll().where('id', '=', id));
const workspaceRevisionQuery = compiledOnce((db: Kysely<Database>) =>
  db.selectFrom('workspaceState').select('revision').where('id', '=', 1),
);
const programByIdOrCode = compiledOnce((db: Kysely<Database>, id: string, code: string) =>
  db
    .selectFrom('programs')
    .selectAll()
    .where((eb) => eb.or([eb('id', '=', id), eb('code', '=', code)])),
);

// The reads every write on a program makes before it writes (who holds roles, its gates, charter and plan),
// compiled once too: the demo load makes ~5,900 of them.
const membersOnQuery = compiledOnce((db: Kysely<Database>, programId: string, clientId: string) =>
  db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.userId')
    .selectAll('memberships')
    .where((eb) => eb.or([eb('memberships.programId', '=', programId), eb('memberships.clientId', '=', clientId)]))
    .where('users.status', '!=', 'removed')
    .orderBy('memberships.createdAt')
    .orderBy('memberships.id'),
);
const membershipsOfUser = compiledOnce((db: Kysely<Database>, userId: string) =>
  db.selectFrom('memberships').selectAll().where('userId', '=', userId).orderBy('createdAt').orderBy('id'),
);
const gatesOf = compiledOnce((db: Kysely<Database>, programId: string) =>
  db.selectFrom('gates').selectAll().where('programId', '=', programId),
);
const charterOf = compiledOnce((db: Kysely<Database>, programId: string) =>
  db.selectFrom('programCharters').selectAll().where('programId', '=', programId),
);
const checklistItemsOf = compiledOnce((db: Kysely<Database>, programId: string) =>
  db.selectFrom('checklistItems').selectAll().where('programId', '=', programId).orderBy('gateId').orderBy('position'),
);
const checklistItemsOfGate = compiledOnce((db: Kysely<Database>, programId: string, gateId: string) =>
  db
    .selectFrom('checklistItems')
    .selectAll()
    .where('programId', '=', programId)
    .where('gateId', '=', gateId)
    .orderBy('gateId')
    .orderBy('position'),
);
const milestonesOf = compiledOnce((db: Kysely<Database>, programId: string) =>
  db.selectFrom('milestones').selectAll().where('programId', '=', programId).orderBy('baselineDate').orderBy('key'),
);
const milestoneByIdOrKey = compiledOnce((db: Kysely<Database>, programId: string, id: string, key: string) =>
  db
    .selectFrom('milestones')
    .selectAll()
    .where('programId', '=', programId)
    .where((eb) => eb.or([eb('id', '=', id), eb('key', '=', key)])),
);
const milestoneLinksOf = compiledOnce((db: Kysely<Database>, programId: string) =>
  db.selectFrom('milestoneLinks').selectAll().where('programId', '=', programId).orderBy('createdAt').orderBy('id'),
);
const evidenceOf = compiledOnce((db: Kysely<Database>, programId: string) =>
  db.selectFrom('evidence').selectAll().where('programId', '=', programId).orderBy('createdAt').orderBy('id'),
);
const linksOf = compiledOnce((db: Kysely<Database>, programId: string) =>
  db.selectFrom('links').selectAll().where('programId', '=', programId),
);

// A request with an API token looks it up by its hash first.
const apiTokenByHash = compiledOnce((db: Kysely<Database>, tokenHash: string) =>
  db.selectFrom('apiTokens').selectAll().where('tokenHash', '=', tokenHash),
);

export function makeReads(db: Kysely<Database>, dialect: Pick<StoreDialect, 'count' | 'tableNames'>): Reads {
  const toCount = dialect.count;
  /** These programs' decisions, or only their open ones. */
  const decisionsOf = async (programIds: readonly string[], openOnly: boolean): Promise<Decision[]> => {
    if (programIds.length === 0) return [];
    let q = db
      .selectFrom('decisions')
      .selectAll()
      .where('programId', 'in', [...programIds]);
    if (openOnly) q = q.where('status', '=', 'open');
    return (await q.execute()).map(toDecision);
  };
  // The other stores' reads are spread in last: a literal that starts with a spread and goes on with
  // this many methods takes V8's slow path (about a millisecond a call, and every transaction calls it).
  return {
    async listUsers() {
      return (await db.selectFrom('users').selectAll().orderBy('name').execute()).map(toUser);
    },
    async findUsers(ids) {
      const out: User[] = [];
      for (const part of chunks(unique(ids))) {
        const rows = await db.selectFrom('users').selectAll().where('id', 'in', part).orderBy('name').execute();
        out.push(...rows.map(toUser));
      }
      return out;
    },
    async findUser(id) {
      const r = (await userById(db, id)).rows[0];
      return r ? toUser(r) : null;
    },
    async findUserByEmail(email) {
      const r = await db.selectFrom('users').selectAll().where('email', '=', email.toLowerCase()).executeTakeFirst();
      return r ? toUser(r) : null;
    },
    listDecisions: (programIds) => decisionsOf(programIds, false),
    listOpenDecisionsOfPrograms: (programIds) => decisionsOf(programIds, true),
    async listDecisionPage(programId, q) {
      return (await decisionPageQuery(db, programId, q).execute()).map(toDecision);
    },
    async listOpenDecisions(ownerId) {
      let q = db.selectFrom('decisions').selectAll().where('status', '=', 'open');
      if (ownerId) q = q.where('ownerId', '=', ownerId);
      return (await q.execute()).map(toDecision);
    },
    async findDecisions(ids) {
      const out: Decision[] = [];
      for (const part of chunks(unique(ids))) {
        out.push(...(await db.selectFrom('decisions').selectAll().where('id', 'in', part).execute()).map(toDecision));
      }
      return out;
    },
    async listLinksTouching(entity, ids) {
      const out = new Map<string, Link>();
      for (const part of chunks(unique(ids))) {
        const rows = await db
          .selectFrom('links')
          .selectAll()
          .where((eb) =>
            eb.or([
              eb.and([eb('fromEntity', '=', entity), eb('fromId', 'in', part)]),
              eb.and([eb('toEntity', '=', entity), eb('toId', 'in', part)]),
            ]),
          )
          .execute();
        for (const r of rows) out.set(r.id, toLink(r));
      }
      return [...out.values()];
    },
    async nameRecords(refs) {
      const idsOf = (e: LinkableEntity) => unique(refs.filter((r) => r.entity === e).map((r) => r.id));
      const out: NamedRecord[] = [];
      for (const part of chunks(idsOf('milestone'))) {
        const rows = await db.selectFrom('milestones').select(['id', 'key', 'name']).where('id', 'in', part).execute();
        out.push(...rows.map((r) => ({ entity: 'milestone' as const, id: r.id, key: r.key, title: r.name })));
      }
      for (const part of chunks(idsOf('decision'))) {
        const rows = await db.selectFrom('decisions').select(['id', 'key', 'statement']).where('id', 'in', part).execute();
        out.push(...rows.map((r) => ({ entity: 'decision' as const, id: r.id, key: r.key, title: r.statement })));
      }
      for (const part of chunks(idsOf('risk'))) {
        const rows = await db.selectFrom('risks').select(['id', 'key', 'title']).where('id', 'in', part).execute();
        out.push(...rows.map((r) => ({ entity: 'risk' as const, id: r.id, key: r.key, title: r.title })));
      }
      for (const part of chunks(idsOf('action'))) {
        const rows = await db.selectFrom('actions').select(['id', 'key', 'title']).where('id', 'in', part).execute();
        out.push(...rows.map((r) => ({ entity: 'action' as const, id: r.id, key: r.key, title: r.title })));
      }
      return out;
    },
    async findDecision(programId, idOrKey) {
      const r = await db
        .selectFrom('decisions')
        .selectAll()
        .where('programId', '=', programId)
        .where((eb) => eb.or([eb('id', '=', idOrKey), eb('key', '=', idOrKey.toUpperCase())]))
        .executeTakeFirst();
      return r ? toDecision(r) : null;
    },
    async searchRecords(programIds, q) {
      return programIds.length === 0 ? [] : searchRecords(db, programIds, q);
    },
    async listRisks(programIds) {
      if (programIds.length === 0) return [];
      return (
        await db
          .selectFrom('risks')
          .selectAll()
          .where('programId', 'in', [...programIds])
          .execute()
      ).map(toRisk);
    },
    async findRisk(programId, idOrKey) {
      const r = await db
        .selectFrom('risks')
        .selectAll()
        .where('programId', '=', programId)
        .where((eb) => eb.or([eb('id', '=', idOrKey), eb('key', '=', idOrKey.toUpperCase())]))
        .executeTakeFirst();
      return r ? toRisk(r) : null;
    },
    async listActions(programIds) {
      if (programIds.length === 0) return [];
      return (
        await db
          .selectFrom('actions')
          .selectAll()
          .where('programId', 'in', [...programIds])
          .execute()
      ).map(toAction);
    },
    async listOpenActionsDueBefore(programIds, before) {
      const out: ActionDue[] = [];
      for (const part of chunks(programIds)) {
        const rows = await db
          .selectFrom('actions')
          .select(['id', 'programId', 'key', 'title', 'status', 'dueDate'])
          .where('programId', 'in', part)
          .where('status', '=', 'open')
          .where('dueDate', '<', before)
          .execute();
        for (const r of rows)
          out.push({
            id: r.id,
            programId: r.programId as ProgramId,
            key: r.key,
            title: r.title,
            status: r.status as ActionDue['status'],
            dueDate: r.dueDate as PlainDate | null,
          });
      }
      return out;
    },
    async listActionPage(programId, q) {
      return (await readActionPage(db, programId, q)).map(toAction);
    },
    async listBlockingActions(programIds) {
      const out: Action[] = [];
      for (const part of chunks(programIds)) {
        const rows = await db
          .selectFrom('actions')
          .selectAll()
          .where('programId', 'in', part)
          .where('status', '!=', 'closed')
          .where('blocksMilestoneId', 'is not', null)
          .orderBy('createdAt')
          .orderBy('id')
          .execute();
        out.push(...rows.map(toAction));
      }
      return out;
    },
    async countOpenRecords(programIds) {
      const out = new Map<string, { openDecisions: number; highRisks: number }>();
      const at = (id: string) => {
        let c = out.get(id);
        if (!c) {
          c = { openDecisions: 0, highRisks: 0 };
          out.set(id, c);
        }
        return c;
      };
      for (const part of chunks(programIds)) {
        const [decisions, risks] = await Promise.all([
          db
            .selectFrom('decisions')
            .select((eb) => ['programId', eb.fn.countAll().as('n')])
            .where('programId', 'in', part)
            .where('status', '=', 'open')
            .groupBy('programId')
            .execute(),
          db
            .selectFrom('risks')
            .select((eb) => ['programId', eb.fn.countAll().as('n')])
            .where('programId', 'in', part)
            .where('status', 'in', ['open', 'mitigating'])
            .where(sql<number>`likelihood * impact`, '>=', highRiskScore)
            .groupBy('programId')
            .execute(),
        ]);
        for (const r of decisions) at(r.programId).openDecisions = toCount(r.n);
        for (const r of risks) at(r.programId).highRisks = toCount(r.n);
      }
      return out;
    },
    async listOwnedOpenItems(userId, dueBy, confirmIn) {
      const checklist = db
        .selectFrom('checklistItems')
        .innerJoin('gates', 'gates.id', 'checklistItems.gateId')
        .select([
          'checklistItems.id',
          'checklistItems.programId',
          'gates.key as gateKey',
          'checklistItems.key',
          'checklistItems.title',
          'checklistItems.ownerId',
          'checklistItems.dueDate',
          'checklistItems.state',
          'checklistItems.submittedById',
        ])
        .where('gates.status', 'not in', ['passed', 'passed_with_conditions', 'stopped']);
      const [decisions, actions, risks, milestones, confirmations, checklistItems, reviews] = await Promise.all([
        db.selectFrom('decisions').selectAll().where('ownerId', '=', userId).where('status', '=', 'open').execute(),
        db
          .selectFrom('actions')
          .selectAll()
          .where('ownerId', '=', userId)
          .where('status', '=', 'open')
          .where((eb) => eb.or([eb('dueDate', 'is', null), eb('dueDate', '<=', dueBy)]))
          .execute(),
        db
          .selectFrom('risks')
          .selectAll()
          .where('ownerId', '=', userId)
          .where('status', 'in', ['open', 'mitigating'])
          .where((eb) => eb.or([eb('reviewDate', 'is', null), eb('reviewDate', '<=', dueBy)]))
          .execute(),
        db
          .selectFrom('milestones')
          .selectAll()
          .where('ownerId', '=', userId)
          .where('actualDate', 'is', null)
          .where('forecastDate', '<=', dueBy)
          .execute(),
        confirmIn.programIds.length + confirmIn.clientIds.length === 0
          ? Promise.resolve([])
          : db
              .selectFrom('actions')
              .innerJoin('programs', 'programs.id', 'actions.programId')
              .selectAll('actions')
              .where('actions.status', '=', 'done')
              .where((eb) =>
                eb.or([
                  ...chunks(confirmIn.programIds).map((part) => eb('actions.programId', 'in', part)),
                  ...chunks(confirmIn.clientIds).map((part) => eb('programs.clientId', 'in', part)),
                ]),
              )
              .execute(),
        checklist
          .where('checklistItems.ownerId', '=', userId)
          .where('checklistItems.state', 'in', ['open', 'rejected'])
          .where((eb) => eb.or([eb('checklistItems.dueDate', 'is', null), eb('checklistItems.dueDate', '<=', dueBy)]))
          .execute(),
        checklist.where('gates.ownerId', '=', userId).where('checklistItems.state', '=', 'submitted').execute(),
      ]);
      const weekItem = (r: (typeof checklistItems)[number]): WeekChecklistItem => ({
        ...r,
        dueDate: r.dueDate as PlainDate | null,
        state: r.state as WeekChecklistItem['state'],
      });
      return {
        checklistItems: checklistItems.map(weekItem),
        reviews: reviews.map(weekItem),
        decisions: decisions.map(toDecision),
        actions: actions.map(toAction),
        risks: risks.map(toRisk),
        milestones: milestones.map(toMilestone),
        confirmations: confirmations.map(toAction),
      };
    },
    async listOwnedGatesForReadiness(userId) {
      // Each read filters by the person's gates in SQL (gates_owner_idx), so there are three however many they own.
      const owned = db
        .selectFrom('gates')
        .where('gates.ownerId', '=', userId)
        .where('gates.status', 'not in', ['passed', 'passed_with_conditions', 'stopped'])
        .where('gates.reviewMilestoneId', 'is not', null);
      const [gates, reviewMilestones, items] = await Promise.all([
        owned.selectAll('gates').execute(),
        db.selectFrom('milestones').selectAll().where('milestones.id', 'in', owned.select('gates.reviewMilestoneId')).execute(),
        db
          .selectFrom('checklistItems')
          .select(readinessItemColumns)
          .where('checklistItems.gateId', 'in', owned.select('gates.id'))
          .where('checklistItems.isRequired', '=', 1)
          .where('checklistItems.state', 'not in', ['accepted', 'waived'])
          .orderBy('checklistItems.gateId')
          .orderBy('checklistItems.position')
          .execute(),
      ]);
      return {
        gates: gates.map(toGate).sort(byGateOrder),
        reviewMilestones: reviewMilestones.map(toMilestone),
        openRequiredItems: items.map(toReadinessItem),
      };
    },
    async findAction(programId, idOrKey) {
      const r = await db
        .selectFrom('actions')
        .selectAll()
        .where('programId', '=', programId)
        .where((eb) => eb.or([eb('id', '=', idOrKey), eb('key', '=', idOrKey.toUpperCase())]))
        .executeTakeFirst();
      return r ? toAction(r) : null;
    },
    async listLinks(programId) {
      return (await linksOf(db, programId)).rows.map(toLink);
    },
    async listMilestoneLinks(programId) {
      return (await milestoneLinksOf(db, programId)).rows.map(toMilestoneLink);
    },
    async listMilestoneLinksOfPrograms(programIds) {
      if (programIds.length === 0) return [];
      const rows = await db
        .selectFrom('milestoneLinks')
        .selectAll()
        .where('programId', 'in', [...programIds])
        .orderBy('createdAt')
        .orderBy('id')
        .execute();
      return rows.map(toMilestoneLink);
    },
    async listBaselines(programId) {
      const rows = await db.selectFrom('baselines').selectAll().where('programId', '=', programId).orderBy('number').execute();
      return rows.map(toBaseline);
    },
    async findIntakeLinkByHash(tokenHash) {
      const row = await db.selectFrom('intakeLinks').selectAll().where('tokenHash', '=', tokenHash).executeTakeFirst();
      return row ? toIntakeLink(row) : null;
    },
    async findIntakeLink(id) {
      const row = await db.selectFrom('intakeLinks').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toIntakeLink(row) : null;
    },
    async listIntakeLinks(clientIds) {
      if (clientIds !== null && clientIds.length === 0) return [];
      let q = db
        .selectFrom('intakeLinks as l')
        .leftJoin('intakeSubmissions as s', 's.linkId', 'l.id')
        .select(['l.id', 'l.clientId', 'l.label', 'l.createdById', 'l.createdAt', 'l.expiresAt', 'l.revokedAt', 'l.version'])
        .select((eb) => [eb.fn.count<number | string | bigint>('s.id').as('submissions'), eb.fn.max('s.createdAt').as('lastSubmittedAt')])
        .groupBy(['l.id', 'l.clientId', 'l.label', 'l.createdById', 'l.createdAt', 'l.expiresAt', 'l.revokedAt', 'l.version'])
        .orderBy('l.createdAt', 'desc')
        .orderBy('l.id', 'desc');
      if (clientIds !== null) q = q.where('l.clientId', 'in', [...clientIds]);
      return (await q.execute()).map((r) => ({
        ...toIntakeLink(r),
        submissions: toCount(r.submissions),
        lastSubmittedAt: (r.lastSubmittedAt as string | null) ?? null,
      }));
    },
    async findIntakeSubmission(programId) {
      const row = await db.selectFrom('intakeSubmissions').selectAll().where('programId', '=', programId).executeTakeFirst();
      return row ? toIntakeSubmission(row) : null;
    },
    async listWorkspaceTemplates() {
      return (await db.selectFrom('workspaceTemplates').selectAll().orderBy('id').execute()).map(toWorkspaceTemplate);
    },
    async findWorkspaceTemplate(id) {
      const row = await db.selectFrom('workspaceTemplates').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toWorkspaceTemplate(row) : null;
    },
    async findCharter(programId) {
      const row = (await charterOf(db, programId)).rows[0];
      return row ? toCharter(row) : null;
    },
    async listGates(programId) {
      return (await gatesOf(db, programId)).rows.map(toGate).sort(byGateOrder);
    },
    async listGatesOfPrograms(programIds) {
      const out: GateRecord[] = [];
      for (const part of chunks(unique(programIds))) {
        out.push(...(await db.selectFrom('gates').selectAll().where('programId', 'in', part).execute()).map(toGate));
      }
      return out.sort(byGateOrder);
    },
    async listChecklistItems(programId, gateId) {
      const { rows } = gateId === undefined ? await checklistItemsOf(db, programId) : await checklistItemsOfGate(db, programId, gateId);
      return rows.map(toChecklistItem);
    },
    async listOpenRequiredItemsOfPrograms(programIds) {
      const out: OpenRequiredItem[] = [];
      for (const part of chunks(unique(programIds))) {
        const rows = await db
          .selectFrom('checklistItems')
          .innerJoin('gates', 'gates.id', 'checklistItems.gateId')
          // What readiness reads, not the whole item: a portfolio's open items are tens of thousands of rows.
          .select(readinessItemColumns)
          .where('checklistItems.programId', 'in', part)
          .where('checklistItems.isRequired', '=', 1)
          .where('checklistItems.state', 'not in', ['accepted', 'waived'])
          .where('gates.status', 'not in', ['passed', 'passed_with_conditions', 'stopped'])
          .execute();
        out.push(...rows.map(toReadinessItem));
      }
      return out;
    },
    async listEvidence(programId) {
      return (await evidenceOf(db, programId)).rows.map(toEvidence);
    },
    async findEvidence(programId, id) {
      const row = await db.selectFrom('evidence').selectAll().where('programId', '=', programId).where('id', '=', id).executeTakeFirst();
      return row ? toEvidence(row) : null;
    },
    async findEvidenceFile(fileId) {
      const row = await db
        .selectFrom('evidenceFiles')
        .select(['sha256', 'sizeBytes', 'content'])
        .where('id', '=', fileId)
        .executeTakeFirst();
      return row ? { sha256: row.sha256, sizeBytes: Number(row.sizeBytes), content: new Uint8Array(row.content) } : null;
    },
    async listMilestoneFieldChanges(programIds, fields, opts = {}) {
      if (programIds.length === 0 || fields.length === 0) return [];
      let q = db
        .selectFrom('changes')
        .selectAll()
        .where('programId', 'in', [...programIds])
        .where('entity', '=', 'milestone')
        .where('field', 'in', [...fields]);
      if (opts.since) q = q.where('at', '>=', opts.since);
      if (opts.milestoneId) q = q.where('entityId', '=', opts.milestoneId);
      const rows = await q.orderBy('at').orderBy('id').execute();
      return rows.map(toChange);
    },
    async findPasswordHash(userId) {
      const r = await db.selectFrom('users').select('passwordHash').where('id', '=', userId).executeTakeFirst();
      return r?.passwordHash ?? null;
    },
    async countAdmins() {
      const r = await db
        .selectFrom('users')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('isAdmin', '=', 1)
        .where('status', '=', 'active')
        .executeTakeFirstOrThrow();
      return toCount(r.n);
    },
    async listMemberships(userId) {
      if (userId) return (await membershipsOfUser(db, userId)).rows.map(toMembership);
      return (await db.selectFrom('memberships').selectAll().orderBy('createdAt').orderBy('id').execute()).map(toMembership);
    },
    async listMembershipsOn(program) {
      const rows = await db
        .selectFrom('memberships')
        .selectAll()
        .where((eb) => eb.or([eb('programId', '=', program.id), eb('clientId', '=', program.clientId)]))
        .orderBy('createdAt')
        .orderBy('id')
        .execute();
      return rows.map(toMembership);
    },
    async listMembersOn(program) {
      return (await membersOnQuery(db, program.id, program.clientId)).rows.map(toMembership);
    },
    async findMembership(id) {
      const r = await db.selectFrom('memberships').selectAll().where('id', '=', id).executeTakeFirst();
      return r ? toMembership(r) : null;
    },
    async findSession(id) {
      const r = (await sessionById(db, id)).rows[0];
      return r ? toSession(r) : null;
    },
    async findSessionAtRevision(id) {
      const r = (await sessionAtRevision(db, id)).rows[0];
      return r ? { session: toSession(r), workspace: Number(r.workspaceRevision ?? 0) } : null;
    },
    async findApiTokenByHash(tokenHash) {
      const r = (await apiTokenByHash(db, tokenHash)).rows[0];
      return r ? toApiToken(r) : null;
    },
    async listApiTokens(userId) {
      const rows = await db.selectFrom('apiTokens').selectAll().where('userId', '=', userId).orderBy('createdAt', 'desc').execute();
      return rows.map(toApiToken);
    },
    async findInviteByHash(tokenHash) {
      const r = await db.selectFrom('invites').selectAll().where('tokenHash', '=', tokenHash).executeTakeFirst();
      return r ? toInvite(r) : null;
    },
    async listInvites(userId) {
      return (await db.selectFrom('invites').selectAll().where('userId', '=', userId).execute()).map(toInvite);
    },
    async failuresFor(key, now, windowMs) {
      const cutoff = new Date(Date.parse(now) - windowMs).toISOString();
      const r = await db
        .selectFrom('authThrottle')
        .select('failures')
        .where('key', '=', key)
        .where('windowStartedAt', '>=', cutoff)
        .executeTakeFirst();
      return r ? Number(r.failures) : 0;
    },
    async listClients() {
      return (await db.selectFrom('clients').selectAll().orderBy('name').execute()).map(toClient);
    },
    async findClient(id) {
      const r = await db.selectFrom('clients').selectAll().where('id', '=', id).executeTakeFirst();
      return r ? toClient(r) : null;
    },
    async listSuppliers() {
      const suppliers = (await db.selectFrom('suppliers').selectAll().orderBy('name').execute()).map(toSupplier);
      const factories = (await db.selectFrom('factories').selectAll().orderBy('name').execute()).map(toFactory);
      return suppliers.map((supplier) => ({ supplier, factories: factories.filter((f) => f.supplierId === supplier.id) }));
    },
    async findSupplier(id) {
      const r = await db.selectFrom('suppliers').selectAll().where('id', '=', id).executeTakeFirst();
      return r ? toSupplier(r) : null;
    },
    async findSupplierByName(name) {
      const r = await db.selectFrom('suppliers').selectAll().where('name', '=', name).executeTakeFirst();
      return r ? toSupplier(r) : null;
    },
    async findFactory(id) {
      const r = await db.selectFrom('factories').selectAll().where('id', '=', id).executeTakeFirst();
      return r ? toFactory(r) : null;
    },
    async listProgramsAtFactories(factoryIds) {
      const out: Program[] = [];
      for (const part of chunks(unique(factoryIds))) {
        const rows = await db.selectFrom('programs').selectAll().where('factoryId', 'in', part).orderBy('code').execute();
        out.push(...rows.map(toProgram));
      }
      return out;
    },
    async countOpenProgramsOfClient(clientId) {
      const r = await db
        .selectFrom('programs')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('clientId', '=', clientId)
        .where('archivedAt', 'is', null)
        .where('status', '!=', 'closed')
        .executeTakeFirstOrThrow();
      return toCount(r.n);
    },
    async countData() {
      const counts: Record<string, number> = {};
      for (const t of await dataTables(db, dialect)) {
        const r = await sql<{ n: unknown }>`select count(*) as n from ${sql.table(t)}`.execute(db);
        counts[t] = dialect.count(r.rows[0]?.n);
      }
      return counts;
    },
    async findClients(ids) {
      const out: Client[] = [];
      for (const part of chunks(unique(ids))) {
        out.push(...(await db.selectFrom('clients').selectAll().where('id', 'in', part).execute()).map(toClient));
      }
      return out;
    },
    async countPrograms() {
      const r = await db
        .selectFrom('programs')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow();
      return toCount(r.n);
    },
    async listPrograms() {
      return (await db.selectFrom('programs').selectAll().orderBy('name').execute()).map(toProgram);
    },
    async findPrograms(ids) {
      const out: Program[] = [];
      for (const part of chunks(unique(ids))) {
        const rows = await db.selectFrom('programs').selectAll().where('id', 'in', part).execute();
        out.push(...rows.map(toProgram));
      }
      return out;
    },
    async workspaceRevision() {
      const r = (await workspaceRevisionQuery(db)).rows[0];
      return Number(r?.revision ?? 0);
    },
    async programRevisions() {
      const rows = await db
        .selectFrom('programs')
        .select((eb) => ['timeZone', eb.fn.countAll().as('programs'), eb.fn.sum<number>('revision').as('revisions')])
        .groupBy('timeZone')
        .orderBy('timeZone')
        .execute();
      return rows.map((r) => ({ timeZone: r.timeZone, programs: toCount(r.programs), revisions: toCount(r.revisions) }));
    },
    async findProgram(idOrCode) {
      const r = (await programByIdOrCode(db, idOrCode, idOrCode.toUpperCase())).rows[0];
      return r ? toProgram(r) : null;
    },
    async listMilestones(programId) {
      return (await milestonesOf(db, programId)).rows.map(toMilestone);
    },
    async listMilestonesOfPrograms(programIds) {
      if (programIds.length === 0) return [];
      const rows = await db
        .selectFrom('milestones')
        .selectAll()
        .where('programId', 'in', [...programIds])
        .orderBy('programId')
        .orderBy('baselineDate')
        .orderBy('key')
        .execute();
      return rows.map(toMilestone);
    },
    async listOpenMilestoneDatesOfPrograms(programIds) {
      const out: MilestoneDates[] = [];
      for (const part of chunks(programIds)) {
        const rows = await openMilestonesOf(db, part)
          .select(['id', 'programId', 'key', 'name', 'baselineDate', 'forecastDate', 'actualDate'])
          .execute();
        for (const r of rows)
          out.push({
            id: r.id as MilestoneId,
            programId: r.programId as ProgramId,
            key: r.key,
            name: r.name,
            baselineDate: r.baselineDate as PlainDate,
            forecastDate: r.forecastDate as PlainDate,
            actualDate: r.actualDate as PlainDate | null,
          });
      }
      return out;
    },
    async listOpenMilestonesOfPrograms(programIds) {
      const out: ReturnType<typeof toMilestone>[] = [];
      for (const part of chunks(programIds)) {
        const rows = await openMilestonesOf(db, part).selectAll().execute();
        out.push(...rows.map(toMilestone));
      }
      return out;
    },
    async listMilestonesByIds(programIds, ids) {
      const of = new Set<string>(programIds);
      const out: ReturnType<typeof toMilestone>[] = [];
      for (const part of chunks(ids)) {
        const rows = await db.selectFrom('milestones').selectAll().where('id', 'in', part).execute();
        for (const r of rows) if (of.has(r.programId)) out.push(toMilestone(r));
      }
      return out;
    },
    async findMilestone(programId, idOrKey) {
      const r = (await milestoneByIdOrKey(db, programId, idOrKey, idOrKey.toUpperCase())).rows[0];
      return r ? toMilestone(r) : null;
    },
    async listChanges(programId, q: ChangeQuery) {
      return (await changePageQuery(db, programId, q).execute()).map(toChange);
    },
    async listChangeWrites(programId, q) {
      return (await readChangeWrites(db, programId, q)).map((rows) => rows.map(toChange));
    },
    async lastLoggedValues(programId, entityIds, fields) {
      const out = new Map<string, string>();
      if (fields.length === 0) return out;
      for (const part of chunks(unique(entityIds))) {
        const rows = await db
          .selectFrom('changes')
          .select(['entityId', 'newValue'])
          .where('programId', '=', programId)
          .where('entityId', 'in', part)
          .where('field', 'in', [...fields])
          .where('newValue', 'is not', null)
          .orderBy('at', 'desc')
          .orderBy('id', 'desc')
          .execute();
        for (const r of rows) if (r.newValue !== null && !out.has(r.entityId)) out.set(r.entityId, r.newValue);
      }
      return out;
    },
    async countChanges(programId, q) {
      const r = await changesMatching(db, programId, q)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow();
      return toCount(r.n);
    },
    ...noticeReads(db, dialect),
    ...floorEventReads(db),
    ...escalationReads(db, dialect),
    ...mailReads(db),
    ...reportReads(db),
    ...updateRequestReads(db),
  };
}

/** The milestones without an actual date of these programs, by program, baseline date and key (a query to select from). */
const openMilestonesOf = (db: Kysely<Database>, programIds: readonly string[]) =>
  db
    .selectFrom('milestones')
    .where('programId', 'in', [...programIds])
    .where('actualDate', 'is', null)
    .orderBy('programId')
    .orderBy('baselineDate')
    .orderBy('key');

/**
 * A transaction's operations; `touched` collects the programs its writes change, whose revision is
 * counted up once at the end of the transaction (so the row lock is held only from then to commit).
 */
function makeTx(db: Kysely<Database>, dialect: StoreDialect, touched: Set<string>, mailQueued: () => void, held: Held): Tx {
  const reads = makeReads(db, dialect);
  const log = held.changeRows;
  /** The change-log rows of these writes, held until the transaction ends or reads the log (held-change-rows.ts). */
  const insertChanges = (ws: readonly Write[]) =>
    log.hold(
      ws.flatMap((w) =>
        w.changes.map((c) => ({
          id: uuidv7(),
          programId: w.programId,
          entity: w.entity,
          entityId: w.id,
          entityKey: w.entityKey,
          field: c.field,
          oldValue: c.oldValue,
          newValue: c.newValue,
          actorId: w.meta.actorId,
          at: w.meta.at,
          reason: w.meta.reason,
          correlationId: w.meta.correlationId,
        })),
      ),
    );
  // Spread in last, as in makeReads; the change-log reads after the others, which they replace.
  return {
    async lock(scope) {
      // A lock already taken in this database transaction (a whole batch's) is held until it ends.
      if (held.locks?.has(scope)) return;
      await dialect.lock(db, scope);
      held.locks?.add(scope);
    },
    async emptyData() {
      await log.flush();
      await dialect.emptyTables(db, await dataTables(db, dialect));
      touched.add(workspace);
    },
    async nextKey(programId: ProgramId, prefix: KeyPrefix) {
      const r = await db
        .insertInto('keyCounters')
        .values({ programId, prefix, lastValue: 1 })
        .onConflict((oc) => oc.columns(['programId', 'prefix']).doUpdateSet({ lastValue: sql`key_counters.last_value + 1` }))
        .returning('lastValue')
        .executeTakeFirstOrThrow();
      return `${prefix}-${Number(r.lastValue)}`;
    },
    async nextKeys(prefix, counts) {
      const out = new Map<ProgramId, string[]>();
      const wanted = [...counts].filter(([, n]) => n > 0);
      for (const part of chunks(wanted)) {
        // Each program's counter moves on by its count at once: the keys are the count just below the new last value.
        const rows = await db
          .insertInto('keyCounters')
          .values(part.map(([programId, n]) => ({ programId, prefix, lastValue: n })))
          .onConflict((oc) =>
            oc.columns(['programId', 'prefix']).doUpdateSet({ lastValue: sql`key_counters.last_value + excluded.last_value` }),
          )
          .returning(['programId', 'lastValue'])
          .execute();
        for (const r of rows) {
          const n = counts.get(r.programId as ProgramId) ?? 0;
          const last = Number(r.lastValue);
          out.set(
            r.programId as ProgramId,
            Array.from({ length: n }, (_, i) => `${prefix}-${last - n + 1 + i}`),
          );
        }
      }
      return out;
    },
    async writeInserts(ws) {
      const byEntity = new Map<string, Insert[]>();
      for (const w of ws) {
        touched.add(w.programId ?? workspace);
        if (workspaceEntities.has(w.entity)) touched.add(workspace);
        const of = byEntity.get(w.entity);
        if (of) of.push(w);
        else byEntity.set(w.entity, [w]);
      }
      for (const [entity, list] of byEntity) {
        const table = entityTables[entity as Insert['entity']];
        const key = (keyColumns[entity as Insert['entity']] ?? 'id') as 'id';
        for (const part of chunks(list))
          await db
            .insertInto(table)
            .values(
              part.map((w) => ({ ...toColumns(w.values), [key]: w.id, createdAt: w.meta.at, updatedAt: w.meta.at, version: 1 })) as never,
            )
            .execute();
      }
      insertChanges(ws);
    },
    async writeUpdates(u) {
      const entity: EntityName = u.entity;
      const table = entityTables[entity];
      const key = (keyColumns[entity] ?? 'id') as 'id';
      const saved = new Set<string>();
      const sets = toColumns(u.set);
      if (workspaceEntities.has(entity)) touched.add(workspace);
      for (const part of chunks(u.rows)) {
        for (const r of part) touched.add(r.programId ?? workspace);
        // Each row at the version it was read at: (id, version) pairs, so a row changed meanwhile is left alone.
        const pairs = sql.join(part.map((r) => sql`(${r.id}, ${r.expectedVersion})`));
        const rows = (await db
          .updateTable(table)
          .set({ ...sets, updatedAt: u.at, version: sql`version + 1` } as never)
          .where(sql<boolean>`(${sql.ref(key)}, version) in (${pairs})`)
          .returning(sql<string>`${sql.ref(key)}`.as('key'))
          .execute()) as { key: string }[];
        for (const r of rows) saved.add(r.key);
      }
      insertChanges(u.rows.filter((r) => saved.has(r.id)).map((r) => ({ ...r, op: 'update', entity: u.entity, set: u.set }) as Write));
      return saved;
    },
    async write(w: Write) {
      const table = entityTables[w.entity];
      // Every table is keyed by its id but the charter's, keyed by its program: the key is given as a name.
      const key = (keyColumns[w.entity] ?? 'id') as 'id';
      const stamp = w.meta.at;
      touched.add(w.programId ?? workspace);
      // People and their roles are the workspace's, also a role on one program: who someone is is kept per workspace revision.
      if (workspaceEntities.has(w.entity)) touched.add(workspace);
      if (w.op === 'insert') {
        await db
          .insertInto(table)
          .values({ ...toColumns(w.values), [key]: w.id, createdAt: stamp, updatedAt: stamp, version: 1 } as never)
          .execute();
      } else if (w.op === 'delete') {
        // The held rows may name what is deleted: in first.
        await log.flush();
        const r = await db.deleteFrom(table).where(key, '=', w.id).where('version', '=', w.expectedVersion).executeTakeFirst();
        if (Number(r.numDeletedRows) !== 1) return false;
      } else {
        const r = await db
          .updateTable(table)
          .set({ ...toColumns(w.set), updatedAt: stamp, version: w.expectedVersion + 1 } as never)
          .where(key, '=', w.id)
          .where('version', '=', w.expectedVersion)
          .executeTakeFirst();
        if (Number(r.numUpdatedRows) !== 1) return false;
      }
      insertChanges([w]);
      return true;
    },
    async insertSession(x) {
      await db.insertInto('sessions').values(x).execute();
    },
    async touchSession(id, lastSeenAt, expiresAt) {
      await db.updateTable('sessions').set({ lastSeenAt, expiresAt }).where('id', '=', id).execute();
    },
    async deleteSessions(where) {
      let q = db.deleteFrom('sessions');
      if ('id' in where) q = q.where('id', '=', where.id);
      else {
        q = q.where('userId', '=', where.userId);
        if (where.exceptId) q = q.where('id', '!=', where.exceptId);
      }
      return Number((await q.executeTakeFirst()).numDeletedRows);
    },
    async recordFailure(key, now, windowMs) {
      const cutoff = new Date(Date.parse(now) - windowMs).toISOString();
      // An expired window restarts at 1; an open one counts up.
      const r = await db
        .insertInto('authThrottle')
        .values({ key, failures: 1, windowStartedAt: now })
        .onConflict((oc) =>
          oc.column('key').doUpdateSet({
            failures: sql`case when auth_throttle.window_started_at < ${cutoff} then 1 else auth_throttle.failures + 1 end`,
            windowStartedAt: sql`case when auth_throttle.window_started_at < ${cutoff} then ${now} else auth_throttle.window_started_at end`,
          }),
        )
        .returning('failures')
        .executeTakeFirstOrThrow();
      return Number(r.failures);
    },
    async clearFailures(key) {
      await db.deleteFrom('authThrottle').where('key', '=', key).execute();
    },
    async forgiveFailure(key) {
      await db
        .updateTable('authThrottle')
        .set({ failures: sql`auth_throttle.failures - 1` })
        .where('key', '=', key)
        .where('failures', '>', 0)
        .execute();
    },
    async putOidcState(x, now) {
      // Abandoned sign-ins leave states behind; each new one sweeps those that expired.
      await db.deleteFrom('oidcStates').where('expiresAt', '<', now).execute();
      await db.insertInto('oidcStates').values(x).execute();
    },
    async takeOidcState(state, now) {
      const r = await db.deleteFrom('oidcStates').where('state', '=', state).returningAll().executeTakeFirst();
      return r && r.expiresAt > now ? r : null;
    },
    async insertEvidenceFile(f) {
      await db
        .insertInto('evidenceFiles')
        .values({ id: f.id, sha256: f.sha256, sizeBytes: f.sizeBytes, content: f.content, createdAt: f.at })
        .execute();
    },
    async touchApiToken(id, at) {
      await db.updateTable('apiTokens').set({ lastUsedAt: at }).where('id', '=', id).execute();
    },
    ...reads,
    ...changeReadsAfter(reads, log),
    ...noticeWrites(db),
    ...mailWrites(db, mailQueued),
  };
}

/**
 * What a transaction holds back until it ends: its change rows and, in a whole batch (one database
 * transaction throughout), the rows and the locks of every transaction of the batch.
 */
interface Held {
  readonly changeRows: HeldChangeRows;
  readonly locks?: Set<string>;
}

/** Runs a transaction's body on its connection; the change rows its writes held go in before it ends (a whole batch's, before the batch ends). */
const inTx =
  (conn: Kysely<Database>, dialect: StoreDialect, touched: Set<string>, mailQueued: () => void, batch?: Held) =>
  async <T>(fn: (tx: Tx) => Promise<T>): Promise<T> => {
    const held = batch ?? { changeRows: heldChangeRows(conn) };
    const r = await fn(makeTx(conn, dialect, touched, mailQueued, held));
    if (!batch) await held.changeRows.flush();
    return r;
  };

/** Tables that are not data: the migrations' bookkeeping, and the workspace revision (it counts on across a reset). */
// The secrets (0021) stay too: e-mails already sent carry links signed with their key.
const notData = (t: string) => migrationTables.includes(t) || t === 'workspace_state' || t === 'workspace_secrets';

/** The workspace's data tables, as the database has them (tables added by later migrations included). */
const dataTables = async (db: Kysely<Database>, dialect: Pick<StoreDialect, 'tableNames'>) =>
  (await dialect.tableNames(db)).filter((t) => !notData(t)).sort();

/** A Store over either database: what differs between them is asked of the dialect object. */
export function kyselyStore(dialect: StoreDialect): Store {
  const { db } = dialect;
  const mailListeners = new Set<() => void>();
  // After commit only: a nudge before it would find nothing to send (or a message about to be rolled back).
  const tellMailQueued = () => {
    for (const l of mailListeners) l();
  };
  return {
    dialect: dialect.name,
    reads: makeReads(db, dialect),
    evidence: databaseEvidenceStorage,
    outbox: outboxOf(dialect),
    onMailQueued(listener) {
      mailListeners.add(listener);
      return () => mailListeners.delete(listener);
    },
    async transaction(fn) {
      let hasQueuedMail = false;
      try {
        const result = await dialect.transaction(async (conn) => {
          const touched = new Set<string>();
          const r = await inTx(conn, dialect, touched, () => {
            hasQueuedMail = true;
          })(fn);
          await countRevisions(conn, touched);
          return r;
        });
        if (hasQueuedMail) tellMailQueued();
        return result;
      } catch (e) {
        throw asUniqueViolation(e) ?? e;
      }
    },
    async batch(fn, options) {
      let hasQueuedMail = false;
      const queued = () => {
        hasQueuedMail = true;
      };
      try {
        const result = await dialect.transaction(async (conn) => {
          const touched = new Set<string>();
          let savepoints = 0;
          // A whole batch: the first failure inside fails it, and nothing after it is written; its
          // transactions' change rows go in together (before any read of the log), its locks are taken once.
          const whole: { failure: { readonly error: unknown } | null } = { failure: null };
          const held: Held = { changeRows: heldChangeRows(conn), locks: new Set() };
          const reads = makeReads(conn, dialect);
          const inner: Store = {
            dialect: dialect.name,
            reads: options?.isWhole ? { ...reads, ...changeReadsAfter(reads, held.changeRows) } : reads,
            evidence: databaseEvidenceStorage,
            async transaction(f) {
              if (options?.isWhole) {
                if (whole.failure)
                  throw new Error('A write of this batch failed; the batch rolls back whole.', { cause: whole.failure.error });
                try {
                  return await inTx(conn, dialect, touched, queued, held)(f);
                } catch (e) {
                  whole.failure = { error: e };
                  throw asUniqueViolation(e) ?? e;
                }
              }
              const name = sql.id(`write_${++savepoints}`);
              await sql`savepoint ${name}`.execute(conn);
              try {
                const result = await inTx(conn, dialect, touched, queued)(f);
                await sql`release savepoint ${name}`.execute(conn);
                return result;
              } catch (e) {
                await sql`rollback to savepoint ${name}`.execute(conn);
                throw asUniqueViolation(e) ?? e;
              }
            },
            batch: (f) => f(inner),
            outbox: outboxOf(dialect),
            onMailQueued: () => () => {},
            ping: async () => {},
            // The batch's store ends with the batch; the store it came from stays open.
            close: async () => {},
          };
          const r = await fn(inner);
          if (whole.failure)
            throw new Error('A write of this batch failed; the batch was rolled back whole.', { cause: whole.failure.error });
          await held.changeRows.flush();
          await countRevisions(conn, touched);
          return r;
        });
        if (hasQueuedMail) tellMailQueued();
        return result;
      } catch (e) {
        throw asUniqueViolation(e) ?? e;
      }
    },
    async ping() {
      await sql`select 1`.execute(db);
    },
    async close() {
      await db.destroy();
    },
  };
}

/** In a transaction's `touched`: it wrote a record of no program (a person, a client, a client-wide role). */
const workspace = '';
/** Records that count as the workspace's whatever program they name. */
const workspaceEntities: ReadonlySet<string> = new Set(['user', 'membership']);

/**
 * Counts up the revision of the programs a transaction (or a batch) wrote to, once each, and the
 * workspace's when it wrote a record of no program, just before commit.
 */
async function countRevisions(conn: Kysely<Database>, touched: ReadonlySet<string>): Promise<void> {
  if (touched.has(workspace)) {
    await conn.updateTable('workspaceState').set({ revision: sql`revision + 1` }).where('id', '=', 1).execute();
  }
  for (const part of chunks([...touched].filter((id) => id !== workspace))) {
    await conn.updateTable('programs').set({ revision: sql`revision + 1` }).where('id', 'in', part).execute();
  }
}

/** A driver's unique-constraint error as the port's UniqueViolation (PostgreSQL 23505, SQLite's UNIQUE constraint failed). */
function asUniqueViolation(e: unknown): UniqueViolation | null {
  const err = e as { code?: unknown; table?: unknown; constraint?: unknown; message?: unknown };
  if (err?.code === '23505') return new UniqueViolation(String(err.table ?? ''), String(err.constraint ?? ''));
  if (err?.code === 'SQLITE_CONSTRAINT_UNIQUE' || err?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
    const m = /constraint failed: (\w+)\./.exec(String(err.message ?? ''));
    return new UniqueViolation(m?.[1] ?? '', String(err.message ?? ''));
  }
  return null;
}
