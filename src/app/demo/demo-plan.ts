import { addBusinessDays, mondayToFriday } from '../../domain/business-days.js';
import type { Milestone } from '../../domain/milestone.js';
import type { PlainDate } from '../../domain/plain-date.js';
import type { Program } from '../../domain/program.js';
import { unwrap } from '../create-records.js';
import { decideDecision } from '../decisions/decide-decision.js';
import { requestDecision } from '../decisions/request-decision.js';
import type { Actor, AppDeps } from '../deps.js';
import { authorize } from '../get-program.js';
import { moveMilestone } from '../move-milestone.js';
import { addMilestoneLink } from '../plan/add-milestone-link.js';
import { takeBaseline } from '../plan/baselines.js';
import { updatePlanSettings } from '../plan/update-plan-settings.js';
import { programCalendar } from '../views.js';
import { type DemoProgram, roleClients } from './demo-data.js';
import type { DemoReplan } from './demo-texts.js';

type Clock = { set(day: PlainDate, hourUtc?: number): unknown };

/** The program's milestones, read as the person the demo acts as. */
const listOf = (d: AppDeps, p: Program, as: Actor) => d.store.reads.listMilestones(unwrap(authorize(as, p)).program.id);

/**
 * A re-plan in the program's history, in the program's own words: three open milestones move five
 * business days, the decision owner approves the new plan (a decision) and the cadence owner takes
 * baseline 1 — so plan vs actual differs between baseline 0 and baseline 1.
 */
export async function loadDemoRebaseline(
  d: AppDeps,
  clock: Clock,
  input: { program: Program; spec: DemoProgram; replan: DemoReplan; people: ReadonlyMap<string, Actor>; today: PlainDate },
): Promise<void> {
  const { program, spec, replan, people, today } = input;
  const owner = people.get(spec.owner) as Actor;
  const decider = (roleClients as readonly string[]).includes(spec.client) ? (people.get('jonas') as Actor) : owner;
  const day = (n: number) => addBusinessDays(mondayToFriday, today, n);
  const open = (await listOf(d, program, owner)).filter((m) => m.actualDate === null && m.baselineDate > day(5));
  const moved = open.slice(-3);
  if (moved.length === 0) return;
  clock.set(day(-32), 2);
  const asked = unwrap(
    await requestDecision(d, {
      programId: program.id,
      actor: owner,
      statement: replan.statement,
      context: replan.context,
      options: replan.options.join('\n'),
      ownerId: decider.id,
      dueDate: day(-28),
      links: moved.map((m) => ({ entity: 'milestone' as const, id: m.id })),
    }),
  );
  for (const m of moved) {
    clock.set(day(-31), 3);
    unwrap(
      await moveMilestone(d, {
        programId: program.id,
        milestoneId: m.id,
        version: m.version,
        actor: owner,
        forecastDate: addBusinessDays(programCalendar(program), m.forecastDate, 5),
        reason: replan.moveReason,
      }),
    );
  }
  clock.set(day(-30), 8);
  unwrap(
    await decideDecision(d, {
      programId: program.id,
      decisionId: asked.decision.id,
      version: asked.decision.version,
      actor: decider,
      outcome: replan.outcome,
      rationale: replan.rationale,
      expectedImpact: replan.expectedImpact,
    }),
  );
  clock.set(day(-30), 9);
  if (program.targetReleaseDate) {
    unwrap(
      await updatePlanSettings(d, {
        programId: program.id,
        actor: owner,
        version: program.version,
        targetReleaseDate: addBusinessDays(programCalendar(program), program.targetReleaseDate, 5),
        reason: `${replan.releaseReason} (${asked.decision.key}).`,
      }),
    );
  }
  clock.set(day(-30), 10);
  unwrap(
    await takeBaseline(d, {
      programId: program.id,
      actor: owner,
      name: replan.baselineName,
      decisionId: asked.decision.key,
    }),
  );
}

/**
 * Dependencies as a planner would draw them, added once the history is written: the milestones
 * flagged critical form a chain without slack (each lag is the gap between their forecasts), and
 * every other open milestone feeds the next critical one with three business days to spare.
 */
export async function loadDemoLinks(
  d: AppDeps,
  clock: Clock,
  input: { program: Program; owner: Actor; today: PlainDate },
): Promise<number> {
  const { program, owner, today } = input;
  const cal = programCalendar(program);
  clock.set(addBusinessDays(mondayToFriday, today, -1), 4);
  const open = (await listOf(d, program, owner))
    .filter((m) => m.actualDate === null)
    .sort((a, b) => (a.forecastDate < b.forecastDate ? -1 : a.forecastDate > b.forecastDate ? 1 : a.key < b.key ? -1 : 1));
  const chain = open.filter((m) => m.isCritical);
  let links = 0;
  const link = async (from: Milestone, to: Milestone, lagDays: number) => {
    unwrap(await addMilestoneLink(d, { programId: program.id, actor: owner, predecessor: from.key, successor: to.key, lagDays }));
    links++;
  };
  for (let i = 1; i < chain.length; i++) {
    const a = chain[i - 1] as Milestone;
    const b = chain[i] as Milestone;
    await link(a, b, Math.max(0, cal.count(a.forecastDate, b.forecastDate)));
  }
  for (const m of open) {
    if (m.isCritical) continue;
    const next = chain.find((c) => c.forecastDate > m.forecastDate);
    if (!next) continue;
    await link(m, next, Math.max(0, cal.count(m.forecastDate, next.forecastDate) - 3));
  }
  return links;
}
