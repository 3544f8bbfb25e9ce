import { addBusinessDays, mondayToFriday } from '../../domain/business-days.js';
import type { Milestone } from '../../domain/milestone.js';
import { addDays, dateInZone, type PlainDate } from '../../domain/plain-date.js';
import { ok, type Refusal, type Result, refuse } from '../../domain/result.js';
import { principalOf } from '../auth/principal.js';
import { setCharter } from '../charter/set-charter.js';
import { completeMilestone } from '../complete-milestone.js';
import { createMilestone } from '../create-milestone.js';
import { createClient, createProgram, unwrap } from '../create-records.js';
import type { Actor, AppDeps } from '../deps.js';
import { authorize } from '../get-program.js';
import { moveMilestone } from '../move-milestone.js';
import { createPerson } from '../people/create-person.js';
import { grantRole } from '../people/grant-role.js';
import { activateProgram } from '../plan/baselines.js';
import type { PasswordHasher } from '../ports.js';
import { loadDemoActions } from './demo-actions.js';
import { type DemoProgram, demoClients, demoPassword, demoPeople, demoPrograms, roleClients } from './demo-data.js';
import { loadDemoDecisions } from './demo-decisions.js';
import { loadDemoEscalations } from './demo-escalations.js';
import { loadDemoFloor } from './demo-floor.js';
import { demoGates, passDemoGate, planDemoGates, workDemoCurrentGate } from './demo-gates.js';
import { settleDemoNotices } from './demo-notices.js';
import { loadDemoLinks, loadDemoRebaseline } from './demo-plan.js';
import { loadDemoReports } from './demo-reports.js';
import { loadDemoRisks } from './demo-risks.js';
import { importLegacyMilestone, legacyReason } from './legacy-records.js';
import { stepOf } from './milestone-steps.js';

export interface DemoSummary {
  readonly clients: number;
  readonly programs: number;
  readonly milestones: number;
  readonly people: number;
}

/** A clock the loader sets, so the demo's history (creations, moves, completions) lies in the past. */
function settableClock(start: Date) {
  let t = start;
  return { now: () => t, set: (d: PlainDate, hourUtc = 3) => (t = new Date(`${d}T${String(hourUtc).padStart(2, '0')}:00:00Z`)) };
}

/** The person again, now holding the roles granted since they were read. */
async function refreshed(d: AppDeps, a: Actor): Promise<Actor> {
  const u = await d.store.reads.findUser(a.id);
  if (!u) throw new Error(`demo person ${a.email} vanished`);
  return principalOf(d.store.reads, u);
}

/**
 * The hasher with `count` hashes of `password` started at once (each with its own salt): they are
 * worked out on the thread pool side by side instead of one after another as each person is created
 * (about 40 ms each here). Other passwords are hashed as they come.
 */
function hashedAhead(passwords: PasswordHasher, password: string, count: number): PasswordHasher {
  const ahead = Array.from({ length: count }, () => passwords.hash(password));
  // A load refused before it used them all leaves the rest unused: no unhandled rejection.
  for (const h of ahead) h.catch(() => {});
  return { verify: (h, p) => passwords.verify(h, p), hash: (p) => (p === password ? ahead.shift() : undefined) ?? passwords.hash(p) };
}

const cal = mondayToFriday;
const bd = (d: PlainDate, n: number) => addBusinessDays(cal, d, n);

/** Thrown out of the batch to roll it back with a refusal. */
class DemoRefused extends Error {
  constructor(readonly refusal: Refusal) {
    super(refusal.message);
  }
}

export interface LoadDemoInput {
  readonly now: Date;
  /** Delete all the data first (the schema stays): starting afresh. In the same batch, so a failure keeps the old data. */
  readonly reset?: boolean;
}

/**
 * Loads the demo portfolio into an empty database: 3 clients with 8 programs at suppliers in China,
 * Vietnam and India (28-60 milestones each), a fourth client with one program, people in every role,
 * with a history of moves and completions written through the ordinary use cases, so health, variance
 * and the change log are real. Each program's records are in its own words (texts/*.ts), for a few
 * programs with what the floor reported (sample shipments, inspections, measurements).
 */
