import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { markActionDone } from '../../src/app/actions/mark-action-done.js';
import { openAction } from '../../src/app/actions/open-action.js';
import { createApiToken } from '../../src/app/auth/create-api-token.js';
import { invitePerson } from '../../src/app/auth/invite-person.js';
import { createMilestone } from '../../src/app/create-milestone.js';
import { createClient, createProgram, unwrap } from '../../src/app/create-records.js';
import { decideDecision } from '../../src/app/decisions/decide-decision.js';
import { requestDecision } from '../../src/app/decisions/request-decision.js';
import { demoPassword } from '../../src/app/demo/demo-data.js';
import type { Actor } from '../../src/app/deps.js';
import { raiseEscalationsForFacts } from '../../src/app/escalations/raise-escalations-for-facts.js';
import { reassignEscalation } from '../../src/app/escalations/work-escalation.js';
import { recordFloorEvent } from '../../src/app/floor/record-floor-event.js';
import { addEvidence } from '../../src/app/gates/add-evidence.js';
import { getGate } from '../../src/app/gates/get-gates.js';
import { updateItem } from '../../src/app/gates/update-gate.js';
import { acceptItem, submitItem } from '../../src/app/gates/work-item.js';
import { createIntakeLink } from '../../src/app/intake/intake-links.js';
import { signOneClick } from '../../src/app/mail/one-click-token.js';
import { createPerson } from '../../src/app/people/create-person.js';
import { grantRole } from '../../src/app/people/grant-role.js';
import { addMilestoneLink } from '../../src/app/plan/add-milestone-link.js';
import { issueReport } from '../../src/app/reports/issue-report.js';
import { raiseRisk } from '../../src/app/risks/raise-risk.js';
import { setProgramArchived } from '../../src/app/setup/programs.js';
import { createFactory, createSupplier } from '../../src/app/setup/suppliers.js';
import { copyTemplate } from '../../src/app/templates/copy-template.js';
import type { PlainDate } from '../../src/domain/plain-date.js';
import type { RequestItem } from '../../src/domain/update-requests/update-request.js';
import { docsDir, webDir } from '../../src/main/compose.js';
import { createTestServer, type Headers, type TestServer } from '../support/app.js';
import { writeCompleteCharter } from '../support/charter.js';
import { demoInstant } from '../support/demo-template.js';
import { seedUpdateRequest } from '../support/update-requests.js';

/*
 * Every route, called by every kind of caller, on the demo portfolio. One row per route (method and
 * URL pattern exactly as registered, app.tollgateRoutes), sometimes more than one where the answer
 * depends on what is asked for (a milestone the caller owns or not); one column per caller; each
 * cell the exact status of a representative request. A route missing from the table fails the test:
 * whoever adds a route adds its row.
 *
 * Decisions, from src/domain/policy.ts and docs/access.md:
 * - Workspace admins see every program (reads 200, also the fourth client's) and manage people, roles
 *   and clients; milestone rights come only from roles, and the demo admin holds none, so admin
 *   milestone writes are 403 FORBIDDEN.
 * - Someone who holds no role on a program gets 404 for it and everything in it (other@ on the demo
 *   programs, the demo roles on HM-WINCH3); people and clients are workspace routes: 403 for non-admins.
 * - No session, or a revoked API token: 401 on every route that needs a person; public routes answer
 *   everybody alike.
 * - Milestone writes act on a fresh milestone per cell, owned by the cadence owner (lead@) unless the
 *   row says "own" (owned by the caller where they hold a role that can own items), so each cell is
 *   independent of the others and "own" grants show as 403 on other people's items.
 */

const columns = [
  'admin',
  'decision owner',
  'cadence owner',
  'quality owner',
  'contributor',
  'observer',
  'other client',
  'anonymous',
  'revoked token',
] as const;
type Column = (typeof columns)[number];
type Cells = readonly [number, number, number, number, number, number, number, number, number];

/** The demo account behind each signed-in column (password: the demo password). */
const accounts: Partial<Record<Column, string>> = {
  admin: 'admin@demo.test',
  'decision owner': 'owner@demo.test',
  'cadence owner': 'lead@demo.test',
  'quality owner': 'quality@demo.test',
  contributor: 'supplier@demo.test',
  observer: 'observer@demo.test',
  'other client': 'other@demo.test',
};

/**
 * Routes the table does not list, by an explicit pattern: the built web app's files (served from
 * dist/web when it exists: "/" and file names such as /index.html or /assets/index-abc.js) and Swagger
 * UI's pages and assets under /api/docs. Neither reads or writes data.
 */
const notInTable = (r: { method: string; url: string }) =>
  r.method === 'GET' &&
  (/^\/api\/docs(\/|$)/.test(r.url) || r.url === '/' || (!r.url.startsWith('/api/') && /\/[^/]+\.[a-z0-9]+$/i.test(r.url)));

/** All of a response stream's text. */
async function bodyOf(stream: NodeJS.ReadableStream): Promise<string> {
  let text = '';
  for await (const chunk of stream) text += String(chunk);
  return text;
}

interface Caller {
  readonly column: Column;
  readonly headers: Headers;
  /** The signed-in person; absent for anonymous. The revoked token belongs to lead@ but acts as nobody. */
  readonly person: Actor | null;
}

interface Row {
  /** "METHOD /url/:pattern", exactly as app.tollgateRoutes has it. */
  readonly route: string;
  /** What is asked, where a route has more than one row. */
  readonly case?: string;
  readonly request: (c: Caller) => Promise<InjectOptions> | InjectOptions;
  readonly expect: Cells;
  /**
   * Sent one caller after another, where callers who are let in write the same thing (one program's
   * calendar) or share a limit (sign-in attempts per account: parallel attempts are refused by design).
   */
  readonly oneByOne?: true;
  /** Columns whose 403 is the gate rules' GATE_ROLE_REQUIRED (the policy lets them work the gate, the gate's roles do not). */
  readonly gateRole?: readonly Column[];
}

//                                   admin dec  cad  qual cont obs  other anon revoked
const readers: Cells = /*         */ [200, 200, 200, 200, 200, 200, 404, 401, 401];
const everyoneSignedIn: Cells = /**/ [200, 200, 200, 200, 200, 200, 200, 401, 401];
const public200: Cells = /*       */ [200, 200, 200, 200, 200, 200, 200, 200, 200];
const leadOnly: Cells = /*        */ [403, 403, 200, 403, 403, 403, 404, 401, 401];
const ownersToo: Cells = /*       */ [403, 403, 200, 200, 200, 403, 404, 401, 401];
const adminOnly: Cells = /*       */ [200, 403, 403, 403, 403, 403, 403, 401, 401];
const with201 = (c: Cells): Cells => c.map((s) => (s === 200 ? 201 : s)) as unknown as Cells;

// Wednesday 11 March 2026, noon in Ningbo: the demo's "today".
const now = new Date(demoInstant);
const today = '2026-03-11';
const program = 'KHG-KW500';

