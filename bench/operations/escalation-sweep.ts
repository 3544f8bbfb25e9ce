import { uuidv7 } from 'uuidv7';
import type { AppDeps } from '../../src/app/deps.js';
import { type SweepReport, sweepBatchSize, sweepEscalations } from '../../src/app/escalations/sweep-escalations.js';
import type { Reads } from '../../src/app/ports.js';
import { systemAccess } from '../../src/domain/policy.js';
import { isRiskOpen } from '../../src/domain/risk.js';
import { argon2Passwords } from '../../src/main/passwords.js';
import { openStore } from '../../src/store/open-store.js';
import { clockFrom } from '../lib/portfolio.js';
import { defineOperation } from './types.js';

/** The open items the sweep looks at in the active programs: what issue 13's "100,000 open items" counts. */
export interface OpenItems {
  readonly programs: number;
  readonly milestones: number;
  readonly actions: number;
  readonly decisions: number;
  readonly risks: number;
  readonly checklistItems: number;
  readonly total: number;
}

/** Counts the open items of the active programs, reading the store as the sweep does (every program at once). */
export async function countOpenItems(reads: Reads): Promise<OpenItems> {
  const programs = (await reads.listPrograms()).filter((p) => p.status === 'active' && p.archivedAt === null);
  const ids = programs.map((p) => systemAccess(p).programId);
  const [milestones, actions, decisions, risks, items] = await Promise.all([
    reads.listMilestonesOfPrograms(ids),
    reads.listActions(ids),
    reads.listDecisions(ids),
    reads.listRisks(ids),
    reads.listOpenRequiredItemsOfPrograms(ids),
  ]);
  const counts = {
    milestones: milestones.filter((m) => m.actualDate === null).length,
    actions: actions.filter((a) => a.status === 'open').length,
    decisions: decisions.filter((d) => d.status === 'open').length,
    risks: risks.filter(isRiskOpen).length,
    checklistItems: items.length,
  };
  return { programs: programs.length, ...counts, total: Object.values(counts).reduce((a, b) => a + b, 0) };
}

/** Statements counted by their first word: reads (select) and writes (everything else, BEGIN and COMMIT included). */
export interface StatementCount {
  readonly total: number;
  readonly reads: number;
  readonly writes: number;
}

/** One sweep on a store of its own whose statements are counted; the time is the sweep's alone (store opened before). */
export async function countedSweep(
  storeConfig: Parameters<typeof openStore>[0],
  at: Date,
): Promise<{ at: Date; report: SweepReport; ms: number; statements: StatementCount }> {
  let reads = 0;
  let writes = 0;
  const opened = openStore({
    ...storeConfig,
    onStatement: (text) => {
      if (/^\s*(select|with)\b/i.test(text)) reads++;
      else writes++;
    },
  });
  try {
    const deps: AppDeps = { store: opened.store, clock: clockFrom(at), newId: uuidv7, passwords: argon2Passwords };
    const t0 = performance.now();
    const report = await sweepEscalations(deps);
    return { at, report, ms: performance.now() - t0, statements: { total: reads + writes, reads, writes } };
  } finally {
    await opened.store.close();
  }
}

const describeSweep = (what: string, s: Awaited<ReturnType<typeof countedSweep>>, targetMs: number | null) => {
  const batches = Math.max(1, Math.ceil(s.report.programs / sweepBatchSize));
  const { raised, expired, climbed, unowned } = s.report;
  return (
    `${what}: ${Math.round(s.ms)} ms ` +
    (targetMs === null ? '(no target), ' : `(target < ${targetMs} ms: ${s.ms < targetMs ? 'met' : 'MISSED'}), `) +
    `${s.statements.total} statements (${s.statements.reads} reads, ${s.statements.writes} writes; ` +
    `${(s.statements.reads / batches).toFixed(1)} reads per batch of ${sweepBatchSize} programs, ` +
    `${(s.statements.total / Math.max(1, s.report.programs)).toFixed(2)} statements per program), ` +
    `raised ${raised}, expired ${expired}, climbed ${climbed}, unowned ${unowned}`
  );
};