export async function loadDemo(deps: AppDeps, input: LoadDemoInput): Promise<Result<DemoSummary>> {
  // One batch: the demo is committed whole or not at all, with one commit instead of one per write;
  // a refusal rolls back whatever was written before it, the reset's deletions too.
  try {
    return ok(
      await deps.store.batch(
        async (store) => {
          if (input.reset) await store.transaction((tx) => tx.emptyData());
          const loaded = await load({ ...deps, store, bareAnswers: true }, input);
          if (!loaded.ok) throw new DemoRefused(loaded.error);
          return loaded.value;
        },
        // Every refusal ends the load: no savepoint per write.
        { isWhole: true },
      ),
    );
  } catch (e) {
    if (e instanceof DemoRefused) return { ok: false, error: e.refusal };
    throw e;
  }
}

async function load(deps: AppDeps, input: { now: Date }): Promise<Result<DemoSummary>> {
  if ((await deps.store.reads.countPrograms()) > 0) {
    return refuse('DEMO_NOT_EMPTY', 'The database already holds programs; the demo loads only into an empty one.');
  }
  const clock = settableClock(input.now);
  // Loading the demo is demo mode: its people get the published demo password.
  const d: AppDeps = { ...deps, clock, demo: true, passwords: hashedAhead(deps.passwords, demoPassword, demoPeople.length) };
  const earliest = addDays(dateInZone(input.now, 'UTC'), -7 * 30);
  clock.set(earliest);

  const people = new Map<string, Actor>();
  let admin: Actor | null = null;
  for (const p of demoPeople) {
    const created = await createPerson(d, {
      actor: admin,
      email: p.email,
      name: p.name,
      timeZone: p.timeZone,
      isAdmin: p.isAdmin,
      password: demoPassword,
    });
    // The first admin is created once, under a lock: when another instance started loading the demo
    // at the same moment (or someone set the workspace up), this one leaves it alone.
    if (!created.ok && !admin && created.error.code === 'FORBIDDEN') {
      return refuse(
        'DEMO_NOT_EMPTY',
        'The workspace already has an admin (another instance may be loading the demo); the demo was not loaded.',
      );
    }
    const u = unwrap(created);
    const actor: Actor = { id: u.id, name: u.name, email: u.email, isAdmin: u.isAdmin, memberships: [] };
    if (p.isAdmin && !admin) admin = actor;
    people.set(p.key, actor);
  }
  if (!admin) throw new Error('the demo cast needs an admin');
  const clients = new Map<string, string>();
  for (const c of demoClients) {
    clients.set(c.key, unwrap(await createClient(d, { actor: admin, name: c.name, country: c.country })).id);
  }
  for (const p of demoPeople) {
    if (!p.clientRole) continue;
    for (const c of roleClients) {
      unwrap(await grantRole(d, { actor: admin, userId: (people.get(p.key) as Actor).id, clientId: clients.get(c), role: p.clientRole }));
    }
  }
  // Everyone acts with the roles they now hold.
  for (const [key, a] of people) people.set(key, await refreshed(d, a));
  let milestones = 0;
  for (const p of demoPrograms) milestones += await loadProgram(d, clock, p, people, admin, clients.get(p.client) as string, input.now);
  await loadDemoEscalations(d, clock, { people, now: input.now });
  const reported = [];
  for (const spec of demoPrograms) {
    const program = await d.store.reads.findProgram(spec.code);
    if (!program) throw new Error(`demo program ${spec.code} vanished`);
    reported.push({ spec, id: program.id as string, owner: await refreshed(d, people.get(spec.owner) as Actor) });
  }
  await loadDemoReports(d, clock, { programs: reported, now: input.now });
  await settleDemoNotices(deps, input.now);
  return ok({ clients: demoClients.length, programs: demoPrograms.length, milestones, people: demoPeople.length });
}

