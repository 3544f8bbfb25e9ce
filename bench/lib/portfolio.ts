import { setImmediate } from 'node:timers/promises';
import { confirmAction } from '../../src/app/actions/confirm-action.js';
import { markActionDone } from '../../src/app/actions/mark-action-done.js';
import { openAction } from '../../src/app/actions/open-action.js';
import { setCharter } from '../../src/app/charter/set-charter.js';
import { completeMilestone } from '../../src/app/complete-milestone.js';
import { createMilestone } from '../../src/app/create-milestone.js';
import { type CreateProgramInput, createClient, createProgram } from '../../src/app/create-records.js';
import { decideDecision } from '../../src/app/decisions/decide-decision.js';
import { requestDecision } from '../../src/app/decisions/request-decision.js';
import type { Actor, AppDeps } from '../../src/app/deps.js';
import { moveMilestone } from '../../src/app/move-milestone.js';
import { createPerson } from '../../src/app/people/create-person.js';
import { grantRole } from '../../src/app/people/grant-role.js';
import { activateProgram } from '../../src/app/plan/baselines.js';
import type { Reads } from '../../src/app/ports.js';
import { closeRisk } from '../../src/app/risks/close-risk.js';
import { raiseRisk } from '../../src/app/risks/raise-risk.js';
import { updateRisk } from '../../src/app/risks/update-risk.js';
import { type ActionSeverity, actionSeverities } from '../../src/domain/action.js';
import { addBusinessDays, mondayToFriday } from '../../src/domain/business-days.js';
import type { Charter } from '../../src/domain/charter.js';
import type { ProgramId } from '../../src/domain/ids.js';
import { type Phase, phases } from '../../src/domain/milestone.js';
import { addDays, dateInZone, type PlainDate } from '../../src/domain/plain-date.js';
import { accessProgram } from '../../src/domain/policy.js';
import type { ProgramStatus } from '../../src/domain/program.js';
import type { Result } from '../../src/domain/result.js';
import { type RiskCategory, type RiskStrategy, riskStrategies } from '../../src/domain/risk.js';
import { type GateCast, passGatesUpTo, planGateReviews, workCurrentGate } from './bench-gates.js';
import { benchTemplateId, createBenchTemplate } from './bench-template.js';
import type { Rng } from './prng.js';

/**
 * The instant every run's portfolio is generated against and measured at: the use cases get a clock
 * that starts here (as the server's TOLLGATE_NOW does), so a seed gives the same portfolio, the same
 * health and the same "this week" on any day, and a kept database stays valid. A Wednesday.
 */
export const benchInstant = new Date('2026-06-17T08:00:00Z');

/** Bump when the generator writes a different portfolio for the same seed and sizes: kept databases are keyed by it. */
export const generatorVersion = 7;

/** The password of the people the benchmark signs in as over HTTP (admin, lead, member); local databases only. */
export const benchPassword = 'Bench portfolio: lantern 42 quartz';

export const benchEmails = {
  admin: 'admin@bench.invalid',
  lead: 'lead@bench.invalid',
  /** The contributor of the first client: an ordinary member who sees that client's programs only. */
  member: 'contributor1@bench.invalid',
} as const;

/** A clock that starts at `start` and runs on at the machine's pace, like the server's with TOLLGATE_NOW. */
export function clockFrom(start: Date): { now(): Date } {
  const offset = start.getTime() - Date.now();
  return { now: () => new Date(Date.now() + offset) };
}

export interface SyntheticMilestone {
  readonly id: string;
  readonly key: string;
  /** Not completed when generated (write operations never complete one, so it stays open). */
  readonly open: boolean;
}

export interface SyntheticProgram {
  readonly id: ProgramId;
  readonly code: string;
  readonly timeZone: string;
  /** The people holding a role on the program (those of its client): who may own its milestones. */
  readonly people: readonly Actor[];
  readonly milestones: readonly SyntheticMilestone[];
}

export interface Portfolio {
  /** The workspace admin (the first admin, created without anyone acting): sees every program as admin. */
  readonly admin: Actor;
  /**
   * A cadence owner on every client (one membership per client), so they see and may change every
   * program, through the same policy checks as anyone: the person most operations act as.
   */
  readonly lead: Actor;
  /** An ordinary member: the contributor on the first client, who owns items in its programs. */
  readonly member: Actor;
  /** Cadence owners, each on one client; they run their client's programs during generation. */
  readonly people: readonly Actor[];
  readonly clientIds: readonly string[];
  readonly programs: readonly SyntheticProgram[];
  readonly openMilestones: readonly { readonly programId: ProgramId; readonly milestoneId: string }[];
}

export interface GenerateOptions {
  readonly programs: number;
  readonly milestones: number;
  /** Programs written at the same time (each program's own calls stay in order). */
  readonly concurrency: number;
  /** The bench instant: every program's history lies before it. */
  readonly now: Date;
  /** Stops generation after the calls in flight. */
  readonly signal?: AbortSignal;
  /** Called after each program with the programs and use-case calls done so far. */
  readonly progress?: (programsDone: number, calls: number) => void;
}

export interface GenerateResult {
  /** Use-case calls made (each is one transaction). */
  readonly calls: number;
  /** Calls by use case. */
  readonly byUseCase: Readonly<Record<string, number>>;
}