/** Issue 13's target: a sweep over the portfolio in under 2 s. */
const sweepTargetMs = 2000;

/** A day, and the sweep's cadence in a running server (every 15 minutes), ms. */
const dayMs = 86_400_000;
const cadenceMs = 15 * 60_000;

/**
 * The escalation sweep (issue 13) over every active program at the bench instant. It writes, so the
 * untimed setup brings the generated portfolio (which was never swept) to the state of a running server
 * and times each sweep on a store of its own, with its statements counted:
 * - the catch-up: the first sweep ever, two days before the bench instant, raises every condition found
 *   at once: what happens once, when triggers are first turned on over a whole portfolio (no target);
 * - a day without sweeps: the next sweep a day later, as after a server down for a day, raises at once
 *   what came to hold in every zone over that day (no target);
 * - an ordinary day: a sweep every 15 minutes over the last day up to the bench instant, as a running
 *   server sweeps; each zone's new day, deadlines passing and items falling due are found in the sweep
 *   after they happen, so the busiest of these 96 is the largest sweep of a day (the target);
 * - the steady state: the sweep every 15 minutes with nothing new.
 * The measured calls repeat the steady state at the bench instant, which starts from the same rows every time.
 */
export const escalationSweep = defineOperation({
  name: 'escalation-sweep',
  description: 'sweepEscalations over every active program at the bench instant, in the steady state (nothing new to raise)',
  targetP95Ms: sweepTargetMs,
  async setup(ctx) {
    const open = await countOpenItems(ctx.deps.store.reads);
    ctx.note(
      `${open.total} open items in ${open.programs} active programs: ${open.milestones} milestones, ${open.actions} actions, ` +
        `${open.decisions} decisions, ${open.risks} risks, ${open.checklistItems} required gate checklist items`,
    );
    // The clock of the bench's own deps runs on from the bench instant; the sweeps read the same "now".
    const now = ctx.deps.clock.now().getTime();
    const catchUp = await countedSweep(ctx.storeConfig, new Date(now - 2 * dayMs));
    ctx.note(
      describeSweep('catch-up sweep (the first ever, two days before: raises everything found at once; once per portfolio)', catchUp, null),
    );
    const dayGap = await countedSweep(ctx.storeConfig, new Date(now - dayMs));
    ctx.note(describeSweep('after a day without sweeps (a server down for a day: a whole day of every zone at once)', dayGap, null));
    const day: Awaited<ReturnType<typeof countedSweep>>[] = [];
    for (let at = now - dayMs + cadenceMs; at <= now; at += cadenceMs) day.push(await countedSweep(ctx.storeConfig, new Date(at)));
    const ms = day.map((s) => s.ms).sort((a, b) => a - b);
    const sum = (f: (r: SweepReport) => number) => day.reduce((n, s) => n + f(s.report), 0);
    const busiest = day.reduce((a, b) => (b.ms > a.ms ? b : a));
    const mostRaised = day.reduce((a, b) => (b.report.raised > a.report.raised ? b : a));
    ctx.note(
      `an ordinary day of ${day.length} sweeps every 15 minutes: p50 ${Math.round(ms[Math.floor(ms.length / 2)] ?? 0)} ms, ` +
        `raised ${sum((r) => r.raised)}, expired ${sum((r) => r.expired)}, climbed ${sum((r) => r.climbed)} in all`,
    );
    ctx.note(describeSweep(`the day's busiest sweep (at ${busiest.at.toISOString().slice(11, 16)} UTC)`, busiest, sweepTargetMs));
    if (mostRaised !== busiest)
      ctx.note(
        describeSweep(`the day's sweep that raised most (at ${mostRaised.at.toISOString().slice(11, 16)} UTC)`, mostRaised, sweepTargetMs),
      );
    const steady = await countedSweep(ctx.storeConfig, new Date(now));
    ctx.note(describeSweep('steady sweep (every 15 minutes: nothing new)', steady, sweepTargetMs));
    if (steady.report.raised > 0) ctx.note(`the steady sweep raised ${steady.report.raised}: the steady state is not steady`);
  },
  run: async (ctx) => (await sweepEscalations(ctx.deps)).programs,
});