async function loadProgram(
  d: AppDeps,
  clock: ReturnType<typeof settableClock>,
  p: DemoProgram,
  people: Map<string, Actor>,
  admin: Actor,
  clientId: string,
  now: Date,
): Promise<number> {
  const today = dateInZone(now, p.timeZone);
  const kickoff = bd(addDays(today, -7 * p.ageWeeks), 0);
  const planDays = p.ageWeeks * 5 + 60 + (p.milestones % 7) * 5;
  const who = (k: 'owner' | 'contact' | 'quality') => people.get(p[k]) as Actor;
  clock.set(addDays(kickoff, -3));
  // People who hold no role on the client get one on this program, as an admin assigns it when making
  // the program: the program's gates and checklist items are owned by role from the start.
  const programRoles = [
    [p.owner, 'cadence_owner'],
    [p.contact, 'contributor'],
    [p.quality, 'quality_owner'],
  ] as const;
  const owners: Partial<Record<(typeof programRoles)[number][1], string[]>> = {};
  for (const [key, role] of programRoles) {
    const person = demoPeople.find((x) => x.key === key);
    const holdsClientRole = person?.clientRole && (roleClients as readonly string[]).includes(p.client);
    if (!holdsClientRole) owners[role] = [...(owners[role] ?? []), (people.get(key) as Actor).id];
  }
  const program = unwrap(
    await createProgram(d, {
      actor: admin,
      code: p.code,
      name: p.name,
      clientId,
      supplierName: p.supplier,
      factoryCity: p.city,
      factoryCountry: p.country,
      timeZone: p.timeZone,
      ownerId: who('owner').id,
      owners,
      targetReleaseDate: bd(kickoff, planDays),
    }),
  );

  for (const key of new Set([p.owner, p.contact, p.quality])) {
    people.set(key, await refreshed(d, people.get(key) as Actor));
  }
  const owner = who('owner');
  const ownerOf = (m: Milestone) => (m.ownerId ? ([...people.values()].find((a) => a.id === m.ownerId) ?? owner) : owner);

  const steps = p.texts.plan.map(([id, name]) => ({ ...stepOf(id), name }));
  const created: Milestone[] = [];
  clock.set(addDays(kickoff, -1));
  for (const [i, step] of steps.entries()) {
    const baseline = bd(kickoff, Math.round((i * planDays) / (steps.length - 1)));
    // A couple of items are left without an owner, so the gap shows where it matters.
    const hasOwner = !(p.shape !== 'on_track' && i === steps.length - 3);
    if (!hasOwner) {
      // Imported from the client's earlier tracking sheet, before every milestone had to have an owner:
      // the "needs an owner or date" view lists it for the cadence owner.
      const legacy = { programId: program.id, actor: owner, reason: legacyReason };
      created.push(unwrap(await importLegacyMilestone(d, { ...legacy, name: step.name, phase: step.phase, baselineDate: baseline })));
      continue;
    }
    const view = await createMilestone(d, {
      programId: program.id,
      actor: owner,
      name: step.name,
      phase: step.phase,
      ownerId: who(step.by).id,
      baselineDate: baseline,
      isCritical: step.critical ?? false,
      // The release itself tolerates one business day; the rest take the program's default.
      toleranceDays: i === steps.length - 1 ? 1 : null,
    });
    created.push(unwrap(view).milestone);
  }
  // The kickoff charter, agreed before activation: the client's decision owner decides where there is
  // one (the same rule the demo's decisions follow), escalations climb to the quality owner and then
  // the decider, and the weekly report goes out on Friday afternoon at the factory, owners asked for updates first.
  const decider = (roleClients as readonly string[]).includes(p.client) ? (people.get('jonas') as Actor) : owner;
  const quality = who('quality');
  unwrap(
    await setCharter(d, {
      programId: program.id,
      actor: owner,
      version: 0,
      reason: 'Kickoff charter agreed',
      charter: {
        decisionOwnerId: decider.id,
        escalationPath: [...new Set([quality.id, decider.id])],
        successDefinitions: {
          G1: 'Golden sample signed by the client; drawings and BOM frozen; T1 parts within tolerance.',
          G2: 'Pilot run at the planned quantity with first-article inspection passed and defects under the agreed AQL.',
          G3: 'Yield on target for four consecutive weeks with in-line inspection at the agreed cadence.',
          G4: 'Final inspection passed, compliance reports and shipping documents ready, release approved.',
        },
        weeklyReport: {
          weekday: 5,
          time: '16:00',
          recipientIds: [...new Set([decider.id, owner.id])],
          recipientEmails: [],
          autoIssue: false,
          // Owners are asked to update their items on Wednesday, two business days before the report.
          updateRequests: { businessDaysBefore: 2, untouchedDays: 14 },
        },
        leadershipReview: { scoreAtLeast: 15, unresolvedDays: 10 },
      },
    }),
  );
  // Each gate's review is planned on the program's gate review milestone of its phase.
  const cast = { program, people: new Map([...people.values()].map((a) => [a.id as string, a])), owner, decider };
  const qualityIds = [quality.id];
  await planDemoGates(d, cast, created);
  const reviewOf = new Map(
    (await demoGates(d, cast)).gates.flatMap((g) => (g.reviewMilestoneId ? [[g.reviewMilestoneId, g.key] as const] : [])),
  );
  // The plan is complete: the program goes active, which takes baseline 0.
  unwrap(await activateProgram(d, { programId: program.id, actor: owner, version: program.version, reason: 'Plan agreed at kick-off' }));

  let reason = 0;
  const nextReason = () => p.texts.slips[reason++ % p.texts.slips.length] as string;
  const past = created.filter((m) => m.baselineDate < today);
  const open = created.filter((m) => m.baselineDate >= today);
  const versions = new Map(created.map((m) => [m.id, m.version]));
  const target = (m: Milestone, actor: Actor) => ({
    programId: program.id,
    milestoneId: m.id,
    version: versions.get(m.id) as number,
    actor,
  });
  const move = async (m: Milestone, to: PlainDate, on: PlainDate, why: string, actor = owner) => {
    clock.set(on);
    const r = unwrap(await moveMilestone(d, { ...target(m, actor), forecastDate: to, reason: why }));
    versions.set(m.id, r.milestone.version);
    return r;
  };

  // Completed history: most items finish on their date, a few a day or two late or early.
  const overdue = p.shape === 'late_overdue' ? past.at(-1) : undefined;
  // The last gate passed in a struggling program's history passed with a condition still open.
  const lastReview = past.filter((m) => m !== overdue && reviewOf.has(m.id)).at(-1);
  for (const [i, m] of past.entries()) {
    if (m === overdue) continue;
    const jitter = [0, 0, 1, 0, -1, 2, 0][i % 7] as number;
    let actual = bd(m.baselineDate, jitter);
    if (actual >= today) actual = bd(today, -1);
    if (jitter > 1 && actual !== m.forecastDate) await move(m, actual, bd(m.baselineDate, -2), nextReason());
    const gateKey = reviewOf.get(m.id);
    if (gateKey) {
      // A gate's review milestone is done once its gate passed at the review (the gates ahead first).
      for (const [, earlier] of [...reviewOf].filter(([, k]) => k < gateKey))
        await passDemoGate(d, clock, cast, earlier, actual, qualityIds);
      const condition =
        m === lastReview && p.shape === 'at_risk'
          ? { text: 'Retail carton drop test repeated with the reinforced inserts', owner: who('contact'), dueDate: bd(today, 6) }
          : undefined;
      await passDemoGate(d, clock, cast, gateKey, actual, qualityIds, { condition });
    }
    clock.set(actual, 9);
    const r = unwrap(
      await completeMilestone(d, {
        ...target(m, ownerOf(m)),
        actualDate: actual,
        reason: jitter > 0 ? 'Completed late; see the move reason.' : undefined,
      }),
    );
    versions.set(m.id, r.milestone.version);
  }

  if (p.texts.replan) {
    await loadDemoRebaseline(d, clock, { program, spec: p, replan: p.texts.replan, people, today });
    for (const m of await d.store.reads.listMilestones(unwrap(authorize(admin, program)).program.id)) versions.set(m.id, m.version);
  }
  const first = open[0];
  const soon = open.find((m) => m.isCritical) ?? first;
  if (p.shape === 'late_overdue' && overdue) {
    // Promised for two days ago after one slip, still not confirmed: overdue.
    await move(overdue, bd(today, -2), bd(today, -9), nextReason());
  }
  if (p.shape === 'at_risk' && first) {
    await move(first, bd(first.baselineDate, 2), bd(today, -4), nextReason());
  }
  if (p.shape === 'late_breach' && soon) {
    // A steady drift, week after week: the pattern the trend chart is for.
    const base = soon.baselineDate;
    await move(soon, bd(base, 3), bd(today, -20), nextReason());
    await move(soon, bd(base, 6), bd(today, -12), nextReason());
    await move(soon, bd(base, 9), bd(today, -4), nextReason());
    for (const m of open.filter((o) => o.baselineDate > base).slice(0, 3)) {
      await move(m, bd(m.baselineDate, 9), bd(today, -4), `Pushed by ${soon.key} moving 9 business days.`);
    }
  }
  await workDemoCurrentGate(d, clock, cast, today, p.shape !== 'on_track', qualityIds);
  await loadDemoLinks(d, clock, { program, owner, today });
  await loadDemoActions(d, clock, { programId: program.id, spec: p, people, today });
  await loadDemoRisks(d, clock, { programId: program.id, spec: p, people, today, now });
  await loadDemoDecisions(d, clock, { programId: program.id, spec: p, people, today });
  // After the current gate's work: an inspection goes as evidence onto an item its reviewer rejected.
  await loadDemoFloor(d, clock, { programId: program.id, spec: p, people, today });
  return created.length;
}