const factories = [
  { city: 'Shenzhen', country: 'CN', timeZone: 'Asia/Shanghai' },
  { city: 'Ningbo', country: 'CN', timeZone: 'Asia/Shanghai' },
  { city: 'Ho Chi Minh City', country: 'VN', timeZone: 'Asia/Ho_Chi_Minh' },
  { city: 'Pune', country: 'IN', timeZone: 'Asia/Kolkata' },
  { city: 'Monterrey', country: 'MX', timeZone: 'America/Monterrey' },
  { city: 'Izmir', country: 'TR', timeZone: 'Europe/Istanbul' },
] as const;
const personZones = ['America/Chicago', 'America/New_York', 'Europe/Berlin', 'Asia/Shanghai', 'Asia/Kolkata', 'Asia/Ho_Chi_Minh'];
const products = ['Kettle', 'Tent', 'Daypack', 'Speaker', 'Earbuds', 'Blender', 'Toaster', 'Bottle', 'Lamp', 'Drill'];
const steps = [
  'Kickoff',
  'Drawings frozen',
  'Tooling',
  'T1 samples',
  'Golden sample',
  'Pilot run',
  'Certification',
  'PP approval',
  'Mass production',
  'Shipment',
];
/** What success at each gate means, as a kick-off would write it. */
const gateSuccess: Readonly<Record<Phase, string>> = {
  G1: 'Golden sample signed; drawings and BOM frozen; T1 parts within tolerance.',
  G2: 'Pilot run at the planned quantity, first-article inspection passed, defects under the agreed AQL.',
  G3: 'Yield on target for four consecutive weeks with in-line inspection at the agreed cadence.',
  G4: 'Final inspection passed, compliance reports and shipping documents ready, release approved.',
};
const statuses: readonly ProgramStatus[] = ['active', 'active', 'active', 'active', 'active', 'active', 'on_hold', 'draft'];
const slipReasons = [
  'Supplier reported a tooling delay.',
  'T1 samples failed the drop test; waiting for T2.',
  'Resin allocation cut by the main supplier.',
  'Certification lab slot moved by the lab.',
  'Client asked for a colour change on the housing.',
  'Pilot run yield below target; second pilot planned.',
  'Port congestion: vessel rolled to the next sailing.',
  'Supplier recovered time with a second shift.',
];
const decisionTopics = [
  ['Approve tooling rework on cavity 2', 'Rework cavity 2 at the toolmaker', 'Sink marks on a class A surface.'],
  ['Accept T1 cosmetic deviation on the lid', 'Accept for T1 and pilot, fix by T2', 'Not visible when closed.'],
  ['Switch resin to the second source', 'Qualify the second source now', 'Main supplier cut our allocation.'],
  ['Air-freight the first lot', 'Air-freight 500 units, the rest by sea', 'Keeps the retail launch date.'],
  ['Approve the packaging artwork change', 'Approve revision C', 'Retailer compliance requires it.'],
] as const;
const riskTopics: readonly [string, RiskCategory][] = [
  ['Tooling steel delivery may slip', 'supply'],
  ['Drop test margin is thin', 'quality'],
  ['Certification lab capacity in Q3', 'compliance'],
  ['Resin price increase', 'commercial'],
  ['Chinese New Year shutdown overlaps pilot', 'schedule'],
  ['Second-source motor not yet qualified', 'supply'],
];
const actionTitles = [
  'Send updated drawings to the toolmaker',
  'Book the certification lab slot',
  'Confirm resin allocation in writing',
  'Run the drop test on T2 samples',
  'Approve golden sample photos',
  'Update the inspection checklist',
  'Get the freight quote for the first lot',
  'Review the supplier corrective action report',
];

const bd = (d: PlainDate, n: number) => addBusinessDays(mondayToFriday, d, n);
const hourMs = 3_600_000;
const dayMs = 24 * hourMs;
/** An instant on a day between 06:00 and 15:59 UTC: the same calendar day in every factory's zone (UTC−6 … UTC+8). */
const workTime = (rng: Rng, d: PlainDate) => Date.parse(`${d}T06:00:00Z`) + rng.int(0, 599) * 60_000;
/** A uniformly drawn instant in [from, to). */
const between = (rng: Rng, from: number, to: number) => from + Math.floor(rng.next() * Math.max(1, to - from));
const sortedTimes = (rng: Rng, n: number, from: number, to: number) =>
  Array.from({ length: n }, () => between(rng, from, to)).sort((a, b) => a - b);

/** The people of the workspace as generation made them. */
interface World {
  readonly admin: Actor;
  readonly clientIds: readonly string[];
  /** Per client: its cadence owners (run its programs, decide, confirm). */
  readonly cadenceOf: ReadonlyMap<string, readonly Actor[]>;
  /** Per client: everyone holding a role on it (cadence owners, its quality owner and its contributor): who owns items. */
  readonly peopleOf: ReadonlyMap<string, readonly Actor[]>;
  /** Per client: its quality owner, who owns quality items and reviews the evidence of the cadence owner's. */
  readonly qualityOf: ReadonlyMap<string, Actor>;
  readonly templateId: string;
}

/** What one program's writes need at run time: the ids and versions the earlier writes made. */
interface ProgramState {
  programId: string;
  programVersion: number;
  readonly milestones: { id: string; version: number }[];
  readonly decisions: { id: string; version: number }[];
  readonly risks: { id: string; version: number }[];
  readonly actions: { id: string; version: number }[];
}

