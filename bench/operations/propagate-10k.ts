import { addBusinessDays, mondayToFriday, type WorkingDays } from '../../src/domain/business-days.js';
import { buildCalendar } from '../../src/domain/calendar/build-calendar.js';
import { buildDependencyGraph } from '../../src/domain/schedule/dependency-graph.js';
import { propagateChange, type ScheduleChange } from '../../src/domain/schedule/propagate.js';
import { computeSlack } from '../../src/domain/schedule/slack.js';
import { topologicalOrder } from '../../src/domain/schedule/topological-order.js';
import { type SyntheticDag, syntheticDag, tenThousand } from '../lib/synthetic-dag.js';
import { definePureOperation, expectOk } from './types.js';

// Mainland China: public holidays, makeup Saturdays, long Spring Festival and National Day breaks.
const chinaCalendar = buildCalendar(
  { countries: [{ country: 'CN' }], timeZone: 'Asia/Shanghai', endOfDayHour: 18 },
  { from: 2026, to: 2031 },
);
const calendars: Record<'mon-fri' | 'cn', WorkingDays> = { 'mon-fri': mondayToFriday, cn: chinaCalendar };
type CalendarName = keyof typeof calendars;

// The operations share one generated program per seed and calendar (generation is untimed setup).
const programs = new Map<string, SyntheticDag>();
const program = (seed: number, calendar: CalendarName = 'mon-fri') => {
  const key = `${seed}:${calendar}`;
  const found = programs.get(key);
  if (found) return found;
  const made = syntheticDag(seed, tenThousand, calendars[calendar]);
  programs.set(key, made);
  return made;
};

/** The first-layer milestone whose slip by `days` business days pushes the most, so the pass runs deep. */
function heaviestMove(cal: WorkingDays, dag: SyntheticDag, days: number): { change: ScheduleChange; pushes: number } {
  let best = { change: null as ScheduleChange | null, pushes: -1 };
  for (const i of dag.firstLayer) {
    const m = dag.milestones[i];
    if (!m) continue;
    const change: ScheduleChange = { kind: 'move', milestoneId: m.id, to: addBusinessDays(cal, m.forecastDate, days) };
    const pushes = expectOk(propagateChange(cal, dag.graph, change), 'propagateChange').length;
    if (pushes > best.pushes) best = { change, pushes };
  }
  if (!best.change) throw new Error('no first-layer milestone to move');
  return { change: best.change, pushes: best.pushes };
}

const group = 'propagate';
const baseline = 'topo-sort-10k';

export const topoSort10k = definePureOperation<SyntheticDag>({
  name: baseline,
  group,
  description: "plain Kahn topological sort of the 10k-milestone, 20k-link graph's successor rows",
  setup: (ctx) => program(ctx.seed),
  run: (_ctx, dag) => topologicalOrder(dag.milestones.length, dag.graph.succStart, dag.graph.succNode),
});

const propagateBy = (name: string, days: number, what: string, calendar: CalendarName = 'mon-fri') =>
  definePureOperation<{ dag: SyntheticDag; change: ScheduleChange }>({
    name,
    group,
    baseline,
    description: `preview of moving a first-layer milestone ${days} business days later (${what}; ${calendar} calendar)`,
    setup: (ctx) => {
      const dag = program(ctx.seed, calendar);
      const { change, pushes } = heaviestMove(calendars[calendar], dag, days);
      ctx.note(`${name}: moving ${change.milestoneId} ${days} business days later pushes ${pushes} of ${dag.milestones.length} milestones`);
      return { dag, change };
    },
    run: (_ctx, s) => expectOk(propagateChange(calendars[calendar], s.dag.graph, s.change), 'propagateChange'),
  });

export const propagate10k = propagateBy('propagate-10k', 5, 'the slip that pushes the most');
// So far that every milestone it reaches moves: the pass evaluates every link out of them.
export const propagate10kWorst = propagateBy('propagate-10k-worst', 250, 'pushes everything it reaches');
export const propagate10kCn = propagateBy('propagate-10k-cn', 5, 'the slip that pushes the most', 'cn');
export const propagate10kWorstCn = propagateBy('propagate-10k-worst-cn', 250, 'pushes everything it reaches', 'cn');

const slackOf = (name: string, calendar: CalendarName) =>
  definePureOperation<SyntheticDag>({
    name,
    group,
    baseline,
    description: `slack of every milestone against the target release and the critical path (${calendar} calendar)`,
    setup: (ctx) => {
      const dag = program(ctx.seed, calendar);
      const r = computeSlack(calendars[calendar], dag.graph, dag.targetRelease);
      ctx.note(`${name}: min slack ${r.minSlack}, ${r.criticalPath.length} critical milestones, target ${dag.targetRelease}`);
      return dag;
    },
    run: (_ctx, dag) => computeSlack(calendars[calendar], dag.graph, dag.targetRelease),
  });

export const slack10k = slackOf('slack-10k', 'mon-fri');
export const slack10kCn = slackOf('slack-10k-cn', 'cn');

export const buildGraph10k = definePureOperation<SyntheticDag>({
  name: 'build-graph-10k',
  group,
  baseline,
  description: 'buildDependencyGraph from milestones and links: id index, rows both ways, topological order',
  setup: (ctx) => program(ctx.seed),
  run: (_ctx, dag) => expectOk(buildDependencyGraph(dag.milestones, dag.links), 'buildDependencyGraph'),
});