// On SQLite only: who may do what is decided in the domain (src/domain/policy.ts) before the store is asked,
// the same on both dialects; every operation runs on PostgreSQL too in test/api/fuzz.test.ts and in each
// resource's own API tests (both dialects). Run on both, the matrix was the suite's longest file (~50 s).
describe.each(['sqlite'] as const)('authorization matrix on %s (demo portfolio)', (dialect) => {
  let t: TestServer;
  const callers: Caller[] = [];
  let lead: Actor;
  let admin: Actor;
  let openInvite: string;
  let khgMilestoneId: string;
  let n = 0;

  /** A notice of the person's own, kept straight in the store (as a gate step would): its id. */
  const noticeFor = async (who: Actor): Promise<string> => {
    const id = t.deps.newId();
    const at = t.deps.clock.now().toISOString();
    await t.deps.store.transaction((tx) =>
      tx.insertNotices([
        {
          id,
          recipientId: who.id,
          programId: null,
          kind: 'action_assigned',
          facts: { programCode: program, actionKey: 'A-1', title: 'Matrix' },
          link: `/programs/${program}/actions#A-1`,
          actorId: null,
          createdAt: at,
          dedupeKey: null,
        },
      ]),
    );
    return id;
  };

  /** A signed one-click link's token for the person (turns their gate-at-risk e-mails off). */
  const oneClickFor = async (who: Actor): Promise<string> =>
    signOneClick(await t.deps.store.reads.mailLinkKey(), {
      userId: who.id,
      kinds: ['gate_at_risk'],
      expiresAt: new Date(t.deps.clock.now().getTime() + 3600_000).toISOString(),
    });

  /** A fresh open milestone on KHG-KW500, added by lead@, owned by the person given: its key. */
  const milestone = async (owner: Actor): Promise<string> => (await newMilestone(owner)).key;
  async function newMilestone(owner: Actor) {
    const m = unwrap(
      await createMilestone(t.deps, {
        programId: program,
        actor: lead,
        name: `Matrix step ${++n}`,
        phase: 'G3',
        baselineDate: '2026-04-20' as PlainDate,
        ownerId: owner.id,
      }),
    );
    return m.milestone;
  }
  const khgClient = async () => (await t.deps.store.reads.findProgram(program))?.clientId as string;
  /** A fresh client with no programs (version 1). */
  const newClient = async () => unwrap(await createClient(t.deps, { actor: admin, name: `Matrix client ${++n}`, country: 'DE' })).id;
  /** A fresh workspace template (a copy of the default four gates) at version 1. */
  const newTemplate = async () =>
    unwrap(await copyTemplate(t.deps, { actor: admin, templateId: 'default-4-gate', id: `matrix-${++n}`, name: `Matrix template ${n}` }))
      .template.id;
  /** One of the demo's factories. */
  const someFactory = async () => {
    const f = (await t.deps.store.reads.listSuppliers())[0]?.factories[0];
    if (!f) throw new Error('the demo has no factory');
    return f;
  };
  /** A fresh supplier with no factories (version 1). */
  const newSupplier = async () => unwrap(await createSupplier(t.deps, { actor: admin, name: `Matrix maker ${++n}`, country: 'CN' })).id;
  /** A fresh factory of a fresh supplier, where no program is made (version 1). */
  const newFactory = async () =>
    unwrap(
      await createFactory(t.deps, {
        actor: admin,
        supplierId: await newSupplier(),
        city: 'Ningbo',
        country: 'CN',
        timeZone: 'Asia/Shanghai',
      }),
    ).id;
  /** A fresh draft program of KHG-KW500's client (version 1; archived, version 2, when asked): its code. */
  const draftProgram = async (archived = false) => {
    const code = `MX-SET${++n}`;
    const p = unwrap(
      await createProgram(t.deps, {
        actor: admin,
        code,
        name: `Matrix set-up ${n}`,
        clientId: await khgClient(),
        factoryId: (await someFactory()).id,
        status: 'draft',
      }),
    );
    if (archived) unwrap(await setProgramArchived(t.deps, { actor: admin, programId: p.id, version: 1, archived: true }));
    return code;
  };
  /** A fresh open intake link of KHG-KW500's client, made by the admin: its secret and record. */
  const newIntakeLink = async () =>
    unwrap(await createIntakeLink(t.deps, { actor: admin, clientId: await khgClient(), label: `Matrix link ${++n}` }));
  const intakeAnswers = () => ({
    product: `Matrix product ${++n}`,
    name: `Matrix intake ${n}`,
    supplierName: 'Ningbo Lisheng Electric Appliance',
    factoryCity: 'Ningbo',
    factoryCountry: 'CN',
    timeZone: 'Asia/Shanghai',
  });
  /** The caller, where they hold a role on KHG-KW500 that lets them own items; otherwise lead@. */
  const ownerFor = (c: Caller): Actor =>
    c.person && c.person.id !== admin.id && !['other client', 'revoked token'].includes(c.column) ? c.person : lead;
  /** A throwaway person nobody in the table is: someone for the people routes to act on. */
  const stranger = async () =>
    unwrap(await createPerson(t.deps, { actor: admin, email: `stranger-${++n}@example.test`, name: `Stranger ${n}` }));
  const milestonesUrl = `/api/v1/programs/${program}/milestones`;
  const actionsUrl = `/api/v1/programs/${program}/actions`;
  /** A fresh open action on KHG-KW500, opened by lead@, owned by the person given; marked done by them when asked: its key. */
  const newAction = async (owner: Actor, o: { done?: boolean; checkDate?: string } = {}): Promise<string> => {
    const a = unwrap(
      await openAction(t.deps, {
        programId: program,
        actor: lead,
        title: `Matrix action ${++n}`,
        ownerId: owner.id,
        dueDate: '2026-04-20' as PlainDate,
        checkDate: o.checkDate as PlainDate | undefined,
      }),
    ).action;
    if (o.done) unwrap(await markActionDone(t.deps, { programId: program, actionId: a.id, version: 1, actor: owner, note: 'Done' }));
    return a.key;
  };
  const escalationsUrl = `/api/v1/programs/${program}/escalations`;
  /** A fresh open escalation on KHG-KW500 (an inspection rejected), the cadence owner's, handed to the person given: its key and version. */
  const newEscalation = async (owner: Actor): Promise<{ key: string; version: number }> => {
    const p = await t.deps.store.reads.findProgram(program);
    if (!p) throw new Error('no KHG-KW500');
    const at = t.deps.clock.now().toISOString();
    const [e] = await t.deps.store.transaction((tx) =>
      raiseEscalationsForFacts(t.deps, tx, p, [{ eventId: `matrix-${++n}`, title: 'Matrix lot', inspectionVerdict: 'reject' }], { at }),
    );
    if (!e) throw new Error('no escalation raised');
    if (e.ownerId === owner.id) return { key: e.key, version: e.version };
    const moved = unwrap(
      await reassignEscalation(t.deps, {
        programId: program,
        escalationId: e.key,
        version: e.version,
        actor: lead,
        ownerId: owner.id,
        reason: 'Matrix',
      }),
    );
    return { key: e.key, version: moved.escalation.version };
  };
  const reportsUrl = `/api/v1/programs/${program}/reports`;
  let issuedWeek: Promise<string> | undefined;
  /** KHG-KW500's report of 2026-W09, issued once by lead@ (findings acknowledged): its week. */
  const issued = (): Promise<string> => {
    issuedWeek ??= issueReport(t.deps, { programId: program, actor: lead, week: '2026-W09', acknowledgeFindings: true }).then((r) => {
      unwrap(r);
      return '2026-W09';
    });
    return issuedWeek;
  };
  /**
   * A fresh update request on KHG-KW500 for a supplier's contact invited just now (no account: a signed link), about
   * a milestone and an action of theirs and, when asked, an open checklist item given to them: its id, token and items.
   */
  const newLink = async (o: { withItem?: boolean } = {}) => {
    const p = await t.deps.store.reads.findProgram(program);
    if (!p) throw new Error('no KHG-KW500');
    const invited = unwrap(
      await invitePerson(t.deps, {
        actor: admin,
        email: `contact-${++n}@supplier.example`,
        name: `Contact ${n}`,
        roles: [{ programId: p.id, role: 'contributor' }],
      }),
    ).user;
    const m = unwrap(
      await createMilestone(t.deps, {
        programId: program,
        actor: lead,
        name: `Matrix sample ${n}`,
        phase: 'G2',
        baselineDate: '2026-04-20' as PlainDate,
        ownerId: invited.id,
      }),
    ).milestone;
    const a = unwrap(
      await openAction(t.deps, {
        programId: program,
        actor: lead,
        title: `Matrix reply ${n}`,
        ownerId: invited.id,
        dueDate: '2026-04-20' as PlainDate,
      }),
    ).action;
    const items: RequestItem[] = [
      { kind: 'milestone', id: m.id, key: m.key, title: m.name, dueDate: m.forecastDate, why: 'due', gateKey: null },
      { kind: 'action', id: a.id, key: a.key, title: a.title, dueDate: a.dueDate, why: 'due', gateKey: null },
    ];
    if (o.withItem) {
      let found: RequestItem | undefined;
      for (const gateKey of ['G1', 'G2', 'G3', 'G4']) {
        const gate = unwrap(await getGate(t.deps, { programId: program, gateKey, actor: lead }));
        const item = gate.items.find((i) => i.state === 'open');
        if (!item || ['passed', 'passed_with_conditions', 'stopped'].includes(gate.status)) continue;
        unwrap(
          await updateItem(t.deps, {
            programId: program,
            gateKey,
            itemKey: item.key,
            version: item.version,
            actor: lead,
            ownerId: invited.id,
          }),
        );
        found = { kind: 'checklist_item', id: item.id, key: item.key, title: item.title, dueDate: null, why: 'untouched', gateKey };
        break;
      }
      if (!found) throw new Error('no open checklist item on KHG-KW500');
      items.push(found);
    }
    const r = await seedUpdateRequest(t.deps, { programId: p.id, ownerId: invited.id, week: '2026-W11', items });
    return { ...r, milestone: m, action: a, itemId: items[2]?.id as string };
  };
  let sharedLink: ReturnType<typeof newLink> | undefined;
  const linkUrl = async (path = '') => {
    sharedLink ??= newLink({ withItem: true });
    const l = await sharedLink;
    return { url: `/api/v1/update-links/${l.token}${path}`, link: l };
  };
  const evidenceUpload = () => {
    const boundary = '----matrix';
    return {
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="note.txt"\r\nContent-Type: text/plain\r\n\r\nT1 parts measured\r\n--${boundary}--\r\n`,
      ),
    };
  };
  const eventsUrl = `/api/v1/programs/${program}/events`;
  /** A fresh sample shipment on KHG-KW500, reported by lead@: its key. */
  const newShipment = async (): Promise<string> =>
    unwrap(
      await recordFloorEvent(t.deps, {
        programId: program,
        actor: lead,
        event: { kind: 'shipment', title: `Matrix shipment ${++n}`, expectedOn: '2026-04-20' },
      }),
    ).event.key;
  const risksUrl = `/api/v1/programs/${program}/risks`;
  /** A fresh open risk on KHG-KW500, raised by lead@, owned by the person given. */
  const newRisk = async (owner: Actor) =>
    unwrap(
      await raiseRisk(t.deps, {
        programId: program,
        actor: lead,
        title: `Matrix risk ${++n}`,
        ownerId: owner.id,
        category: 'supply',
        likelihood: 3,
        impact: 4,
      }),
    ).risk;

  const decisionsUrl = `/api/v1/programs/${program}/decisions`;
  /** A fresh open decision on KHG-KW500, asked for by lead@, owned by the person given (one who may decide). */
  const newDecision = async (owner: Actor) =>
    unwrap(
      await requestDecision(t.deps, {
        programId: program,
        actor: lead,
        statement: `Matrix decision ${++n}`,
        ownerId: owner.id,
        dueDate: '2026-04-20' as PlainDate,
      }),
    ).decision;
  /** The same, decided by its owner: ready to be superseded. */
  const decidedDecision = async (owner: Actor) => {
    const d = await newDecision(owner);
    const verdict = { outcome: 'Go', rationale: 'Cheapest', expectedImpact: 'None' };
    unwrap(await decideDecision(t.deps, { programId: program, decisionId: d.id, version: d.version, actor: owner, ...verdict }));
    return d;
  };
  /** The caller where they hold a role on KHG-KW500 that decides; otherwise owner@ (the decision owner). */
  const deciderFor = async (c: Caller): Promise<Actor> =>
    c.person && ['decision owner', 'cadence owner', 'quality owner'].includes(c.column) ? c.person : t.person('owner@demo.test');
  const verdictBody = { outcome: 'Approved', rationale: 'Within budget', expectedImpact: '+2 k USD' };
  const supersedeBody = { version: 2, reason: 'New quote', ...verdictBody };

  // Phase gates. A fresh draft program of KHG-KW500's client gets the default four gates with their items owned by
  // role: G1's owner and the cadence owner is lead@, its gatekeepers lead@ and quality@; the golden sample is owner@'s,
  // BOM and packaging lead@'s, tooling quality@'s, capacity and long-lead materials supplier@'s. Rows that let more
  // than one caller write give each caller an item (or gate) of its own on one such program, so the cells stay apart.
  /** A fresh draft program per row (made on the row's first request): its code. */
  const gateProgramOfRow = () => {
    let made: Promise<string> | undefined;
    return () => {
      made ??= draftProgram();
      return made;
    };
  };
  const gatesUrl = (code: string) => `/api/v1/programs/${code}/gates`;
  /** One gate of the program as lead@ reads it. */
  const gateOf = async (code: string, gateKey: string) => unwrap(await getGate(t.deps, { programId: code, gateKey, actor: lead }));
  const itemVersion = async (code: string, gateKey: string, itemKey: string) =>
    (await gateOf(code, gateKey)).items.find((i) => i.key === itemKey)?.version ?? 0;
  /** The item's owner submits its evidence, and a reviewer accepts it when asked. */
  const submitted = async (code: string, itemKey: string, owner: string, reviewer?: string) => {
    const by = await t.person(owner);
    const base = { programId: code, gateKey: 'G1', itemKey };
    unwrap(await submitItem(t.deps, { ...base, actor: by, version: await itemVersion(code, 'G1', itemKey), note: 'Matrix evidence' }));
    if (reviewer)
      unwrap(await acceptItem(t.deps, { ...base, actor: await t.person(reviewer), version: await itemVersion(code, 'G1', itemKey) }));
  };
  /** Per caller, the G1 item a row acts on; callers refused before anything is read get the first one. */
  const itemFor = (c: Caller, byColumn: Partial<Record<Column, string>>, fallback: string) => byColumn[c.column] ?? fallback;
  /** A request on one G1 item of the program, at its current version. */
  const itemStep = async (code: string, itemKey: string, action: string, body: Record<string, unknown>): Promise<InjectOptions> => ({
    method: 'POST',
    url: `${gatesUrl(code)}/G1/items/${itemKey}/${action}`,
    payload: { version: await itemVersion(code, 'G1', itemKey), ...body },
  });
  const ownItems: Partial<Record<Column, string>> = {
    'decision owner': 'G1-GOLDEN-SAMPLE',
    'cadence owner': 'G1-BOM-DRAWINGS',
    'quality owner': 'G1-TOOLING-T1',
    contributor: 'G1-CAPACITY',
  };
  const submitProgram = gateProgramOfRow();
  const othersItemProgram = gateProgramOfRow();
  const acceptProgram = gateProgramOfRow();
  const rejectProgram = gateProgramOfRow();
  const waiveProgram = gateProgramOfRow();
  const reopenProgram = gateProgramOfRow();
  const recommendProgram = gateProgramOfRow();
  const decideProgram = gateProgramOfRow();
  // The version is checked before the gate's roles: callers refused by the gate rules act on a program nobody writes,
  // so the one who may write cannot make their refusal a VERSION_CONFLICT.
  const unwrittenProgram = gateProgramOfRow();
  /** Each reviewing caller a submitted item of someone else's; the cadence owner (gate owner) and quality owner may review. */
  const toReview: Partial<Record<Column, string>> = {
    'decision owner': 'G1-LONG-LEAD',
    'cadence owner': 'G1-GOLDEN-SAMPLE',
    'quality owner': 'G1-CAPACITY',
    contributor: 'G1-PACKAGING-SPEC',
  };
  /** A program with the four items of toReview submitted by their owners (accepted by a reviewer when asked), once per row. */
  const reviewSetUp = (program: () => Promise<string>, accepted: boolean) => {
    let ready: Promise<string> | undefined;
    return () => {
      ready ??= (async () => {
        const code = await program();
        await submitted(code, 'G1-LONG-LEAD', 'supplier@demo.test', accepted ? 'lead@demo.test' : undefined);
        await submitted(code, 'G1-GOLDEN-SAMPLE', 'owner@demo.test', accepted ? 'lead@demo.test' : undefined);
        await submitted(code, 'G1-CAPACITY', 'supplier@demo.test', accepted ? 'quality@demo.test' : undefined);
        await submitted(code, 'G1-PACKAGING-SPEC', 'lead@demo.test', accepted ? 'quality@demo.test' : undefined);
        return code;
      })();
      return ready;
    };
  };
  const toAccept = reviewSetUp(acceptProgram, false);
  const toReject = reviewSetUp(rejectProgram, false);
  const toReopen = reviewSetUp(reopenProgram, true);
  /** A decided decision of the waiver program (owner@ decides), once per row: its key. */
  let waiver: Promise<string> | undefined;
  const waiverDecision = () => {
    waiver ??= (async () => {
      const code = await waiveProgram();
      const owner = await t.person('owner@demo.test');
      const d = unwrap(
        await requestDecision(t.deps, {
          programId: code,
          actor: lead,
          statement: 'Waive G1 items for the matrix?',
          ownerId: owner.id,
          dueDate: '2026-04-20' as PlainDate,
        }),
      ).decision;
      unwrap(await decideDecision(t.deps, { programId: code, decisionId: d.id, version: d.version, actor: owner, ...verdictBody }));
      return d.key;
    })();
    return waiver;
  };
  //                                      admin dec  cad  qual cont obs  other anon revoked
  // Evidence: a fresh draft program per row; each caller acts on its own G1 item (ownItems), the others on lead@'s.
  const linkProgram = gateProgramOfRow();
  const othersEvidenceProgram = gateProgramOfRow();
  const fileProgram = gateProgramOfRow();
  const removeProgram = gateProgramOfRow();
  const downloadProgram = gateProgramOfRow();
  const evidenceUrl = async (program: () => Promise<string>, itemKey: string) =>
    `${gatesUrl(await program())}/G1/items/${itemKey}/evidence`;
  /** A small PDF as a browser's multipart/form-data upload. */
  const pdfUpload = () => {
    const boundary = 'matrix-boundary-5xZ';
    const payload = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="matrix.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4 matrix\r\n--${boundary}--\r\n`,
    );
    return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
  };
  /** A file of lead@'s packaging item, added once through the use case: its download path. */
  let downloadPath: Promise<string> | undefined;
  const evidenceFile = () => {
    downloadPath ??= (async () => {
      const code = await downloadProgram();
      const e = unwrap(
        await addEvidence(t.deps, {
          programId: code,
          gateKey: 'G1',
          itemKey: 'G1-PACKAGING-SPEC',
          actor: lead,
          evidence: { kind: 'file', fileName: 'matrix.pdf', content: new Uint8Array(Buffer.from('%PDF-1.4 matrix')) },
        }),
      );
      return e.downloadPath as string;
    })();
    return downloadPath;
  };
  const itemOwners: Cells = /*         */ [403, 200, 200, 200, 200, 403, 404, 401, 401];
  const reviewers: Cells = /*          */ [403, 403, 200, 200, 403, 403, 404, 401, 401];
  const waivers: Cells = /*            */ [403, 200, 200, 200, 403, 403, 404, 401, 401];

  const rows: Row[] = [
    {
      route: 'GET /api/v1/programs/:programId/triggers',
      request: () => ({ method: 'GET', url: `/api/v1/programs/${program}/triggers` }),
      expect: readers,
    },
    {
      route: 'PUT /api/v1/programs/:programId/triggers/:kind',
      request: () => ({
        method: 'PUT',
        // A kind the demo's cadence owners left at its default (version 0).
        url: `/api/v1/programs/${program}/triggers/forecast_slip`,
        payload: {
          version: 0,
          isEnabled: true,
          threshold: 4,
          severity: 'medium',
          owner: { kind: 'role', role: 'cadence_owner' },
          window: { unit: 'business_days', amount: 2 },
          climbs: true,
        },
      }),
      expect: leadOnly,
      oneByOne: true,
    },
    {
      route: 'GET /api/v1/programs/:programId/escalations',
      request: () => ({ method: 'GET', url: `${escalationsUrl}?status=all` }),
      expect: readers,
    },
    {
      route: 'GET /api/v1/programs/:programId/escalations/:escalationId',
      request: async () => ({ method: 'GET', url: `${escalationsUrl}/${(await newEscalation(lead)).key}` }),
      expect: readers,
    },
    {
      route: 'GET /api/v1/escalations',
      request: () => ({ method: 'GET', url: '/api/v1/escalations?owner=me' }),
      expect: everyoneSignedIn,
    },
    {
      route: 'POST /api/v1/programs/:programId/escalations/:escalationId/acknowledge',
      case: "lead@'s escalation: the action owner, or the charter's decision owner",
      request: async () => {
        const e = await newEscalation(lead);
        return { method: 'POST', url: `${escalationsUrl}/${e.key}/acknowledge`, payload: { version: e.version } };
      },
      expect: [403, 200, 200, 403, 403, 403, 404, 401, 401],
    },
    {
      route: 'POST /api/v1/programs/:programId/escalations/:escalationId/acknowledge',
      case: "the caller's own escalation (an observer on the escalation path too)",
      request: async (c) => {
        const e = await newEscalation(ownerFor(c));
        return { method: 'POST', url: `${escalationsUrl}/${e.key}/acknowledge`, payload: { version: e.version } };
      },
      expect: [403, 200, 200, 200, 200, 200, 404, 401, 401],
    },
    {
      route: 'POST /api/v1/programs/:programId/escalations/:escalationId/resolve',
      case: "supplier@'s escalation: its owner, the cadence owner or the charter's decision owner",
      request: async () => {
        const e = await newEscalation(await t.person('supplier@demo.test'));
        return { method: 'POST', url: `${escalationsUrl}/${e.key}/resolve`, payload: { version: e.version, outcome: 'Sorted' } };
      },
      expect: [403, 200, 200, 403, 200, 403, 404, 401, 401],
    },
    {
      route: 'POST /api/v1/programs/:programId/escalations/:escalationId/reassign',
      request: async () => {
        const e = await newEscalation(lead);
        const to = await t.person('supplier@demo.test');
        return {
          method: 'POST',
          url: `${escalationsUrl}/${e.key}/reassign`,
          payload: { version: e.version, ownerId: to.id, reason: 'Theirs' },
        };
      },
      expect: leadOnly,
    },
    {
      route: 'GET /api/v1/programs/:programId/reports',
      request: async () => {
        await issued();
        return { method: 'GET', url: `${reportsUrl}?limit=5` };
      },
      expect: readers,
    },
    {
      route: 'GET /api/v1/programs/:programId/reports/:week',
      request: () => ({ method: 'GET', url: `${reportsUrl}/2026-W10` }),
      expect: readers,
    },
    {
      route: 'PUT /api/v1/programs/:programId/reports/:week/narrative',
      case: "a week of the caller's own (none written yet), so each cell is independent",
      request: (c) => ({
        method: 'PUT',
        url: `${reportsUrl}/2026-W0${columns.indexOf(c.column) + 1}/narrative`,
        payload: { narrative: 'Matrix narrative', version: 0 },
      }),
      expect: leadOnly,
    },
    {
      route: 'POST /api/v1/programs/:programId/reports/:week/issue',
      request: () => ({ method: 'POST', url: `${reportsUrl}/2026-W08/issue`, payload: { acknowledgeFindings: true } }),
      expect: with201(leadOnly),
    },
    {
      route: 'GET /api/v1/programs/:programId/reports/:week/meeting',
      request: () => ({ method: 'GET', url: `${reportsUrl}/2026-W11/meeting` }),
      expect: readers,
    },
    {
      route: 'POST /api/v1/programs/:programId/reports/:week/meeting/outcomes',
      case: 'a new action owned by the caller: each cell independent; refused before anything is written',
      request: (c) => ({
        method: 'POST',
        url: `${reportsUrl}/2026-W11/meeting/outcomes`,
        payload: { kind: 'action', title: `Matrix outcome (${c.column})`, ownerId: c.person?.id ?? 'nobody', dueDate: '2026-03-20' },
      }),
      expect: with201(leadOnly),
    },
    {
      route: 'GET /api/v1/programs/:programId/reports/:week/revisions/:revision',
      request: async () => ({ method: 'GET', url: `${reportsUrl}/${await issued()}/revisions/1` }),
      expect: readers,
    },
    {
      route: 'GET /api/v1/programs/:programId/reports/:week/revisions/:revision/export',
      request: async () => ({ method: 'GET', url: `${reportsUrl}/${await issued()}/revisions/latest/export?format=json` }),
      expect: readers,
    },
    {
      route: 'GET /api/v1/programs/:programId/reports/:week/revisions/:revision/report.pdf',
      request: async () => ({ method: 'GET', url: `${reportsUrl}/${await issued()}/revisions/latest/report.pdf` }),
      expect: readers,
    },
    // The leadership view: every signed-in person gets the programs they may see (other@ sees only its client's;
    // the observer's lines are checked in the test below).
    {
      route: 'GET /api/v1/portfolio/weeks/:week',
      request: () => ({ method: 'GET', url: '/api/v1/portfolio/weeks/2026-W10' }),
      expect: everyoneSignedIn,
    },
    {
      route: 'GET /api/v1/portfolio/weeks/:week/export',
      request: () => ({ method: 'GET', url: '/api/v1/portfolio/weeks/2026-W10/export?format=md' }),
      expect: everyoneSignedIn,
    },
    {
      route: 'GET /api/v1/portfolio/weeks/:week/report.pdf',
      request: () => ({ method: 'GET', url: '/api/v1/portfolio/weeks/2026-W10/report.pdf' }),
      expect: everyoneSignedIn,
    },
    // Public: no person needed, the same answer for everybody.
    { route: 'GET /healthz', request: () => ({ method: 'GET', url: '/healthz' }), expect: public200 },
    { route: 'GET /readyz', request: () => ({ method: 'GET', url: '/readyz' }), expect: public200 },
    { route: 'GET /api/openapi.json', request: () => ({ method: 'GET', url: '/api/openapi.json' }), expect: public200 },
    { route: 'GET /docs/errors', request: () => ({ method: 'GET', url: '/docs/errors' }), expect: public200 },
    { route: 'GET /api/v1/auth/config', request: () => ({ method: 'GET', url: '/api/v1/auth/config' }), expect: public200 },
    {
      route: 'POST /api/v1/auth/login',
      case: 'as marcus.bell@demo.test with the right password',
      request: () => ({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'marcus.bell@demo.test', password: demoPassword } }),
      expect: public200,
      oneByOne: true,
    },
    {
      route: 'POST /api/v1/auth/logout',
      case: "a second session of the caller's (theirs stays)",
      request: async (c) => ({
        method: 'POST',
        url: '/api/v1/auth/logout',
        headers: c.person && c.column !== 'revoked token' ? (await t.session(c.person)).headers : {},
      }),
      expect: public200,
    },
    {
      route: 'GET /api/v1/invites/:token',
      case: 'an open invite',
      request: () => ({ method: 'GET', url: `/api/v1/invites/${openInvite}` }),
      expect: public200,
    },
    {
      route: 'POST /api/v1/invites/:token/accept',
      case: 'an open invite with a weak password (refused, the link stays open)',
      request: () => ({ method: 'POST', url: `/api/v1/invites/${openInvite}/accept`, payload: { password: 'short' } }),
      expect: [422, 422, 422, 422, 422, 422, 422, 422, 422],
    },
    {
      route: 'GET /auth/oidc/start',
      case: 'no identity provider configured',
      request: () => ({ method: 'GET', url: '/auth/oidc/start' }),
      expect: [404, 404, 404, 404, 404, 404, 404, 404, 404],
    },
    {
      route: 'GET /auth/oidc/callback',
      case: 'no identity provider configured',
      request: () => ({ method: 'GET', url: '/auth/oidc/callback?code=x&state=y' }),
      expect: [404, 404, 404, 404, 404, 404, 404, 404, 404],
    },

    // Oneself.
    { route: 'GET /api/v1/me', request: () => ({ method: 'GET', url: '/api/v1/me' }), expect: everyoneSignedIn },
    {
      route: 'PATCH /api/v1/me',
      case: "the caller's own zone, at the version they read (the route names no one else)",
      request: async (c) => {
        const user = c.person ? await t.deps.store.reads.findUser(c.person.id) : null;
        return { method: 'PATCH', url: '/api/v1/me', payload: { version: user?.version ?? 1, timeZone: user?.timeZone ?? 'UTC' } };
      },
      expect: everyoneSignedIn,
    },
    {
      route: 'POST /api/v1/me/password',
      case: 'with a wrong current password (refused, nothing changes)',
      request: () => ({
        method: 'POST',
        url: '/api/v1/me/password',
        payload: { currentPassword: 'not-the-password', newPassword: 'a-new-password-2026' },
      }),
      expect: [422, 422, 422, 422, 422, 422, 422, 401, 401],
    },
    { route: 'GET /api/v1/me/tokens', request: () => ({ method: 'GET', url: '/api/v1/me/tokens' }), expect: everyoneSignedIn },
    {
      route: 'POST /api/v1/me/tokens',
      request: () => ({ method: 'POST', url: '/api/v1/me/tokens', payload: { name: 'Matrix', expiresInDays: 7 } }),
      expect: with201(everyoneSignedIn),
    },
    {
      route: 'DELETE /api/v1/me/tokens/:tokenId',
      case: "one of the caller's own tokens",
      request: async (c) => {
        const owner = c.person && c.column !== 'revoked token' ? c.person : lead;
        const { record } = unwrap(await createApiToken(t.deps, { actor: owner, name: 'To revoke', expiresInDays: 7 }));
        return { method: 'DELETE', url: `/api/v1/me/tokens/${record.id}` };
      },
      expect: everyoneSignedIn,
    },
    {
      route: 'DELETE /api/v1/me/tokens/:tokenId',
      case: "someone else's token",
      request: async () => {
        const marcus = await t.person('marcus.bell@demo.test');
        const { record } = unwrap(await createApiToken(t.deps, { actor: marcus, name: 'Not yours', expiresInDays: 7 }));
        return { method: 'DELETE', url: `/api/v1/me/tokens/${record.id}` };
      },
      expect: [404, 404, 404, 404, 404, 404, 404, 401, 401],
    },

    {
      route: 'GET /api/v1/me/notifications',
      request: () => ({ method: 'GET', url: '/api/v1/me/notifications' }),
      expect: everyoneSignedIn,
    },
    {
      route: 'POST /api/v1/me/notifications/:notificationId/read',
      case: "one of the caller's own notices",
      request: async (c) => ({ method: 'POST', url: `/api/v1/me/notifications/${await noticeFor(c.person ?? lead)}/read` }),
      expect: everyoneSignedIn,
    },
    {
      route: 'POST /api/v1/me/notifications/:notificationId/read',
      case: "someone else's notice",
      request: async () => ({
        method: 'POST',
        url: `/api/v1/me/notifications/${await noticeFor(await t.person('marcus.bell@demo.test'))}/read`,
      }),
      expect: [404, 404, 404, 404, 404, 404, 404, 401, 401],
    },
    {
      route: 'POST /api/v1/me/notifications/read-all',
      request: () => ({ method: 'POST', url: '/api/v1/me/notifications/read-all' }),
      expect: everyoneSignedIn,
    },
    {
      route: 'GET /api/v1/me/notification-settings',
      request: () => ({ method: 'GET', url: '/api/v1/me/notification-settings' }),
      expect: everyoneSignedIn,
    },
    {
      route: 'PATCH /api/v1/me/notification-settings',
      case: "the caller's own settings",
      request: () => ({ method: 'PATCH', url: '/api/v1/me/notification-settings', payload: { gate_at_risk: 'digest' } }),
      expect: everyoneSignedIn,
    },
    {
      route: 'GET /notification-settings/one-click',
      case: "an e-mail's signed link (the token is the proof, whoever opens it)",
      request: async () => ({
        method: 'GET',
        url: `/notification-settings/one-click?token=${encodeURIComponent(await oneClickFor(lead))}`,
      }),
      expect: public200,
      // Every caller turns off the same person's setting (at the same moment, all but one would be 409: made by another).
      oneByOne: true,
    },
    {
      route: 'POST /notification-settings/one-click',
      case: 'RFC 8058 one-click from a mail program',
      request: async () => ({
        method: 'POST',
        url: `/notification-settings/one-click?token=${encodeURIComponent(await oneClickFor(lead))}`,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: 'List-Unsubscribe=One-Click',
      }),
      expect: public200,
      oneByOne: true,
    },
    {
      route: 'GET /notification-settings/one-click',
      case: 'a changed token',
      request: async () => ({
        method: 'GET',
        url: `/notification-settings/one-click?token=${encodeURIComponent(`${await oneClickFor(lead)}x`)}`,
      }),
      expect: [400, 400, 400, 400, 400, 400, 400, 400, 400],
    },
    {
      route: 'GET /api/v1/events',
      case: 'the live-update stream (its headers: the stream is then closed)',
      request: () => ({ method: 'GET', url: '/api/v1/events', payloadAsStream: true }),
      expect: everyoneSignedIn,
    },

    // A program and what is in it.
    { route: 'GET /api/v1/programs', request: () => ({ method: 'GET', url: '/api/v1/programs' }), expect: everyoneSignedIn },
    { route: 'GET /api/v1/programs/:programId', request: () => ({ method: 'GET', url: `/api/v1/programs/${program}` }), expect: readers },
    {
      route: 'GET /api/v1/programs/:programId',
      case: "HM-WINCH3, the fourth client's program",
      request: () => ({ method: 'GET', url: '/api/v1/programs/HM-WINCH3' }),
      expect: [200, 404, 404, 404, 404, 404, 200, 401, 401],
    },
    {
      route: 'GET /api/v1/programs/:programId/people',
      request: () => ({ method: 'GET', url: `/api/v1/programs/${program}/people` }),
      expect: readers,
    },
    { route: 'GET /api/v1/programs/:programId/milestones', request: () => ({ method: 'GET', url: milestonesUrl }), expect: readers },
    {
      route: 'GET /api/v1/programs/:programId/milestones/:milestoneId',
      request: async () => ({ method: 'GET', url: `${milestonesUrl}/${await milestone(lead)}` }),
      expect: readers,
    },
    {
      route: 'GET /api/v1/programs/:programId/changes',
      request: () => ({ method: 'GET', url: `/api/v1/programs/${program}/changes` }),
      expect: readers,
    },
    {
      route: 'GET /api/v1/programs/:programId/needs-owner',
      request: () => ({ method: 'GET', url: `/api/v1/programs/${program}/needs-owner` }),
      expect: readers,
    },
    {
      route: 'GET /api/v1/programs/:programId/change-log',
      request: () => ({ method: 'GET', url: `/api/v1/programs/${program}/change-log?limit=5` }),
      expect: readers,
    },
    {
      route: 'POST /api/v1/programs/:programId/milestones',
      request: () => ({
        method: 'POST',
        url: milestonesUrl,
        payload: { name: 'Added in the matrix', phase: 'G2', baselineDate: '2026-05-04', ownerId: lead.id },
      }),
      expect: with201(leadOnly),
    },
    {
      route: 'PATCH /api/v1/programs/:programId/milestones/:milestoneId',
      case: "lead@'s milestone",
      request: async () => ({
        method: 'PATCH',
        url: `${milestonesUrl}/${await milestone(lead)}`,
        payload: { version: 1, name: 'Renamed' },
      }),
      expect: leadOnly,
    },
    {
      route: 'PATCH /api/v1/programs/:programId/milestones/:milestoneId',
      case: "the caller's own milestone",
      request: async (c) => ({
        method: 'PATCH',
        url: `${milestonesUrl}/${await milestone(ownerFor(c))}`,
        payload: { version: 1, name: 'Renamed' },
      }),
      expect: leadOnly,
    },
    {
      route: 'POST /api/v1/programs/:programId/milestones/:milestoneId/move',
      case: "lead@'s milestone",
      request: async () => ({
        method: 'POST',
        url: `${milestonesUrl}/${await milestone(lead)}/move`,
        payload: { version: 1, forecastDate: '2026-04-27', reason: 'Tooling rework' },
      }),
      expect: leadOnly,
    },
    {
      route: 'POST /api/v1/programs/:programId/milestones/:milestoneId/move',
      case: "the caller's own milestone",
      request: async (c) => ({
        method: 'POST',
        url: `${milestonesUrl}/${await milestone(ownerFor(c))}/move`,
        payload: { version: 1, forecastDate: '2026-04-27', reason: 'Tooling rework' },
      }),
      expect: ownersToo,
    },
    {
      route: 'POST /api/v1/programs/:programId/milestones/:milestoneId/move',
      case: 'a KHG-KW500 milestone asked for under HM-WINCH3',
      request: () => ({
        method: 'POST',
        url: `/api/v1/programs/HM-WINCH3/milestones/${khgMilestoneId}/move`,
        payload: { version: 1, forecastDate: '2026-04-27', reason: 'Wrong program' },
      }),
      expect: [404, 404, 404, 404, 404, 404, 404, 401, 401],
    },
    {
      route: 'POST /api/v1/programs/:programId/milestones/:milestoneId/complete',
      case: "lead@'s milestone",
      request: async () => ({
        method: 'POST',
        url: `${milestonesUrl}/${await milestone(lead)}/complete`,
        payload: { version: 1, actualDate: today },
      }),
      expect: leadOnly,
    },
    {
      route: 'POST /api/v1/programs/:programId/milestones/:milestoneId/complete',
      case: "the caller's own milestone",
      request: async (c) => ({
        method: 'POST',
        url: `${milestonesUrl}/${await milestone(ownerFor(c))}/complete`,
        payload: { version: 1, actualDate: today },
      }),
      expect: ownersToo,
    },

    // Dependencies between milestones: everyone who sees the program reads them and previews a move or a link;
    // only the cadence owner links or unlinks (milestone.link).
    {
      route: 'GET /api/v1/programs/:programId/links',
      request: () => ({ method: 'GET', url: `/api/v1/programs/${program}/links` }),
      expect: readers,
    },
    {
      route: 'POST /api/v1/programs/:programId/links',
      request: async () => ({
        method: 'POST',
        url: `/api/v1/programs/${program}/links`,
        payload: { predecessor: await milestone(lead), successor: await milestone(lead), lagDays: 1 },
      }),
      expect: with201(leadOnly),
    },
    {
      route: 'POST /api/v1/programs/:programId/links/preview',
      request: async () => ({
        method: 'POST',
        url: `/api/v1/programs/${program}/links/preview`,
        payload: { predecessor: await milestone(lead), successor: await milestone(lead), lagDays: 2 },
      }),
      expect: readers,
    },
    {
      route: 'DELETE /api/v1/programs/:programId/links/:linkId',
      request: async () => {
        const l = unwrap(
          await addMilestoneLink(t.deps, {
            programId: program,
            actor: lead,
            predecessor: await milestone(lead),
            successor: await milestone(lead),
          }),
        );
        return { method: 'DELETE', url: `/api/v1/programs/${program}/links/${l.link.id}` };
      },
      expect: leadOnly,
    },
    // The business calendar: everyone who sees the program reads it; only the cadence owner edits it
    // (calendar.edit); an official holiday schedule is loaded by the cadence owner or a workspace admin.
    {
      route: 'GET /api/v1/programs/:programId/calendar',
      request: () => ({ method: 'GET', url: `/api/v1/programs/${program}/calendar?year=2026` }),
      expect: readers,
    },
    {
      route: 'PUT /api/v1/programs/:programId/calendar',
      request: async () => {
        const p = (await t.deps.store.reads.findProgram(program)) as { version: number };
        const spec = {
          countries: [{ country: 'CN' }],
          timeZone: 'Asia/Shanghai',
          endOfDayHour: 18,
          exceptions: [{ date: '2026-05-09', working: true, label: `Matrix ${++n}` }],
        };
        return { method: 'PUT', url: `/api/v1/programs/${program}/calendar`, payload: { version: p.version, spec, reason: 'Matrix' } };
      },
      expect: leadOnly,
    },
    // The kickoff charter: everyone who sees the program reads it; only the cadence owner writes it
    // (charter.edit; admins too need the role). Each cell sends the whole charter at the version it is now.
    {
      route: 'GET /api/v1/programs/:programId/charter',
      request: () => ({ method: 'GET', url: `/api/v1/programs/${program}/charter` }),
      expect: readers,
    },
    {
      route: 'PUT /api/v1/programs/:programId/charter',
      request: async () => {
        const p = (await t.deps.store.reads.findProgram(program)) as { id: string };
        const stored = await t.deps.store.reads.findCharter(p.id as never);
        const owner = await t.person('owner@demo.test');
        return {
          method: 'PUT',
          url: `/api/v1/programs/${program}/charter`,
          payload: {
            version: stored?.version ?? 0,
            decisionOwnerId: owner.id,
            escalationPath: [owner.id],
            successDefinitions: { G1: `Matrix ${++n}` },
            weeklyReport: { weekday: 5, time: '16:00', recipientIds: [], recipientEmails: ['buyer@client.example'] },
            leadershipReview: { scoreAtLeast: 15, unresolvedDays: 10 },
            reason: 'Matrix',
          },
        };
      },
      expect: leadOnly,
    },
    {
      route: 'POST /api/v1/programs/:programId/calendar/official-schedules',
      request: () => ({
        method: 'POST',
        url: `/api/v1/programs/${program}/calendar/official-schedules`,
        payload: { country: 'CN', year: 2028, holidays: [{ date: '2028-01-26', label: 'Spring Festival' }], makeupWorkdays: [] },
      }),
      expect: [201, 403, 201, 403, 403, 403, 404, 401, 401],
      oneByOne: true,
    },
    {
      route: 'POST /api/v1/programs/:programId/milestones/:milestoneId/move-preview',
      request: async () => ({
        method: 'POST',
        url: `${milestonesUrl}/${await milestone(lead)}/move-preview`,
        payload: { forecastDate: '2026-04-27' },
      }),
      expect: readers,
    },
    // Phase gates: everyone who sees the program reads its gates and their checklist pack; the cadence owner sets them
    // up (gate.edit); the gate rules decide who takes each step on top of gate.work and gate.decide (observers and
    // admins without a role never): an item's owner submits, the gate owner or a quality owner reviews and reopens,
    // they or the decision owner waive, the gatekeepers recommend, the decider the template names decides.
    { route: 'GET /api/v1/programs/:programId/gates', request: () => ({ method: 'GET', url: gatesUrl(program) }), expect: readers },
    {
      route: 'GET /api/v1/programs/:programId/gates/:gateKey',
      request: () => ({ method: 'GET', url: `${gatesUrl(program)}/G3` }),
      expect: readers,
    },
    {
      route: 'GET /api/v1/programs/:programId/gates/:gateKey/pack.pdf',
      request: () => ({ method: 'GET', url: `${gatesUrl(program)}/G1/pack.pdf` }),
      expect: readers,
    },
    {
      route: 'PATCH /api/v1/programs/:programId/gates/:gateKey',
      request: async () => ({
        method: 'PATCH',
        url: `${gatesUrl(program)}/G4`,
        payload: { version: (await gateOf(program, 'G4')).version, warningDays: (++n % 20) + 1 },
      }),
      expect: leadOnly,
    },
    {
      route: 'PATCH /api/v1/programs/:programId/gates/:gateKey/items/:itemKey',
      request: async () => ({
        method: 'PATCH',
        url: `${gatesUrl(program)}/G4/items/G4-FINAL-INSPECTION`,
        payload: { version: await itemVersion(program, 'G4', 'G4-FINAL-INSPECTION'), dueDate: `2026-05-${String((++n % 20) + 10)}` },
      }),
      expect: leadOnly,
    },
    {
      route: 'POST /api/v1/programs/:programId/gates/:gateKey/items/:itemKey/submit',
      case: "an item the caller owns (lead@'s packaging item for those who own none)",
      request: async (c) => itemStep(await submitProgram(), itemFor(c, ownItems, 'G1-PACKAGING-SPEC'), 'submit', { note: 'Matrix' }),
      expect: itemOwners,
    },
    {
      route: 'POST /api/v1/programs/:programId/gates/:gateKey/items/:itemKey/submit',
      case: "lead@'s item: only its owner submits",
      request: async (c) =>
        itemStep(await (c.column === 'cadence owner' ? othersItemProgram : unwrittenProgram)(), 'G1-BOM-DRAWINGS', 'submit', {
          note: 'Matrix',
        }),
      expect: [403, 403, 200, 403, 403, 403, 404, 401, 401],
      gateRole: ['decision owner', 'quality owner', 'contributor'],
    },
    {
      route: 'POST /api/v1/programs/:programId/gates/:gateKey/items/:itemKey/accept',
      case: 'evidence someone else submitted, one item per caller',
      request: async (c) => itemStep(await toAccept(), itemFor(c, toReview, 'G1-GOLDEN-SAMPLE'), 'accept', {}),
      expect: reviewers,
      gateRole: ['decision owner', 'contributor'],
    },
    {
      route: 'POST /api/v1/programs/:programId/gates/:gateKey/items/:itemKey/reject',
      case: 'evidence someone else submitted, one item per caller',
      request: async (c) => itemStep(await toReject(), itemFor(c, toReview, 'G1-GOLDEN-SAMPLE'), 'reject', { comment: 'Not signed' }),
      expect: reviewers,
      gateRole: ['decision owner', 'contributor'],
    },
    {
      route: 'POST /api/v1/programs/:programId/gates/:gateKey/items/:itemKey/waive',
      case: 'an open item per caller, with a decided decision',
      request: async (c) =>
        itemStep(await waiveProgram(), itemFor(c, ownItems, 'G1-PACKAGING-SPEC'), 'waive', { decisionId: await waiverDecision() }),
      expect: waivers,
      gateRole: ['contributor'],
    },
    {
      route: 'POST /api/v1/programs/:programId/gates/:gateKey/items/:itemKey/reopen',
      case: 'an accepted item per caller',
      request: async (c) => itemStep(await toReopen(), itemFor(c, toReview, 'G1-GOLDEN-SAMPLE'), 'reopen', { reason: 'Measure again' }),
      expect: reviewers,
      gateRole: ['decision owner', 'contributor'],
    },
    {
      route: 'POST /api/v1/programs/:programId/gates/:gateKey/items/:itemKey/evidence',
      case: "a link on an item the caller owns (lead@'s packaging item for those who own none)",
      request: async (c) => ({
        method: 'POST',
        url: await evidenceUrl(linkProgram, itemFor(c, ownItems, 'G1-PACKAGING-SPEC')),
        payload: { kind: 'link', title: 'Matrix', url: 'https://example.com/matrix' },
      }),
      expect: with201(itemOwners),
    },
    {
      route: 'POST /api/v1/programs/:programId/gates/:gateKey/items/:itemKey/evidence',
      case: "owner@'s golden sample: its owner, the gate's owner (lead@) or a quality owner",
      request: async () => ({
        method: 'POST',
        url: await evidenceUrl(othersEvidenceProgram, 'G1-GOLDEN-SAMPLE'),
        payload: { kind: 'note', note: 'Matrix note' },
      }),
      expect: [403, 201, 201, 201, 403, 403, 404, 401, 401],
      gateRole: ['contributor'],
    },
    {
      route: 'POST /api/v1/programs/:programId/gates/:gateKey/items/:itemKey/evidence/files',
      case: 'a PDF on an item the caller owns',
      request: async (c) => ({
        method: 'POST',
        url: `${await evidenceUrl(fileProgram, itemFor(c, ownItems, 'G1-PACKAGING-SPEC'))}/files`,
        ...pdfUpload(),
      }),
      expect: with201(itemOwners),
    },
    {
      route: 'DELETE /api/v1/programs/:programId/gates/:gateKey/items/:itemKey/evidence/:evidenceId',
      case: 'a note lead@ (the gate owner) added to an item the caller owns',
      request: async (c) => {
        const code = await removeProgram();
        const itemKey = itemFor(c, ownItems, 'G1-PACKAGING-SPEC');
        const e = unwrap(
          await addEvidence(t.deps, {
            programId: code,
            gateKey: 'G1',
            itemKey,
            actor: lead,
            evidence: { kind: 'note', note: `Matrix ${++n}` },
          }),
        );
        return { method: 'DELETE', url: `${gatesUrl(code)}/G1/items/${itemKey}/evidence/${e.id}?version=${e.version}` };
      },
      expect: itemOwners,
    },
    {
      route: 'GET /api/v1/programs/:programId/evidence/:evidenceId/file',
      request: async () => ({ method: 'GET', url: await evidenceFile() }),
      expect: readers,
    },
    {
      route: 'POST /api/v1/programs/:programId/gates/:gateKey/recommendations',
      case: 'a gate per gatekeeper (lead@ G1, quality@ G2, the others G3)',
      request: async (c) => {
        const code = await recommendProgram();
        const gateKey = c.column === 'cadence owner' ? 'G1' : c.column === 'quality owner' ? 'G2' : 'G3';
        return {
          method: 'POST',
          url: `${gatesUrl(code)}/${gateKey}/recommendations`,
          payload: { version: (await gateOf(code, gateKey)).version, recommendation: 'go' },
        };
      },
      expect: [403, 403, 200, 200, 403, 403, 404, 401, 401],
      gateRole: ['decision owner'],
    },
    {
      route: 'POST /api/v1/programs/:programId/gates/:gateKey/decision',
      case: 'a hold of G1, which the decision owner decides',
      request: async (c) => {
        const code = await (c.column === 'decision owner' ? decideProgram : unwrittenProgram)();
        return {
          method: 'POST',
          url: `${gatesUrl(code)}/G1/decision`,
          payload: { version: (await gateOf(code, 'G1')).version, outcome: 'hold', rationale: 'Tooling not ready' },
        };
      },
      expect: [403, 200, 403, 403, 403, 403, 404, 401, 401],
      gateRole: ['cadence owner', 'quality owner'],
    },
    // The plan view, baselines, slips and charts: everyone who sees the program reads them; only the
    // cadence owner activates, re-baselines (with a decision decided by a decision owner) or changes
    // plan settings (plan.baseline, plan.edit).
    {
      route: 'GET /api/v1/programs/:programId/plan',
      request: () => ({ method: 'GET', url: `/api/v1/programs/${program}/plan` }),
      expect: readers,
    },
    {
      route: 'PATCH /api/v1/programs/:programId/plan-settings',
      request: async () => {
        const p = await t.deps.store.reads.findProgram(program);
        if (!p) throw new Error('the demo program is missing');
        return {
          method: 'PATCH',
          url: `/api/v1/programs/${program}/plan-settings`,
          payload: { version: p.version, toleranceDays: p.toleranceDays === 4 ? 5 : 4, reason: 'Matrix' },
        };
      },
      expect: leadOnly,
    },
    {
      route: 'GET /api/v1/programs/:programId/baselines',
      request: () => ({ method: 'GET', url: `/api/v1/programs/${program}/baselines` }),
      expect: readers,
    },
    {
      route: 'POST /api/v1/programs/:programId/baselines',
      request: async () => {
        const d = await decidedDecision(await t.person('owner@demo.test'));
        return {
          method: 'POST',
          url: `/api/v1/programs/${program}/baselines`,
          payload: { name: `Matrix re-plan ${++n}`, decisionId: d.key },
        };
      },
      expect: with201(leadOnly),
    },
    {
      route: 'POST /api/v1/programs/:programId/activate',
      request: async () => {
        const code = `MX-DRAFT${++n}`;
        const client = (await t.deps.store.reads.findProgram(program))?.clientId as string;
        const draft = unwrap(
          await createProgram(t.deps, {
            actor: admin,
            code,
            name: `Matrix draft ${n}`,
            clientId: client,
            supplierName: 'Matrix Works',
            factoryCity: 'Ningbo',
            factoryCountry: 'CN',
            timeZone: 'Asia/Shanghai',
            status: 'draft',
          }),
        );
        // Activation needs a complete kickoff charter: the lead (cadence owner of the client) writes it.
        await writeCompleteCharter(t.deps, draft.id, lead);
        return { method: 'POST', url: `/api/v1/programs/${code}/activate`, payload: { version: 1 } };
      },
      expect: with201(leadOnly),
    },
    {
      route: 'GET /api/v1/programs/:programId/milestones/:milestoneId/slips',
      request: async () => ({ method: 'GET', url: `${milestonesUrl}/${await milestone(lead)}/slips` }),
      expect: readers,
    },
    {
      route: 'GET /api/v1/programs/:programId/mta',
      request: () => ({ method: 'GET', url: `/api/v1/programs/${program}/mta` }),
      expect: readers,
    },
    {
      route: 'GET /api/v1/programs/:programId/charts/mta.svg',
      request: () => ({ method: 'GET', url: `/api/v1/programs/${program}/charts/mta.svg` }),
      expect: readers,
    },
    {
      route: 'GET /api/v1/programs/:programId/charts/timeline.svg',
      request: () => ({ method: 'GET', url: `/api/v1/programs/${program}/charts/timeline.svg` }),
      expect: readers,
    },

    // The risk register: anyone working on the program raises a risk; the cadence owner updates and
    // ends any risk, the others only risks they own (an observer none, even one they own).
    { route: 'GET /api/v1/programs/:programId/risks', request: () => ({ method: 'GET', url: risksUrl }), expect: readers },
    {
      route: 'POST /api/v1/programs/:programId/risks',
      request: () => ({
        method: 'POST',
        url: risksUrl,
        payload: { title: 'Raised in the matrix', ownerId: lead.id, category: 'quality', likelihood: 2, impact: 3 },
      }),
      expect: [403, 201, 201, 201, 201, 403, 404, 401, 401],
    },
    {
      route: 'GET /api/v1/programs/:programId/risks/:riskId',
      request: async () => ({ method: 'GET', url: `${risksUrl}/${(await newRisk(lead)).key}` }),
      expect: readers,
    },
    {
      route: 'GET /api/v1/programs/:programId/risks/:riskId',
      case: 'a KHG-KW500 risk asked for under HM-WINCH3',
      request: async () => ({ method: 'GET', url: `/api/v1/programs/HM-WINCH3/risks/${(await newRisk(lead)).id}` }),
      expect: [404, 404, 404, 404, 404, 404, 404, 401, 401],
    },
    {
      route: 'PATCH /api/v1/programs/:programId/risks/:riskId',
      case: "lead@'s risk",
      request: async () => ({
        method: 'PATCH',
        url: `${risksUrl}/${(await newRisk(lead)).key}`,
        payload: { version: 1, likelihood: 2, reason: 'Second source found' },
      }),
      expect: leadOnly,
    },
    {
      route: 'PATCH /api/v1/programs/:programId/risks/:riskId',
      case: "the caller's own risk",
      request: async (c) => ({
        method: 'PATCH',
        url: `${risksUrl}/${(await newRisk(ownerFor(c))).key}`,
        payload: { version: 1, likelihood: 2, reason: 'Second source found' },
      }),
      expect: [403, 200, 200, 200, 200, 403, 404, 401, 401],
    },
    {
      route: 'POST /api/v1/programs/:programId/risks/:riskId/close',
      case: "lead@'s risk",
      request: async () => ({
        method: 'POST',
        url: `${risksUrl}/${(await newRisk(lead)).key}/close`,
        payload: { version: 1, reason: 'Passed' },
      }),
      expect: leadOnly,
    },
    {
      route: 'POST /api/v1/programs/:programId/risks/:riskId/close',
      case: "the caller's own risk",
      request: async (c) => ({
        method: 'POST',
        url: `${risksUrl}/${(await newRisk(ownerFor(c))).key}/close`,
        payload: { version: 1, reason: 'Passed' },
      }),
      expect: [403, 200, 200, 200, 200, 403, 404, 401, 401],
    },
    {
      route: 'POST /api/v1/programs/:programId/risks/:riskId/realize',
      case: "lead@'s risk",
      request: async () => ({
        method: 'POST',
        url: `${risksUrl}/${(await newRisk(lead)).key}/realize`,
        payload: { version: 1, reason: 'It happened' },
      }),
      expect: leadOnly,
    },
    {
      route: 'POST /api/v1/programs/:programId/risks/:riskId/realize',
      case: "the caller's own risk",
      request: async (c) => ({
        method: 'POST',
        url: `${risksUrl}/${(await newRisk(ownerFor(c))).key}/realize`,
        payload: { version: 1, reason: 'It happened' },
      }),
      expect: [403, 200, 200, 200, 200, 403, 404, 401, 401],
    },
    {
      route: 'GET /api/v1/programs/:programId/risk-changes',
      request: () => ({ method: 'GET', url: `/api/v1/programs/${program}/risk-changes?since=2026-03-01&until=${today}` }),
      expect: readers,
    },

    // The decision log: anyone working on the program asks for a decision; only its owner (who must
    // hold a role that decides) decides or supersedes it; its owner or the cadence owner edits it while open.
    { route: 'GET /api/v1/programs/:programId/decisions', request: () => ({ method: 'GET', url: decisionsUrl }), expect: readers },
    {
      route: 'POST /api/v1/programs/:programId/decisions',
      request: async () => ({
        method: 'POST',
        url: decisionsUrl,
        payload: { statement: 'Asked in the matrix', ownerId: (await t.person('owner@demo.test')).id, dueDate: '2026-03-20' },
      }),
      expect: [403, 201, 201, 201, 201, 403, 404, 401, 401],
    },
    {
      route: 'GET /api/v1/programs/:programId/decisions/:decisionId',
      request: async () => ({ method: 'GET', url: `${decisionsUrl}/${(await newDecision(lead)).key}` }),
      expect: readers,
    },
    {
      route: 'GET /api/v1/programs/:programId/decisions/:decisionId',
      case: 'a KHG-KW500 decision asked for under HM-WINCH3',
      request: async () => ({ method: 'GET', url: `/api/v1/programs/HM-WINCH3/decisions/${(await newDecision(lead)).id}` }),
      expect: [404, 404, 404, 404, 404, 404, 404, 401, 401],
    },
    {
      route: 'PATCH /api/v1/programs/:programId/decisions/:decisionId',
      case: "lead@'s decision",
      request: async () => ({
        method: 'PATCH',
        url: `${decisionsUrl}/${(await newDecision(lead)).key}`,
        payload: { version: 1, context: 'Edited in the matrix' },
      }),
      expect: leadOnly,
    },
    {
      route: 'PATCH /api/v1/programs/:programId/decisions/:decisionId',
      case: "the caller's own decision (owner@'s where the caller cannot own one)",
      request: async (c) => ({
        method: 'PATCH',
        url: `${decisionsUrl}/${(await newDecision(await deciderFor(c))).key}`,
        payload: { version: 1, context: 'Edited in the matrix' },
      }),
      expect: [403, 200, 200, 403, 403, 403, 404, 401, 401],
    },
    {
      route: 'POST /api/v1/programs/:programId/decisions/:decisionId/decide',
      case: "lead@'s decision",
      request: async () => ({
        method: 'POST',
        url: `${decisionsUrl}/${(await newDecision(lead)).key}/decide`,
        payload: { version: 1, ...verdictBody },
      }),
      expect: [403, 403, 200, 403, 403, 403, 404, 401, 401],
    },
    {
      route: 'POST /api/v1/programs/:programId/decisions/:decisionId/decide',
      case: "the caller's own decision (owner@'s where the caller cannot own one)",
      request: async (c) => ({
        method: 'POST',
        url: `${decisionsUrl}/${(await newDecision(await deciderFor(c))).key}/decide`,
        payload: { version: 1, ...verdictBody },
      }),
      expect: [403, 200, 200, 200, 403, 403, 404, 401, 401],
    },
    {
      route: 'POST /api/v1/programs/:programId/decisions/:decisionId/supersede',
      case: "lead@'s decided decision",
      request: async () => ({
        method: 'POST',
        url: `${decisionsUrl}/${(await decidedDecision(lead)).key}/supersede`,
        payload: supersedeBody,
      }),
      expect: [403, 403, 201, 403, 403, 403, 404, 401, 401],
    },
    {
      route: 'POST /api/v1/programs/:programId/decisions/:decisionId/supersede',
      case: "the caller's own decided decision (owner@'s where the caller cannot own one)",
      request: async (c) => ({
        method: 'POST',
        url: `${decisionsUrl}/${(await decidedDecision(await deciderFor(c))).key}/supersede`,
        payload: supersedeBody,
      }),
      expect: [403, 201, 201, 201, 403, 403, 404, 401, 401],
    },
    {
      route: 'GET /api/v1/decision-queue',
      request: () => ({ method: 'GET', url: '/api/v1/decision-queue?ownerId=me' }),
      expect: everyoneSignedIn,
    },

    // Floor events: everyone working on the program reports them (a preview too) and records a shipment's arrival;
    // everyone who sees the program reads them.
    { route: 'GET /api/v1/programs/:programId/events', request: () => ({ method: 'GET', url: eventsUrl }), expect: readers },
    {
      route: 'GET /api/v1/programs/:programId/events/:eventKey',
      request: async () => ({ method: 'GET', url: `${eventsUrl}/${await newShipment()}` }),
      expect: readers,
    },
    {
      route: 'POST /api/v1/programs/:programId/events',
      request: () => ({ method: 'POST', url: eventsUrl, payload: { kind: 'shipment', title: 'Matrix samples', expectedOn: '2026-04-20' } }),
      expect: [403, 201, 201, 201, 201, 403, 404, 401, 401],
    },
    {
      route: 'PATCH /api/v1/programs/:programId/events/:eventKey',
      request: async () => ({ method: 'PATCH', url: `${eventsUrl}/${await newShipment()}`, payload: { version: 1, arrivedOn: today } }),
      expect: [403, 200, 200, 200, 200, 403, 404, 401, 401],
    },
    {
      route: 'POST /api/v1/programs/:programId/events/import',
      request: () => ({
        method: 'POST',
        url: `${eventsUrl}/import`,
        payload: { csv: 'kind,title,expectedOn\nshipment,Matrix,2026-04-20', dryRun: true },
      }),
      expect: [403, 200, 200, 200, 200, 403, 404, 401, 401],
    },

    // Actions: anyone working on the program opens one; its owner edits it and marks it done (the
    // cadence owner edits any, but marks done only their own); the cadence owner confirms or reopens;
    // the cadence and quality owners record the effectiveness check.
    { route: 'GET /api/v1/programs/:programId/actions', request: () => ({ method: 'GET', url: actionsUrl }), expect: readers },
    {
      route: 'POST /api/v1/programs/:programId/actions',
      request: () => ({
        method: 'POST',
        url: actionsUrl,
        payload: { title: 'Opened in the matrix', ownerId: lead.id, dueDate: '2026-04-20' },
      }),
      expect: [403, 201, 201, 201, 201, 403, 404, 401, 401],
    },
    {
      route: 'GET /api/v1/programs/:programId/actions/:actionId',
      request: async () => ({ method: 'GET', url: `${actionsUrl}/${await newAction(lead)}` }),
      expect: readers,
    },
    {
      route: 'GET /api/v1/programs/:programId/actions/:actionId',
      case: 'a KHG-KW500 action asked for under HM-WINCH3',
      request: async () => {
        const a = unwrap(
          await openAction(t.deps, {
            programId: program,
            actor: lead,
            title: `Matrix action ${++n}`,
            ownerId: lead.id,
            dueDate: '2026-04-20' as PlainDate,
          }),
        );
        return { method: 'GET', url: `/api/v1/programs/HM-WINCH3/actions/${a.action.id}` };
      },
      expect: [404, 404, 404, 404, 404, 404, 404, 401, 401],
    },
    {
      route: 'PATCH /api/v1/programs/:programId/actions/:actionId',
      case: "lead@'s action",
      request: async () => ({ method: 'PATCH', url: `${actionsUrl}/${await newAction(lead)}`, payload: { version: 1, title: 'Renamed' } }),
      expect: leadOnly,
    },
    {
      route: 'PATCH /api/v1/programs/:programId/actions/:actionId',
      case: "the caller's own action",
      request: async (c) => ({
        method: 'PATCH',
        url: `${actionsUrl}/${await newAction(ownerFor(c))}`,
        payload: { version: 1, title: 'Renamed' },
      }),
      expect: [403, 200, 200, 200, 200, 403, 404, 401, 401],
    },
    {
      route: 'POST /api/v1/programs/:programId/actions/:actionId/done',
      case: "lead@'s action",
      request: async () => ({ method: 'POST', url: `${actionsUrl}/${await newAction(lead)}/done`, payload: { version: 1, note: 'Done' } }),
      expect: leadOnly,
    },
    {
      route: 'POST /api/v1/programs/:programId/actions/:actionId/done',
      case: "the caller's own action",
      request: async (c) => ({
        method: 'POST',
        url: `${actionsUrl}/${await newAction(ownerFor(c))}/done`,
        payload: { version: 1, note: 'Done' },
      }),
      expect: [403, 200, 200, 200, 200, 403, 404, 401, 401],
    },
    {
      route: 'POST /api/v1/programs/:programId/actions/:actionId/confirm',
      case: "supplier@'s action, marked done by them",
      request: async () => ({
        method: 'POST',
        url: `${actionsUrl}/${await newAction(await t.person('supplier@demo.test'), { done: true })}/confirm`,
        payload: { version: 2 },
      }),
      // Someone other than who marked it done: the cadence owner, a decision owner or an admin.
      expect: [200, 200, 200, 403, 403, 403, 404, 401, 401],
    },
    {
      route: 'POST /api/v1/programs/:programId/actions/:actionId/confirm',
      case: "lead@'s action, marked done by lead@ (two people, two steps)",
      request: async () => ({
        method: 'POST',
        url: `${actionsUrl}/${await newAction(lead, { done: true })}/confirm`,
        payload: { version: 2 },
      }),
      expect: [200, 200, 403, 403, 403, 403, 404, 401, 401],
    },
    {
      route: 'POST /api/v1/programs/:programId/actions/:actionId/reopen',
      case: "lead@'s action, marked done",
      request: async () => ({
        method: 'POST',
        url: `${actionsUrl}/${await newAction(lead, { done: true })}/reopen`,
        payload: { version: 2, reason: 'Not done after all' },
      }),
      expect: [200, 200, 200, 403, 403, 403, 404, 401, 401],
    },
    {
      route: 'POST /api/v1/programs/:programId/actions/:actionId/effectiveness',
      case: "lead@'s corrective action, marked done",
      request: async () => ({
        method: 'POST',
        url: `${actionsUrl}/${await newAction(lead, { done: true, checkDate: '2026-05-04' })}/effectiveness`,
        payload: { version: 2, result: 'effective' },
      }),
      expect: [403, 403, 200, 200, 403, 403, 404, 401, 401],
    },
    { route: 'GET /api/v1/me/week', request: () => ({ method: 'GET', url: '/api/v1/me/week' }), expect: everyoneSignedIn },
    // Everyone signed in may search; what they find is limited to the programs they see (test/api/search.test.ts).
    { route: 'GET /api/v1/search', request: () => ({ method: 'GET', url: '/api/v1/search?q=M-1' }), expect: everyoneSignedIn },
    // Program templates are workspace-wide reference data: everyone signed in reads them.
    { route: 'GET /api/v1/templates', request: () => ({ method: 'GET', url: '/api/v1/templates' }), expect: everyoneSignedIn },
    {
      route: 'GET /api/v1/templates/:templateId',
      request: () => ({ method: 'GET', url: '/api/v1/templates/default-4-gate' }),
      expect: everyoneSignedIn,
    },
    // The ISO 2859-1 sampling plan calculator is reference data: everyone signed in uses it, no program needed.
    {
      route: 'GET /api/v1/sampling-plan',
      request: () => ({ method: 'GET', url: '/api/v1/sampling-plan?lotSize=2000&level=II&aql=2.5&defectsFound=3' }),
      expect: everyoneSignedIn,
    },
    // Copying and editing templates is the workspace admins' (templates.manage).
    {
      route: 'POST /api/v1/templates/:templateId/copy',
      request: () => ({
        method: 'POST',
        url: '/api/v1/templates/default-4-gate/copy',
        payload: { id: `matrix-copy-${++n}`, name: 'Copy' },
      }),
      expect: with201(adminOnly),
    },
    {
      route: 'PATCH /api/v1/templates/:templateId',
      request: async () => ({
        method: 'PATCH',
        url: `/api/v1/templates/${await newTemplate()}`,
        payload: { version: 1, reason: 'Matrix', name: `Edited ${++n}` },
      }),
      expect: adminOnly,
    },

    // Program intake: links are made, listed and revoked by who may make the client's programs (admins
    // and its cadence owners; a link of a client one may not manage is not found); the client's people
    // (a role on the client) submit signed in; anyone with a link submits without an account.
    {
      route: 'POST /api/v1/clients/:clientId/intake-links',
      request: async () => ({
        method: 'POST',
        url: `/api/v1/clients/${await khgClient()}/intake-links`,
        payload: { label: `Matrix ${++n}` },
      }),
      expect: [201, 403, 201, 403, 403, 403, 403, 401, 401],
    },
    { route: 'GET /api/v1/intake-links', request: () => ({ method: 'GET', url: '/api/v1/intake-links' }), expect: everyoneSignedIn },
    {
      route: 'GET /api/v1/intake-links',
      case: "one client's",
      request: async () => ({ method: 'GET', url: `/api/v1/intake-links?clientId=${await khgClient()}` }),
      expect: [200, 403, 200, 403, 403, 403, 403, 401, 401],
    },
    {
      route: 'POST /api/v1/intake-links/:linkId/revoke',
      request: async () => ({ method: 'POST', url: `/api/v1/intake-links/${(await newIntakeLink()).link.id}/revoke`, payload: {} }),
      expect: [200, 404, 200, 404, 404, 404, 404, 401, 401],
    },
    {
      route: 'GET /api/v1/clients/:clientId/intake',
      request: async () => ({ method: 'GET', url: `/api/v1/clients/${await khgClient()}/intake` }),
      expect: [200, 200, 200, 200, 200, 200, 403, 401, 401],
    },
    {
      route: 'POST /api/v1/clients/:clientId/intake',
      request: async () => ({ method: 'POST', url: `/api/v1/clients/${await khgClient()}/intake`, payload: intakeAnswers() }),
      expect: [201, 201, 201, 201, 201, 201, 403, 401, 401],
    },
    {
      route: 'GET /api/v1/programs/:programId/intake',
      request: () => ({ method: 'GET', url: `/api/v1/programs/${program}/intake` }),
      expect: readers,
    },
    // Update requests: who was asked and who answered (everyone who reads the program); the cadence owner
    // withdraws a link. The signed link's own routes answer everybody alike: the token is the credential.
    {
      route: 'GET /api/v1/programs/:programId/update-requests',
      request: () => ({ method: 'GET', url: `/api/v1/programs/${program}/update-requests?week=2026-W11` }),
      expect: readers,
    },
    {
      route: 'POST /api/v1/programs/:programId/update-requests/:requestId/revoke',
      request: async () => ({
        method: 'POST',
        url: `/api/v1/programs/${program}/update-requests/${(await newLink()).id}/revoke`,
        payload: {},
      }),
      expect: leadOnly,
    },
    {
      route: 'GET /api/v1/update-links/:token',
      request: async () => ({ method: 'GET', url: (await linkUrl()).url }),
      expect: public200,
    },
    {
      route: 'POST /api/v1/update-links/:token/items/:itemId/confirm',
      request: async () => {
        const { url, link } = await linkUrl();
        return { method: 'POST', url: `${url}/items/${link.milestone.id}/confirm` };
      },
      expect: public200,
    },
    {
      route: 'POST /api/v1/update-links/:token/items/:itemId/forecast',
      case: 'a fresh link per cell (each moves its own milestone at version 1)',
      request: async () => {
        const l = await newLink();
        return {
          method: 'POST',
          url: `/api/v1/update-links/${l.token}/items/${l.milestone.id}/forecast`,
          payload: { forecastDate: '2026-04-27', reason: 'Mould repair', version: 1 },
        };
      },
      expect: public200,
    },
    {
      route: 'POST /api/v1/update-links/:token/items/:itemId/done',
      case: 'a fresh link per cell',
      request: async () => {
        const l = await newLink();
        return { method: 'POST', url: `/api/v1/update-links/${l.token}/items/${l.action.id}/done`, payload: { note: 'Sent', version: 1 } };
      },
      expect: public200,
    },
    {
      route: 'POST /api/v1/update-links/:token/items/:itemId/evidence',
      request: async () => {
        const { url, link } = await linkUrl();
        return { method: 'POST', url: `${url}/items/${link.itemId}/evidence`, ...evidenceUpload() };
      },
      expect: public200,
    },
    {
      route: 'GET /api/v1/intake/:token',
      request: async () => ({ method: 'GET', url: `/api/v1/intake/${(await newIntakeLink()).token}` }),
      expect: public200,
    },
    {
      route: 'POST /api/v1/intake/:token',
      request: async () => ({ method: 'POST', url: `/api/v1/intake/${(await newIntakeLink()).token}`, payload: intakeAnswers() }),
      expect: with201(public200),
    },

    // Workspace administration.
    { route: 'GET /api/v1/people', request: () => ({ method: 'GET', url: '/api/v1/people' }), expect: adminOnly },
    {
      route: 'POST /api/v1/people/invites',
      request: () => ({
        method: 'POST',
        url: '/api/v1/people/invites',
        payload: { email: `invitee-${++n}@example.test`, name: 'Ines Invitee', roles: [{ programId: program, role: 'observer' }] },
      }),
      expect: with201(adminOnly),
    },
    {
      route: 'POST /api/v1/people/:userId/roles',
      request: async () => ({
        method: 'POST',
        url: `/api/v1/people/${(await stranger()).id}/roles`,
        payload: { role: 'observer', programId: program },
      }),
      expect: with201(adminOnly),
    },
    {
      route: 'DELETE /api/v1/roles/:membershipId',
      request: async () => {
        const s = await stranger();
        const m = unwrap(await grantRole(t.deps, { actor: admin, userId: s.id, programId: program, role: 'observer' }));
        return { method: 'DELETE', url: `/api/v1/roles/${m.id}` };
      },
      expect: adminOnly,
    },
    {
      route: 'DELETE /api/v1/people/:userId',
      request: async () => ({ method: 'DELETE', url: `/api/v1/people/${(await stranger()).id}` }),
      expect: adminOnly,
    },
    // Set-up: clients (admins), suppliers and factories (added by admins and cadence owners: other@ runs HM-WINCH3;
    // edited and archived by admins),
    // programs (admins and the client's cadence owners), a program's set-up (its cadence owner or an admin).
    { route: 'GET /api/v1/clients', request: () => ({ method: 'GET', url: '/api/v1/clients' }), expect: everyoneSignedIn },
    {
      route: 'POST /api/v1/clients',
      request: () => ({ method: 'POST', url: '/api/v1/clients', payload: { name: `Matrix client ${++n}`, country: 'DE' } }),
      expect: with201(adminOnly),
    },
    {
      route: 'PATCH /api/v1/clients/:clientId',
      request: async () => ({
        method: 'PATCH',
        url: `/api/v1/clients/${await newClient()}`,
        payload: { version: 1, timeZone: 'Europe/Berlin' },
      }),
      expect: adminOnly,
    },
    {
      route: 'POST /api/v1/clients/:clientId/archive',
      request: async () => ({ method: 'POST', url: `/api/v1/clients/${await newClient()}/archive`, payload: { version: 1 } }),
      expect: adminOnly,
    },
    { route: 'GET /api/v1/suppliers', request: () => ({ method: 'GET', url: '/api/v1/suppliers' }), expect: everyoneSignedIn },
    {
      route: 'POST /api/v1/suppliers',
      request: () => ({ method: 'POST', url: '/api/v1/suppliers', payload: { name: `Matrix supplier ${++n}`, country: 'CN' } }),
      expect: [201, 403, 201, 403, 403, 403, 201, 401, 401],
    },
    {
      route: 'POST /api/v1/suppliers/:supplierId/factories',
      request: async () => ({
        method: 'POST',
        url: `/api/v1/suppliers/${(await someFactory()).supplierId}/factories`,
        payload: { name: `Matrix hall ${++n}`, city: 'Ningbo', country: 'CN', timeZone: 'Asia/Shanghai' },
      }),
      expect: [201, 403, 201, 403, 403, 403, 201, 401, 401],
    },
    {
      route: 'PATCH /api/v1/suppliers/:supplierId',
      request: async () => ({ method: 'PATCH', url: `/api/v1/suppliers/${await newSupplier()}`, payload: { version: 1, country: 'VN' } }),
      expect: adminOnly,
    },
    {
      route: 'POST /api/v1/suppliers/:supplierId/archive',
      request: async () => ({ method: 'POST', url: `/api/v1/suppliers/${await newSupplier()}/archive`, payload: { version: 1 } }),
      expect: adminOnly,
    },
    {
      route: 'PATCH /api/v1/factories/:factoryId',
      request: async () => ({
        method: 'PATCH',
        url: `/api/v1/factories/${await newFactory()}`,
        payload: { version: 1, timeZone: 'Asia/Ho_Chi_Minh' },
      }),
      expect: adminOnly,
    },
    {
      route: 'POST /api/v1/factories/:factoryId/archive',
      request: async () => ({ method: 'POST', url: `/api/v1/factories/${await newFactory()}/archive`, payload: { version: 1 } }),
      expect: adminOnly,
    },
    {
      route: 'POST /api/v1/programs',
      request: async () => ({
        method: 'POST',
        url: '/api/v1/programs',
        payload: { code: `MX-NEW${++n}`, name: 'Matrix new', clientId: await khgClient(), factoryId: (await someFactory()).id },
      }),
      expect: with201(leadOnly).map((s, i) => (i === 0 ? 201 : i === 6 ? 403 : s)) as unknown as Cells,
    },
    {
      route: 'PATCH /api/v1/programs/:programId',
      request: async () => ({
        method: 'PATCH',
        url: `/api/v1/programs/${await draftProgram()}`,
        payload: { version: 1, product: 'Matrix' },
      }),
      expect: [200, 403, 200, 403, 403, 403, 404, 401, 401],
    },
    {
      route: 'POST /api/v1/programs/:programId/archive',
      request: async () => ({ method: 'POST', url: `/api/v1/programs/${await draftProgram()}/archive`, payload: { version: 1 } }),
      expect: [200, 403, 200, 403, 403, 403, 404, 401, 401],
    },
    {
      route: 'POST /api/v1/programs/:programId/restore',
      request: async () => ({ method: 'POST', url: `/api/v1/programs/${await draftProgram(true)}/restore`, payload: { version: 2 } }),
      expect: [200, 403, 200, 403, 403, 403, 404, 401, 401],
    },
    {
      route: 'GET /api/v1/archived-programs',
      request: () => ({ method: 'GET', url: '/api/v1/archived-programs' }),
      expect: everyoneSignedIn,
    },
    {
      route: 'POST /api/v1/programs/:programId/copy-preview',
      request: () => ({ method: 'POST', url: `/api/v1/programs/${program}/copy-preview`, payload: { startDate: '2027-03-01' } }),
      expect: readers,
    },
  ];

  const label = (r: Row) => (r.case ? `${r.route} [${r.case}]` : r.route);
  const routeKeys = () => t.http.tollgateRoutes.filter((r) => !notInTable(r)).map((r) => `${r.method} ${r.url}`);
  const matches = (route: string, opts: InjectOptions) => {
    const [method, pattern] = route.split(' ') as [string, string];
    const re = new RegExp(`^${pattern.replace(/:[^/]+/g, '[^/]+')}$`);
    return (opts.method ?? 'GET') === method && re.test(String(opts.url).split('?')[0] ?? '');
  };

  beforeAll(async () => {
    t = await createTestServer(
      dialect,
      { docsDir, webDir, intakeRateLimits: { submissionsPerHour: 1000, requestsPerMinute: 1000 } },
      { from: 'demo' },
    );
    t.setNow(now);
    admin = await t.person('admin@demo.test');
    lead = await t.person('lead@demo.test');
    // Each person signs in once, as a browser does; requests carry the cookie and the CSRF token.
    for (const column of columns) {
      const email = accounts[column];
      if (email) callers.push({ column, headers: (await t.login(email, demoPassword)).headers, person: await t.person(email) });
    }
    callers.push({ column: 'anonymous', headers: {}, person: null });
    const leadWeb = callers.find((c) => c.column === 'cadence owner') as Caller;
    const created = await t.http.inject({
      method: 'POST',
      url: '/api/v1/me/tokens',
      headers: leadWeb.headers,
      payload: { name: 'Soon revoked', expiresInDays: 30 },
    });
    const { token, item } = created.json<{ token: string; item: { id: string } }>();
    const revoked = await t.http.inject({ method: 'DELETE', url: `/api/v1/me/tokens/${item.id}`, headers: leadWeb.headers });
    if (created.statusCode !== 201 || revoked.statusCode !== 200) throw new Error(`revoked token setup: ${created.body} ${revoked.body}`);
    callers.push({ column: 'revoked token', headers: { authorization: `Bearer ${token}` }, person: lead });
    expect(callers.map((c) => c.column)).toEqual([...columns]);

    const invited = await t.http.inject({
      method: 'POST',
      url: '/api/v1/people/invites',
      headers: await t.as(admin),
      payload: { email: 'open.invite@example.test', name: 'Olivia Open' },
    });
    openInvite = invited.json<{ inviteUrl: string }>().inviteUrl.split('/invite/')[1] ?? '';
    expect(openInvite).toMatch(/^tgi_/);
    khgMilestoneId = (await newMilestone(lead)).id;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('lists every registered route, and only registered routes', () => {
    const listed = new Set(rows.map((r) => r.route));
    const registered = routeKeys();
    expect({
      'routes without a row (add one)': registered.filter((r) => !listed.has(r)),
      'rows for no route': [...listed].filter((r) => !registered.includes(r)),
    }).toEqual({ 'routes without a row (add one)': [], 'rows for no route': [] });
  });

  it('shows each signed-in caller the leadership view of exactly the programs their portfolio lists (the observer only theirs)', async () => {
    for (const c of callers.filter((x) => x.person !== null && x.column !== 'revoked token')) {
      const listed = await t.http.inject({ method: 'GET', url: '/api/v1/programs', headers: c.headers });
      const view = await t.http.inject({ method: 'GET', url: '/api/v1/portfolio/weeks/2026-W10', headers: c.headers });
      const codes = listed.json<{ code: string }[] | { items: { code: string }[] }>();
      const mine = (Array.isArray(codes) ? codes : codes.items).map((p) => p.code).sort();
      const lines = view
        .json<{ lines: { program: { code: string } }[] }>()
        .lines.map((l) => l.program.code)
        .sort();
      expect(lines, c.column).toEqual(mine);
      if (c.column === 'observer' || c.column === 'other client') expect(lines.length, c.column).toBeGreaterThan(0);
    }
  });

  /** What differs from the row's cell for one caller, or null. */
  const mismatchOf = async (row: Row, i: number, caller: Caller, opts: InjectOptions): Promise<string | null> => {
    if (!matches(row.route, opts)) return `${label(row)}: the request ${opts.method} ${String(opts.url)} is not this route`;
    const res = await t.http.inject({ ...opts, headers: { ...caller.headers, ...(opts.headers as Headers | undefined) } });
    const want = row.expect[i];
    // A stream (the live updates) is read only when it is a refusal; an open one is closed once its headers are in.
    const isEventStream = String(res.headers['content-type'] ?? '').startsWith('text/event-stream');
    const body = !opts.payloadAsStream ? res.body : isEventStream ? '' : await bodyOf(res.stream());
    if (isEventStream) res.stream().destroy();
    const code = String(res.headers['content-type'] ?? '').includes('problem') ? (JSON.parse(body) as { code: string }).code : undefined;
    // A 401 or 403 must be the refusal the policy gives (or the domain's two-people rule of a closure; the gate rules'
    // GATE_ROLE_REQUIRED exactly in the columns the row names), not (say) a missing CSRF token; a 404 not a missing route.
    const refusedAs403 = row.gateRole?.includes(caller.column) ? ['GATE_ROLE_REQUIRED'] : ['FORBIDDEN', 'CLOSURE_NEEDS_SECOND_PERSON'];
    const wrongCode =
      (res.statusCode === 401 && code !== 'UNAUTHENTICATED') ||
      (res.statusCode === 403 && !refusedAs403.includes(code ?? '')) ||
      code === 'NOT_FOUND';
    return res.statusCode !== want || wrongCode
      ? `${label(row)} × ${caller.column}: expected ${want}, got ${res.statusCode}${code ? ` ${code}` : ''} — ${body.slice(0, 160)}`
      : null;
  };

  // One test per row: each caller's request is prepared (its fresh milestone, action, person…) in turn,
  // then all nine are sent at once, as nine people would (one by one where the row says so).
  for (const row of rows) {
    it(`answers every caller with the status of its cell: ${label(row)}`, async () => {
      const prepared: { i: number; caller: Caller; opts: InjectOptions }[] = [];
      for (const [i, caller] of callers.entries()) prepared.push({ i, caller, opts: await row.request(caller) });
      const mismatches: (string | null)[] = [];
      if (row.oneByOne) for (const { i, caller, opts } of prepared) mismatches.push(await mismatchOf(row, i, caller, opts));
      else mismatches.push(...(await Promise.all(prepared.map(({ i, caller, opts }) => mismatchOf(row, i, caller, opts)))));
      expect(mismatches.filter((m) => m !== null)).toEqual([]);
    });
  }
});