/** One use-case call of a program's history, at its instant. */
interface Step {
  readonly at: number;
  readonly what: string;
  run(d: AppDeps, s: ProgramState): Promise<Result<unknown>>;
}

interface ProgramPlan {
  readonly n: number;
  readonly steps: readonly Step[];
}

/**
 * Every random choice of one program, drawn up front from the program's own PRNG, so the portfolio
 * is the same for a seed however the programs' writes interleave. The program is 0-60 weeks into a
 * plan of about M×5 business days (drafts start within 4 weeks); its history, written in time order
 * with the clock at each step's instant: the plan (the kickoff charter, then baseline 0, when it goes active), forecast moves
 * with reasons, completions around the forecast (one in twenty left overdue), decisions (two in three
 * decided), risks (re-scored, a third closed) and actions (some blocking a milestone or addressing a
 * risk; most of those due by now marked done, most of those confirmed), over the year before `now`.
 */
function planProgram(rng: Rng, n: number, m: number, now: Date, world: World, extra?: ExtraProgram): ProgramPlan {
  const T = now.getTime();
  const factory = rng.pick(factories);
  const zone = factory.timeZone;
  const clientId = rng.pick(world.clientIds);
  const cadence = world.cadenceOf.get(clientId) ?? [];
  const people = world.peopleOf.get(clientId) ?? [];
  const owner = rng.pick(cadence);
  const picked = rng.pick(statuses);
  const status = extra ? 'active' : picked;
  const today = dateInZone(now, zone);
  // The same draws as ever (so a seed still makes the same portfolio); an extra program sets its own age.
  const offset = status === 'draft' ? 7 * rng.int(0, 4) : -7 * rng.int(0, 60);
  const kickoff = bd(addDays(today, extra ? -7 * extra.kickoffWeeksAgo : offset), 0);
  const planDays = m * 5 + rng.int(0, 60);
  // A draft's plan has been in the making for up to eight weeks; the others were set up just before kick-off.
  const created =
    status === 'draft'
      ? T - rng.int(2, 56) * dayMs - rng.int(0, 600) * 60_000
      : Math.min(workTime(rng, addDays(kickoff, -3)), T - 36 * hourMs - rng.int(0, 600) * 60_000);
  const planned = created + hourMs;
  const historyFrom = Math.max(planned + m * 1000 + 2 * hourMs, T - 365 * dayMs);
  const historyTo = T - hourMs;
  const out: Step[] = [];
  const step = (at: number, what: string, run: Step['run']) => out.push({ at, what, run });
  const dayAt = (t: number) => dateInZone(new Date(t), zone);

  const input: Omit<CreateProgramInput, 'actor'> = {
    code: extra?.code ?? `BN-${String(n).padStart(5, '0')}`,
    name: `${rng.pick(products)} ${n}`,
    clientId,
    supplierName: `${factory.city} Supplier ${rng.int(1, 50)}`,
    factoryCity: factory.city,
    factoryCountry: factory.country,
    timeZone: zone,
    // An active program starts as a draft and goes active once its plan is in (baseline 0).
    status: status === 'active' ? 'draft' : status,
    ownerId: owner.id,
    toleranceDays: rng.pick([2, 3, 3, 5]),
    targetReleaseDate: bd(kickoff, planDays + 10),
    templateId: world.templateId,
  };
  step(created, 'createProgram', async (d, s) => {
    const r = await createProgram(d, { ...input, actor: world.admin });
    if (r.ok) s.programId = r.value.id;
    return r;
  });

  // The plan, and what becomes of each milestone.
  const doneAt: (number | null)[] = [];
  /** The milestone index of each gate's review. */
  const reviewIndex = new Map<Phase, number>();
  const baselines: PlainDate[] = [];
  for (let i = 0; i < m; i++) {
    const baselineDate = bd(kickoff, Math.round((i * planDays) / (m - 1)));
    baselines.push(baselineDate);
    // Every milestone has an owner: a milestone without one is refused (OWNER_REQUIRED) since owners became required.
    const ownerOfMilestone = rng.pick(people);
    const phase = (phases[Math.floor((i * phases.length) / m)] ?? 'G4') as Phase;
    // The last milestone of each phase is its gate's review.
    const isReview = i === m - 1 || phases[Math.floor(((i + 1) * phases.length) / m)] !== phase;
    if (isReview) reviewIndex.set(phase, i);
    const fields = {
      name: isReview ? `${phase} gate review` : `${steps[i % steps.length]} ${i + 1}`,
      phase,
      ownerId: ownerOfMilestone.id,
      baselineDate,
      isCritical: rng.chance(0.2),
    };
    step(planned + i * 1000, 'createMilestone', async (d, s) => {
      const r = await createMilestone(d, { ...fields, programId: s.programId, actor: owner });
      if (r.ok) s.milestones[i] = { id: r.value.milestone.id, version: r.value.milestone.version };
      return r;
    });
    // Forecast moves: mostly slips of 1-8 business days, some recoveries of 1-3.
    let moves = rng.pick([0, 0, 0, 0, 1, 1, 1, 2, 2, 3]);
    const deltas = Array.from({ length: moves }, () => (rng.chance(0.7) ? rng.int(1, 8) : -rng.int(1, 3)));
    const reasons = deltas.map(() => rng.pick(slipReasons));
    const forecastAfter = (k: number) => deltas.slice(0, k).reduce((f, x) => bd(f, x), baselineDate);
    const completion = (forecast: PlainDate) => {
      if (status === 'draft' || forecast >= today || rng.chance(0.05)) return null;
      const a = bd(forecast, rng.int(-1, 2));
      const actual = a < today ? a : bd(today, -1);
      return { actual, at: Math.max(workTime(rng, actual), planned + m * 1000 + 60 * 60_000) };
    };
    let done = completion(forecastAfter(moves));
    // A forecast moves at most about once in three weeks of the milestone's history, so a young
    // program (or a milestone done early in the year) has few moves, and a draft none.
    const windowEnd = (d: typeof done) => Math.min(d?.at ?? historyTo, historyTo) - hourMs;
    const movable = Math.max(0, Math.floor((windowEnd(done) - historyFrom) / (21 * dayMs)));
    if (movable < moves) {
      moves = movable;
      done = completion(forecastAfter(moves));
    }
    let moveTimes = sortedTimes(rng, moves, historyFrom, windowEnd(done));
    if (moves > 0 && windowEnd(done) <= historyFrom) {
      // Done before the year of history began (or too soon after the plan): it was never moved.
      moveTimes = [];
      done = completion(baselineDate);
    }
    const actor = ownerOfMilestone && rng.chance(0.5) ? ownerOfMilestone : owner;
    moveTimes.forEach((at, k) => {
      const to = forecastAfter(k + 1);
      step(at, 'moveMilestone', async (d, s) => {
        const ms = s.milestones[i] as { id: string; version: number };
        const r = await moveMilestone(d, {
          programId: s.programId,
          milestoneId: ms.id,
          version: ms.version,
          actor,
          forecastDate: to,
          reason: reasons[k] as string,
        });
        if (r.ok) ms.version = r.value.milestone.version;
        return r;
      });
    });
    doneAt.push(done?.at ?? null);
    if (done) {
      const { actual } = done;
      step(done.at, 'completeMilestone', async (d, s) => {
        const ms = s.milestones[i] as { id: string; version: number };
        const target = { programId: s.programId, milestoneId: ms.id, version: ms.version, actor };
        const r = await completeMilestone(d, { ...target, actualDate: actual, reason: 'Confirmed by the supplier.' });
        if (r.ok) ms.version = r.value.milestone.version;
        return r;
      });
    }
  }
  if (status === 'active') {
    // The kickoff charter is agreed just before activation, which needs it complete. Drawn from no
    // PRNG, so the rest of the portfolio stays as the seed made it.
    const others = cadence.filter((c) => c.id !== owner.id);
    const charter: Charter = {
      decisionOwnerId: (others[0] ?? owner).id,
      escalationPath: [...new Set([owner.id, ...others.slice(0, 2).map((c) => c.id)])],
      successDefinitions: Object.fromEntries(phases.map((gate) => [gate, gateSuccess[gate]])),
      weeklyReport: {
        weekday: 5,
        time: '16:00',
        recipientIds: [...new Set([owner.id, ...people.slice(0, 3).map((p) => p.id)])],
        recipientEmails: [`buyer${n}@client.invalid`],
        autoIssue: false,
      },
      leadershipReview: { scoreAtLeast: 15, unresolvedDays: 10 },
    };
    step(planned + m * 1000 + 30_000, 'setCharter', (d, s) =>
      setCharter(d, { programId: s.programId, actor: owner, charter, version: 0, reason: 'Agreed at kick-off' }),
    );
    step(planned + m * 1000 + 60_000, 'activateProgram', async (d, s) => {
      const r = await activateProgram(d, {
        programId: s.programId,
        actor: owner,
        version: s.programVersion,
        reason: 'Plan agreed at kick-off',
      });
      if (r.ok) s.programVersion++;
      return r;
    });
  }
  // Gates: each planned on its phase's review milestone right after the plan is in; a gate whose
  // review milestone is done passes just before (an active program's decision owner decides; an
  // on-hold program has no charter, so its done reviews are not planned as gates); the current gate of
  // an active program is worked up to now, struggling in three programs out of ten.
  const decisionOwner = cadence.find((c) => c.id !== owner.id) ?? owner;
  const quality = world.qualityOf.get(clientId);
  const qualityIds = quality ? [quality.id] : [];
  const cast: GateCast = { people: new Map(people.map((p) => [p.id, p])), owner, decider: decisionOwner };
  const gateReviews = [...reviewIndex].filter(([, i]) => status !== 'on_hold' || doneAt[i] === null);
  step(planned + m * 1000 + 10_000, 'planGateReviews', (d, s) =>
    planGateReviews(d, s.programId, cast, new Map(gateReviews.map(([gate, i]) => [gate, (s.milestones[i] as { id: string }).id]))),
  );
  if (status === 'active') {
    for (const [gate, i] of gateReviews) {
      const at = doneAt[i];
      if (at === null || at === undefined) continue;
      step(at - 30 * 60_000, 'passGates', (d, s) => passGatesUpTo(d, s.programId, cast, gate, qualityIds));
    }
    const struggling = rng.chance(0.3);
    step(historyTo - 2 * hourMs, 'workCurrentGate', (d, s) => workCurrentGate(d, s.programId, cast, today, struggling, qualityIds));
  }
  /** A milestone still open at `t` whose baseline lies ahead of that day, or null. */
  const openAhead = (t: number): number | null => {
    const day = dayAt(t);
    const candidates = baselines.flatMap((b, i) => (b >= day && (doneAt[i] === null || (doneAt[i] as number) > t) ? [i] : []));
    return candidates.length > 0 ? (candidates[0] as number) : null;
  };

  // Decisions, risks and actions: fewer in a young program (a sixth of them in its first days, all after six months).
  const scale = Math.min(1, Math.max(0.15, (historyTo - historyFrom) / (180 * dayMs)));
  const scaled = (n: number) => Math.max(1, Math.round(n * scale));

  // Decisions: asked by anyone on the program, owned by a cadence owner, two in three decided.
  const decisionCount = scaled(rng.int(2, 7));
  for (let j = 0; j < decisionCount; j++) {
    const asked = between(rng, historyFrom, historyTo);
    const [statement, outcome, rationale] = rng.pick(decisionTopics);
    const by = rng.pick(people);
    const decider = rng.pick(cadence);
    const dueDate = bd(dayAt(asked), rng.int(3, 15));
    const about = rng.chance(0.5) ? openAhead(asked) : null;
    step(asked, 'requestDecision', async (d, s) => {
      const links = about === null ? [] : [{ entity: 'milestone' as const, id: (s.milestones[about] as { id: string }).id }];
      const r = await requestDecision(d, {
        programId: s.programId,
        actor: by,
        statement: `${statement} (${j + 1})`,
        context: 'Raised at the weekly supplier call.',
        options: `${outcome}\nWait for more data`,
        ownerId: decider.id,
        dueDate,
        links,
      });
      if (r.ok) s.decisions[j] = { id: r.value.decision.id, version: r.value.decision.version };
      return r;
    });
    const decided = asked + rng.int(1, 15) * dayMs + rng.int(0, 480) * 60_000;
    if (rng.chance(0.65) && decided < historyTo) {
      step(decided, 'decideDecision', async (d, s) => {
        const dec = s.decisions[j] as { id: string; version: number };
        const r = await decideDecision(d, {
          programId: s.programId,
          decisionId: dec.id,
          version: dec.version,
          actor: decider,
          outcome,
          rationale,
          expectedImpact: 'About one week on the affected milestone.',
        });
        if (r.ok) dec.version = r.value.decision.version;
        return r;
      });
    }
  }

  // Risks: re-scored 0-3 times with a reason, a third closed; open ones come up for review.
  const riskCount = scaled(rng.int(1, 5));
  const raisedAt: number[] = [];
  for (let j = 0; j < riskCount; j++) {
    const raised = between(rng, historyFrom, historyTo);
    raisedAt.push(raised);
    const [title, category] = rng.pick(riskTopics);
    const by = rng.pick(people);
    const riskOwner = rng.pick(people);
    let likelihood = rng.int(1, 5);
    let impact = rng.int(1, 5);
    const strategy: RiskStrategy = rng.pick(riskStrategies);
    const raise = { title: `${title} (${j + 1})`, category, likelihood, impact, strategy, reviewDate: bd(dayAt(raised), 10) };
    step(raised, 'raiseRisk', async (d, s) => {
      const r = await raiseRisk(d, {
        ...raise,
        programId: s.programId,
        actor: by,
        ownerId: riskOwner.id,
        mitigation: 'Weekly check with the supplier.',
      });
      if (r.ok) s.risks[j] = { id: r.value.risk.id, version: r.value.risk.version };
      return r;
    });
    const updates = sortedTimes(rng, rng.int(0, 3), raised + hourMs, historyTo);
    let last = raised;
    let mitigating = false;
    for (const at of updates) {
      likelihood = ((likelihood + rng.int(0, 3)) % 5) + 1;
      impact = rng.chance(0.5) ? impact : ((impact + rng.int(0, 3)) % 5) + 1;
      mitigating ||= rng.chance(0.5);
      const patch = { likelihood, impact, reviewDate: bd(dayAt(at), 10), ...(mitigating ? { status: 'mitigating' as const } : {}) };
      step(at, 'updateRisk', async (d, s) => {
        const risk = s.risks[j] as { id: string; version: number };
        const r = await updateRisk(d, {
          programId: s.programId,
          riskId: risk.id,
          version: risk.version,
          actor: riskOwner,
          reason: 'Re-scored at the monthly risk review.',
          patch,
        });
        if (r.ok) risk.version = r.value.risk.version;
        return r;
      });
      last = at;
    }
    if (rng.chance(0.35) && last + dayMs < historyTo) {
      step(between(rng, last + hourMs, historyTo), 'closeRisk', async (d, s) => {
        const risk = s.risks[j] as { id: string; version: number };
        const r = await closeRisk(d, {
          programId: s.programId,
          riskId: risk.id,
          version: risk.version,
          actor: riskOwner,
          reason: 'The supplier confirmed; it can no longer happen.',
        });
        if (r.ok) risk.version = r.value.risk.version;
        return r;
      });
    }
  }

  // Actions: opened by the cadence owner for anyone on the program; done by their owner, confirmed by the cadence owner.
  const actionCount = scaled(rng.int(3, 10));
  for (let j = 0; j < actionCount; j++) {
    const opened = between(rng, historyFrom, historyTo);
    const actionOwner = rng.pick(people);
    const dueDate = bd(dayAt(opened), rng.int(5, 25));
    const severity: ActionSeverity = rng.pick(actionSeverities);
    const blocks = rng.chance(0.3) ? openAhead(opened) : null;
    const risksBefore = raisedAt.flatMap((t, k) => (t < opened ? [k] : []));
    const addresses = risksBefore.length > 0 && rng.chance(0.2) ? rng.pick(risksBefore) : null;
    const title = `${rng.pick(actionTitles)} (${j + 1})`;
    step(opened, 'openAction', async (d, s) => {
      const r = await openAction(d, {
        programId: s.programId,
        actor: owner,
        title,
        ownerId: actionOwner.id,
        dueDate,
        severity,
        blocksMilestoneId: blocks === null ? null : (s.milestones[blocks] as { id: string }).id,
        riskId: addresses === null ? null : (s.risks[addresses] as { id: string }).id,
      });
      if (r.ok) s.actions[j] = { id: r.value.action.id, version: r.value.action.version };
      return r;
    });
    let done: number | null = null;
    if (dueDate < today && rng.chance(0.75)) {
      done = Math.max(opened + hourMs, workTime(rng, bd(dueDate, rng.int(-3, 2))));
    } else if (rng.chance(0.1)) {
      done = between(rng, opened + hourMs, historyTo);
    }
    if (done === null || done >= historyTo) continue;
    step(done, 'markActionDone', async (d, s) => {
      const a = s.actions[j] as { id: string; version: number };
      const r = await markActionDone(d, { programId: s.programId, actionId: a.id, version: a.version, actor: actionOwner, note: 'Done.' });
      if (r.ok) a.version = r.value.action.version;
      return r;
    });
    const confirmed = done + rng.int(1, 5) * dayMs;
    // Someone other than the one who marked it done confirms the closure (CLOSURE_NEEDS_SECOND_PERSON):
    // the cadence owner, unless the action was theirs (then it waits for a decision owner or an admin).
    if (rng.chance(0.8) && confirmed < historyTo && actionOwner.id !== owner.id) {
      step(confirmed, 'confirmAction', async (d, s) => {
        const a = s.actions[j] as { id: string; version: number };
        const r = await confirmAction(d, { programId: s.programId, actionId: a.id, version: a.version, actor: owner });
        if (r.ok) a.version = r.value.action.version;
        return r;
      });
    }
  }
  // The punch list, so the escalation sweep (issue 13) finds about 100,000 open items in 1,000 programs:
  // 55-85 open actions of an active program, opened over its last six weeks, due in the coming weeks, one
  // in twenty overdue by a few business days. Drawn last, so the draws above stay what they were.
  if (status === 'active') {
    const punch = rng.int(55, 85);
    const from = Math.max(historyFrom, T - 42 * dayMs);
    for (let j = 0; j < punch; j++) {
      const opened = between(rng, from, historyTo);
      const late = rng.chance(0.05);
      const due = late ? bd(today, -rng.int(1, 3)) : bd(today, rng.int(1, 40));
      const openedOn = dayAt(opened);
      const dueDate = [openedOn, due].sort()[1] as PlainDate; // the later of the two (ISO dates sort as text)
      const fields = {
        actor: owner,
        title: `Punch list: ${rng.pick(actionTitles).toLowerCase()} (${j + 1})`,
        ownerId: rng.pick(people).id,
        dueDate,
        severity: rng.pick(actionSeverities),
      };
      // Never written again, so not kept in the program's state.
      step(opened, 'openAction', (d, s) => openAction(d, { ...fields, programId: s.programId, blocksMilestoneId: null, riskId: null }));
    }
  }
  // In time order; a stable sort keeps the plan's order for equal instants (creation before use).
  return {
    n,
    steps: out
      .map((s, i) => ({ s, i }))
      .sort((a, b) => a.s.at - b.s.at || a.i - b.i)
      .map(({ s }) => s),
  };
}

