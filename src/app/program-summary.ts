import { currentPhase as gatePhase } from '../domain/gates/current-phase.js';
import type { Gate } from '../domain/gates/gate.js';
import { currentPhase, nextMilestone, programHealth, withOverdueEscalations } from '../domain/health.js';
import { type Phase, phases } from '../domain/milestone.js';
import type { PlainDate } from '../domain/plain-date.js';
import type { AuthorizedProgramId } from '../domain/policy.js';
import type { Program } from '../domain/program.js';
import { recentSlipWeeks } from '../domain/slips.js';
import { type PlanFacts, planFacts, recentSince, signalsFrom } from './plan/plan-facts.js';
import type { ChangeRecord, Reads, Store } from './ports.js';
import { type FiguresOrFailure, type ProgramFigures, programCalendar, programToday } from './views.js';

/** A program's derived figures and plan facts, or why they could not be worked out. */
export type ProgramSummary =
  | { readonly ok: true; readonly figures: ProgramFigures; readonly facts: PlanFacts }
  | Extract<FiguresOrFailure, { ok: false }>;

interface Entry {
  readonly revision: number;
  readonly today: PlainDate;
  /** From this instant (ms) the figures may change though nothing was written: a slip leaves the recent window. */
  readonly expiresAt: number;
  readonly summary: ProgramSummary;
}

const recentWindowMs = recentSlipWeeks * 7 * 86_400_000;
/**
 * Programs whose data is read in one query (every IN list stays well inside both databases' limits)
 * and worked out in one go: small enough that other requests get their turn between batches.
 */
const chunkSize = 100;
/** Entries kept per store (an instance's memory bound): far more programs than a workspace runs. */
export const maxCachedPrograms = 20_000;

/** A map per store, made on first use, so each instance (and each test database) keeps its own. */
function perStore<V>(): (store: Store) => Map<string, V> {
  const maps = new WeakMap<Store, Map<string, V>>();
  return (store) => {
    let m = maps.get(store);
    if (!m) {
      m = new Map();
      maps.set(store, m);
    }
    return m;
  };
}

/** Figures being worked out now, per program: what they are worked out for, and the answer to come. */
interface InFlight {
  readonly revision: number;
  readonly today: PlainDate;
  readonly summary: Promise<ProgramSummary | undefined>;
}

const cacheOf = perStore<Entry>();
const inFlightOf = perStore<InFlight>();

/**
 * The derived figures of each program, kept per program revision: a program's figures are worked out
 * again only when one of its records changed (its revision moved), its factory's day turned, or a
 * forecast move left the four-week "recent slips" window. The data of the programs that need it is
 * read in a few queries per 500 programs, and only what the figures use: milestones, links, forecast
 * moves of the last four weeks, open actions that block a milestone, and counts done in SQL.
 * Figures are read with the revision seen before the data: a write committed in between makes the
 * entry look older than it is, never newer, so it is worked out again on the next read.
 */
export async function programSummaries(
  /** The store whose committed data `reads` see, for its kept figures; null inside a transaction (nothing kept or used). */
  store: Store | null,
  reads: Reads,
  programs: readonly { readonly program: Program; readonly id: AuthorizedProgramId }[],
  now: Date,
  /** Stops the work between batches of programs when aborted (figures already worked out are kept). */
  signal?: AbortSignal,
): Promise<Map<string, ProgramSummary>> {
  const cache = store ? cacheOf(store) : new Map<string, Entry>();
  const working = store ? inFlightOf(store) : new Map<string, InFlight>();
  const out = new Map<string, ProgramSummary>();
  const stale: { program: Program; id: AuthorizedProgramId; today: PlainDate }[] = [];
  const awaited: Promise<void>[] = [];
  for (const { program, id } of programs) {
    const today = programToday(program, now);
    const e = cache.get(id);
    if (e && e.revision === program.revision && e.today === today && now.getTime() < e.expiresAt) {
      out.set(id, e.summary);
      continue;
    }
    // Another request is working out the same figures (the program page asks for the program and its
    // milestones at once): wait for its answer rather than work them out twice.
    const w = working.get(id);
    if (w && w.revision === program.revision && w.today === today) {
      awaited.push(
        w.summary.then((summary) => {
          if (summary) out.set(id, summary);
        }),
      );
      continue;
    }
    stale.push({ program, id, today });
  }
  for (let i = 0; i < stale.length; i += chunkSize) {
    signal?.throwIfAborted();
    const chunk = stale.slice(i, i + chunkSize);
    const mine = new Map<string, InFlight & { settle(summary: ProgramSummary | undefined): void }>();
    for (const { program, id, today } of chunk) {
      let settle: (summary: ProgramSummary | undefined) => void = () => {};
      const summary = new Promise<ProgramSummary | undefined>((resolve) => {
        settle = resolve;
      });
      const w = { revision: program.revision, today, summary, settle };
      mine.set(id, w);
      working.set(id, w);
    }
    let computed: Map<string, { summary: ProgramSummary; expiresAt: number }> = new Map();
    try {
      computed = await compute(reads, chunk, now);
    } finally {
      // Those waiting get the figures, or nothing when working them out failed (they work them out then).
      for (const [id, w] of mine) {
        w.settle(computed.get(id)?.summary);
        if (working.get(id) === w) working.delete(id);
      }
    }
    for (const { program, id, today } of chunk) {
      const c = computed.get(id);
      if (!c) continue;
      out.set(id, c.summary);
      if (cache.size >= maxCachedPrograms && !cache.has(id)) cache.delete(cache.keys().next().value as string);
      cache.set(id, { revision: program.revision, today, expiresAt: c.expiresAt, summary: c.summary });
    }
  }
  await Promise.all(awaited);
  // Figures another request failed to work out: worked out here (not kept, and without waiting again).
  const missing = programs.filter(({ id }) => !out.has(id));
  if (missing.length > 0 && awaited.length > 0) {
    const again = await programSummaries(null, reads, missing, now, signal);
    for (const [id, summary] of again) out.set(id, summary);
  }
  return out;
}

