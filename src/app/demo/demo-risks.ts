import { addDays, type PlainDate } from '../../domain/plain-date.js';
import { unwrap } from '../create-records.js';
import type { Actor, AppDeps } from '../deps.js';
import { closeRisk } from '../risks/close-risk.js';
import { raiseRisk } from '../risks/raise-risk.js';
import { realizeRisk } from '../risks/realize-risk.js';
import { updateRisk } from '../risks/update-risk.js';
import type { DemoProgram } from './demo-data.js';
import type { DemoRisk } from './demo-texts.js';

/*
 * The demo's risk registers, written through the risk use cases on the loader's clock so that score
 * histories and "risk changes this week" are real: every program gets its own 4-6 risks (texts/*.ts)
 * over the five categories, owned by its people; some are high, some re-scored with reasons over the
 * past weeks, one is closed, one realized (opening its response action), one is due for review, and on
 * some programs one was raised today without a review date, so the gap is flagged.
 */

export interface DemoRisksInput {
  readonly programId: string;
  readonly spec: DemoProgram;
  readonly people: ReadonlyMap<string, Actor>;
  /** The program's today (its time zone). */
  readonly today: PlainDate;
  /** The loader's "now": today's writes happen a few hours before it. */
  readonly now: Date;
}

/** The loader's settable clock: a day and an hour (UTC). */
interface DemoClock {
  set(d: PlainDate, hourUtc?: number): unknown;
}

const HOUR = 3_600_000;

/** Raises a program's demo risks and gives them their history; returns how many were raised. */
export async function loadDemoRisks(d: AppDeps, clock: DemoClock, input: DemoRisksInput): Promise<number> {
  const { spec, today, now } = input;
  const person = (key: string) => input.people.get(key) as Actor;
  const lead = person(spec.owner);
  const ownerOf = (r: DemoRisk) => person(spec[r.by]);
  const daysAgo = (n: number, hourUtc = 3) => clock.set(addDays(today, -n), hourUtc);
  /** A few hours before now: today, wherever the loader runs. */
  const hoursAgo = (h: number) => {
    const t = new Date(now.getTime() - h * HOUR);
    clock.set(t.toISOString().slice(0, 10) as PlainDate, t.getUTCHours());
  };

  const { watched, rising, passed, happened, mitigating, fresh } = spec.texts.risks;
  const count = 4 + (mitigating ? 1 : 0) + (fresh ? 1 : 0);

  const raise = (r: DemoRisk, l: number, i: number, reviewDate: PlainDate | null) =>
    raiseRisk(d, {
      programId: input.programId,
      actor: lead,
      title: r.title,
      description: r.description,
      ownerId: ownerOf(r).id,
      category: r.category,
      likelihood: l,
      impact: i,
      earlyWarning: r.earlyWarning,
      strategy: r.strategy,
      mitigation: r.mitigation,
      residualLikelihood: r.residual[0],
      residualImpact: r.residual[1],
      reviewDate,
    }).then(unwrap);
  const target = (v: { risk: { id: string; version: number } }, actor: Actor) => ({
    programId: input.programId,
    riskId: v.risk.id,
    version: v.risk.version,
    actor,
  });

  // Five weeks ago the register was set up in the risk workshop.
  daysAgo(35, 2);
  let a = await raise(watched, 4, 4, addDays(today, -2));
  daysAgo(35, 3);
  const b = await raise(rising, 3, 5, addDays(today, 7));
  daysAgo(35, 4);
  let c = await raise(passed, 3, 3, addDays(today, 14));
  daysAgo(35, 5);
  const e = await raise(happened, 3, 4, addDays(today, 10));
  daysAgo(35, 6);
  const m = mitigating ? await raise(mitigating, 2, 4, addDays(today, 21)) : null;

  // Re-scored over the weeks by the people who own them, each time with a reason.
  daysAgo(21);
  a = unwrap(await updateRisk(d, { ...target(a, ownerOf(watched)), reason: watched.worse, patch: { likelihood: 5 } }));
  daysAgo(14);
  c = unwrap(await updateRisk(d, { ...target(c, ownerOf(passed)), reason: passed.better, patch: { likelihood: 2 } }));
  if (m && mitigating) {
    unwrap(
      await updateRisk(d, { ...target(m, lead), reason: `Response under way: ${mitigating.mitigation}`, patch: { status: 'mitigating' } }),
    );
  }
  daysAgo(10);
  unwrap(await closeRisk(d, { ...target(c, lead), reason: passed.closed }));
  daysAgo(7);
  a = unwrap(await updateRisk(d, { ...target(a, ownerOf(watched)), reason: watched.better, patch: { likelihood: 4 } }));
  daysAgo(4);
  unwrap(
    await realizeRisk(d, {
      ...target(e, lead),
      reason: happened.realized.reason,
      action: { title: happened.realized.action, dueDate: addDays(today, 5) },
    }),
  );

  // Today: a new risk from this morning's call (no review date yet: flagged), and one getting worse.
  if (fresh) {
    hoursAgo(3);
    await raise(fresh, 3, 3, null);
  }
  hoursAgo(2);
  unwrap(await updateRisk(d, { ...target(b, ownerOf(rising)), reason: rising.worse, patch: { likelihood: 4 } }));
  return count;
}