function must<T>(r: Result<T>, what: string): T {
  if (!r.ok) throw new Error(`generation: ${what} refused: ${r.error.code}: ${r.error.message}`);
  return r.value;
}

const actorOf = (u: { id: Actor['id']; name: string; email: string; isAdmin: boolean }, memberships: Actor['memberships'] = []): Actor => ({
  id: u.id,
  name: u.name,
  email: u.email,
  isAdmin: u.isAdmin,
  memberships,
});

/**
 * Builds a synthetic portfolio through the real use cases (one transaction per call), each
 * program's history written in time order with the clock at each write's instant. Read it back with
 * loadPortfolio().
 */
export async function generatePortfolio(deps: AppDeps, rng: Rng, opts: GenerateOptions): Promise<GenerateResult> {
  let calls = 0;
  const byUseCase: Record<string, number> = {};
  const call = async <T>(what: string, run: () => Promise<Result<T>>): Promise<T> => {
    // better-sqlite3 answers synchronously, so without this hop the chain of calls is one long run
    // of microtasks and a Ctrl-C handler would never get its turn.
    await setImmediate();
    opts.signal?.throwIfAborted();
    calls++;
    byUseCase[what] = (byUseCase[what] ?? 0) + 1;
    return must(await run(), what);
  };
  // The workspace is set up a little over a year and a half before the bench instant.
  const setupClock = { now: () => new Date(opts.now.getTime() - 600 * dayMs) };
  const d0: AppDeps = { ...deps, clock: setupClock };
  const admin = actorOf(
    await call('createPerson', () =>
      createPerson(d0, { actor: null, email: benchEmails.admin, name: 'Bench Admin', isAdmin: true, password: benchPassword }),
    ),
  );

  const clientIds: string[] = [];
  const clientCount = Math.min(100, Math.max(3, Math.ceil(opts.programs / 10)));
  for (let i = 1; i <= clientCount; i++) {
    const input = { actor: admin, name: `Client ${i}`, country: rng.pick(['US', 'DE', 'GB', 'FR']) };
    clientIds.push((await call('createClient', () => createClient(d0, input))).id);
  }

  // Cadence owners run the programs of one client each (cycling through the clients, so each has one);
  // each client also has a contributor (the supplier's contact), who owns items but runs nothing.
  const cadenceOf = new Map<string, Actor[]>();
  const peopleOf = new Map<string, Actor[]>();
  const add = (map: Map<string, Actor[]>, key: string, a: Actor) => map.set(key, [...(map.get(key) ?? []), a]);
  const cadenceCount = Math.min(200, Math.max(clientCount, Math.ceil(opts.programs / 10)));
  for (let i = 1; i <= cadenceCount; i++) {
    const input = { actor: admin, email: `person${i}@bench.invalid`, name: `Person ${i}`, timeZone: rng.pick(personZones) };
    const u = await call('createPerson', () => createPerson(d0, input));
    const clientId = clientIds[(i - 1) % clientIds.length] as string;
    const m = await call('grantRole', () => grantRole(d0, { actor: admin, userId: u.id, clientId, role: 'cadence_owner' }));
    add(cadenceOf, clientId, actorOf(u, [m]));
    add(peopleOf, clientId, actorOf(u, [m]));
  }
  for (const [i, clientId] of clientIds.entries()) {
    const email = `contributor${i + 1}@bench.invalid`;
    const input = { actor: admin, email, name: `Contributor ${i + 1}`, timeZone: rng.pick(personZones) };
    const u = await call('createPerson', () =>
      createPerson(d0, email === benchEmails.member ? { ...input, password: benchPassword } : input),
    );
    const m = await call('grantRole', () => grantRole(d0, { actor: admin, userId: u.id, clientId, role: 'contributor' }));
    add(peopleOf, clientId, actorOf(u, [m]));
  }
  // Each client's quality owner: owns the quality items of its programs' checklists and reviews the evidence the cadence owner submits.
  const qualityOf = new Map<string, Actor>();
  for (const [i, clientId] of clientIds.entries()) {
    const input = { actor: admin, email: `quality${i + 1}@bench.invalid`, name: `Quality ${i + 1}`, timeZone: rng.pick(personZones) };
    const u = await call('createPerson', () => createPerson(d0, input));
    const m = await call('grantRole', () => grantRole(d0, { actor: admin, userId: u.id, clientId, role: 'quality_owner' }));
    qualityOf.set(clientId, actorOf(u, [m]));
    add(peopleOf, clientId, actorOf(u, [m]));
  }
  const lead = await call('createPerson', () =>
    createPerson(d0, { actor: admin, email: benchEmails.lead, name: 'Bench Lead', timeZone: 'America/Chicago', password: benchPassword }),
  );
  for (const clientId of clientIds) {
    await call('grantRole', () => grantRole(d0, { actor: admin, userId: lead.id, clientId, role: 'cadence_owner' }));
  }

  // Every program is made from the workspace's own copy of the default four gates with 15 items a gate.
  await call('createBenchTemplate', () => createBenchTemplate(d0, admin));
  const world: World = { admin, clientIds, cadenceOf, peopleOf, qualityOf, templateId: benchTemplateId };
  const plans = Array.from({ length: opts.programs }, (_, i) =>
    planProgram(rng.derive(`program:${i + 1}`), i + 1, opts.milestones, opts.now, world),
  );
  let programsDone = 0;

  const writeProgram = async (plan: ProgramPlan) => {
    let t = 0;
    const d: AppDeps = { ...deps, clock: { now: () => new Date(t) } };
    const s: ProgramState = { programId: '', programVersion: 1, milestones: [], decisions: [], risks: [], actions: [] };
    for (const st of plan.steps) {
      t = st.at;
      await call(st.what, () => st.run(d, s));
    }
    opts.progress?.(++programsDone, calls);
  };

  // A few workers take programs in turn; after a failure they stop taking new ones, and the first
  // error is thrown once all have stopped (so nothing writes while the caller closes the store).
  let nextIndex = 0;
  let failure: { error: unknown } | null = null;
  const worker = async () => {
    while (failure === null && nextIndex < plans.length) {
      const plan = plans[nextIndex++] as ProgramPlan;
      try {
        await writeProgram(plan);
      } catch (error) {
        failure ??= { error: new Error(`program ${plan.n}: ${error instanceof Error ? error.message : String(error)}`, { cause: error }) };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(opts.concurrency, plans.length)) }, worker));
  if (failure !== null) throw (failure as { error: unknown }).error;
  return { calls, byUseCase };
}