/** The phase the program is in by its gates: the first gate not passed; the last gate once every gate passed. */
function phaseOfGates(gates: readonly Gate[]): Phase | null {
  const p = gatePhase(gates);
  const key = p.kind === 'gate' ? p.gateKey : p.kind === 'released' ? gates.at(-1)?.key : undefined;
  return key !== undefined && (phases as readonly string[]).includes(key) ? (key as Phase) : null;
}

async function compute(
  reads: Reads,
  programs: readonly { program: Program; id: AuthorizedProgramId; today: PlainDate }[],
  now: Date,
): Promise<Map<string, { summary: ProgramSummary; expiresAt: number }>> {
  const ids = programs.map((p) => p.id);
  const [milestones, links, changes, blocking, counts, gates, openItems, escalations] = await Promise.all([
    reads.listMilestonesOfPrograms(ids),
    reads.listMilestoneLinksOfPrograms(ids),
    reads.listMilestoneFieldChanges(ids, ['forecastDate'], { since: recentSince(now) }),
    reads.listBlockingActions(ids),
    reads.countOpenRecords(ids),
    reads.listGatesOfPrograms(ids),
    reads.listOpenRequiredItemsOfPrograms(ids),
    reads.countEscalations(ids, now.toISOString()),
  ]);
  const gatesOf = groupBy(gates, (g) => g.programId);
  const openItemsOf = groupBy(openItems, (i) => i.programId);
  const milestonesOf = groupBy(milestones, (m) => m.programId);
  const linksOf = groupBy(links, (l) => l.programId);
  const changesOf = groupBy(changes, (c) => c.programId ?? '');
  const blockingOf = groupBy(blocking, (a) => a.programId);
  const out = new Map<string, { summary: ProgramSummary; expiresAt: number }>();
  for (const { program, id, today } of programs) {
    const ms = milestonesOf.get(id) ?? [];
    const recent = changesOf.get(id) ?? [];
    const e = escalations.get(id);
    // An escalation turns overdue at its deadline without a write: the figures are kept until the next one.
    const expiresAt = Math.min(expiryOf(recent), e?.nextDeadlineAt ? Date.parse(e.nextDeadlineAt) : Number.POSITIVE_INFINITY);
    const doneCount = ms.filter((m) => m.actualDate !== null).length;
    try {
      const actions = blockingOf.get(id) ?? [];
      const programGates = gatesOf.get(id) ?? [];
      const gateFacts = { gates: programGates, openRequiredItems: openItemsOf.get(id) ?? [], today };
      const facts = planFacts(program, ms, linksOf.get(id) ?? [], recent, actions, gateFacts);
      const h = withOverdueEscalations(
        programHealth(ms, today, programCalendar(program), program.toleranceDays, signalsFrom(facts)),
        e?.overdue ?? 0,
      );
      const c = counts.get(id);
      const figures: ProgramFigures = {
        currentPhase: programGates.length > 0 ? phaseOfGates(programGates) : currentPhase(ms),
        health: h.health,
        healthReason: h.reason,
        healthMilestone: h.milestoneId ? (ms.find((m) => m.id === h.milestoneId) ?? null) : null,
        nextMilestone: nextMilestone(ms),
        milestoneCount: ms.length,
        doneCount,
        openDecisions: c?.openDecisions ?? 0,
        highRisks: c?.highRisks ?? 0,
        blockers: actions.length,
        openEscalations: e?.open ?? 0,
        overdueEscalations: e?.overdue ?? 0,
      };
      out.set(id, { summary: { ok: true, figures, facts }, expiresAt });
    } catch (failure) {
      out.set(id, { summary: { ok: false, failure, milestoneCount: ms.length, doneCount }, expiresAt });
    }
  }
  return out;
}

/** When the oldest of the recent forecast moves leaves the window (never, without any). */
export function expiryOf(recent: readonly ChangeRecord[]): number {
  let oldest = Number.POSITIVE_INFINITY;
  for (const c of recent) oldest = Math.min(oldest, Date.parse(c.at));
  return oldest + recentWindowMs;
}

function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const i of items) {
    const k = key(i);
    const list = out.get(k);
    if (list) list.push(i);
    else out.set(k, [i]);
  }
  return out;
}

/**
 * From when (ms) the kept figures of a program may differ from its data though nothing is written
 * (a slip leaves the recent window); works the figures out first when they are not kept. `now` when
 * they could not be kept (more programs than the cache holds).
 */
export async function summaryExpiry(store: Store, program: Program, id: AuthorizedProgramId, now: Date): Promise<number> {
  await programSummaries(store, store.reads, [{ program, id }], now);
  const e = cacheOf(store).get(id);
  return e && e.revision === program.revision ? e.expiresAt : now.getTime();
}

/**
 * The earliest instant (ms) at which any kept program figures may change by themselves (the
 * portfolio's answer is kept until then at most); `now` when none are kept yet.
 */
export function earliestSummaryExpiry(store: Store, now: Date): number {
  let earliest = Number.POSITIVE_INFINITY;
  for (const e of cacheOf(store).values()) earliest = Math.min(earliest, e.expiresAt);
  return Number.isFinite(earliest) ? earliest : now.getTime();
}