/**
 * The generated portfolio read back from the database (a kept one included): the people the
 * operations act as, and the ids they pick their targets from.
 */
export async function loadPortfolio(reads: Reads): Promise<Portfolio> {
  const [users, memberships, clients, allPrograms] = await Promise.all([
    reads.listUsers(),
    reads.listMemberships(),
    reads.listClients(),
    reads.listPrograms(),
  ]);
  const byUser = new Map<string, typeof memberships>();
  for (const m of memberships) byUser.set(m.userId, [...(byUser.get(m.userId) ?? []), m]);
  const actor = (email: string): Actor => {
    const u = users.find((x) => x.email === email);
    if (!u) throw new Error(`the benchmark database has no ${email}: not a generated portfolio`);
    return actorOf(u, byUser.get(u.id) ?? []);
  };
  const admin = actor(benchEmails.admin);
  const lead = actor(benchEmails.lead);
  const member = actor(benchEmails.member);
  const owners = users
    .filter((u) => /^(person|contributor|quality)\d+@bench\.invalid$/.test(u.email))
    .map((u) => actorOf(u, byUser.get(u.id) ?? []));
  const people = owners.filter((a) => a.email.startsWith('person'));
  const programs = allPrograms.filter((p) => p.code.startsWith('BN-')).sort((a, b) => (a.code < b.code ? -1 : 1));
  const ids = programs.flatMap((p) => {
    const a = accessProgram(lead, p);
    return a.ok ? [a.value.programId] : [];
  });
  if (ids.length !== programs.length) throw new Error('the lead does not see every program of the benchmark database');
  const milestones = await reads.listMilestonesOfPrograms(ids);
  const msOf = new Map<string, SyntheticMilestone[]>();
  for (const m of milestones)
    msOf.set(m.programId, [...(msOf.get(m.programId) ?? []), { id: m.id, key: m.key, open: m.actualDate === null }]);
  const synthetic: SyntheticProgram[] = programs.map((p) => ({
    id: p.id,
    code: p.code,
    timeZone: p.timeZone,
    people: owners.filter((o) => o.memberships.some((m) => m.clientId === p.clientId)),
    milestones: msOf.get(p.id) ?? [],
  }));
  const openMilestones = synthetic.flatMap((p) => p.milestones.filter((m) => m.open).map((m) => ({ programId: p.id, milestoneId: m.id })));
  return {
    admin,
    lead,
    member,
    people,
    clientIds: clients.map((c) => c.id),
    programs: synthetic,
    openMilestones,
  };
}

/** One more program for an operation of its own (bench/operations/report-draft.ts): its code, size and age. */
export interface ExtraProgram {
  /** Not BN-…, so loadPortfolio leaves it out of the other operations' targets. */
  readonly code: string;
  readonly milestones: number;
  /** Its kick-off, weeks before the bench instant: 52 gives a year of history. */
  readonly kickoffWeeksAgo: number;
}

/**
 * Plans and writes one more active program into a generated portfolio, as the generator writes each of its
 * own (the same steps, people and template, one transaction per call, in time order): answers its id.
 */
export async function generateExtraProgram(deps: AppDeps, reads: Reads, rng: Rng, now: Date, extra: ExtraProgram): Promise<ProgramId> {
  const [users, memberships, clients] = await Promise.all([reads.listUsers(), reads.listMemberships(), reads.listClients()]);
  const byUser = new Map<string, typeof memberships>();
  for (const m of memberships) byUser.set(m.userId, [...(byUser.get(m.userId) ?? []), m]);
  const admin = users.find((u) => u.email === benchEmails.admin);
  if (!admin) throw new Error('the benchmark database has no admin: not a generated portfolio');
  const cadenceOf = new Map<string, Actor[]>();
  const peopleOf = new Map<string, Actor[]>();
  const qualityOf = new Map<string, Actor>();
  for (const u of users.filter((x) => /^(person|contributor|quality)\d+@bench\.invalid$/.test(x.email))) {
    const own = byUser.get(u.id) ?? [];
    for (const m of own) {
      if (m.clientId === null) continue;
      const a = actorOf(u, own);
      peopleOf.set(m.clientId, [...(peopleOf.get(m.clientId) ?? []), a]);
      if (m.role === 'cadence_owner') cadenceOf.set(m.clientId, [...(cadenceOf.get(m.clientId) ?? []), a]);
      if (m.role === 'quality_owner') qualityOf.set(m.clientId, a);
    }
  }
  const world: World = {
    admin: actorOf(admin, byUser.get(admin.id) ?? []),
    clientIds: clients.map((c) => c.id).filter((id) => cadenceOf.has(id)),
    cadenceOf,
    peopleOf,
    qualityOf,
    templateId: benchTemplateId,
  };
  const plan = planProgram(rng, 0, extra.milestones, now, world, extra);
  let t = 0;
  const d: AppDeps = { ...deps, clock: { now: () => new Date(t) } };
  const s: ProgramState = { programId: '', programVersion: 1, milestones: [], decisions: [], risks: [], actions: [] };
  for (const st of plan.steps) {
    t = st.at;
    must(await st.run(d, s), st.what);
  }
  return s.programId as ProgramId;
}
