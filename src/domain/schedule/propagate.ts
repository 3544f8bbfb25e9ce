import type { WorkingDays } from '../business-days.js';
import { dateRangeMessage, isInDateRange } from '../date-range.js';
import type { MilestoneId } from '../ids.js';
import type { PlainDate } from '../plain-date.js';
import { ok, type Result, refuse } from '../result.js';
import { earliestAfter, finishOf } from './dependency.js';
import type { DependencyGraph } from './dependency-graph.js';

/**
 * What a person does to the plan: move a milestone's forecast, complete it on an actual date, or make
 * a successor depend on it (a new link from `milestoneId`, the predecessor, whose finish stays put).
 */
export type ScheduleChange =
  | { readonly kind: 'move'; readonly milestoneId: MilestoneId; readonly to: PlainDate }
  | { readonly kind: 'complete'; readonly milestoneId: MilestoneId; readonly actualDate: PlainDate }
  | { readonly kind: 'link'; readonly milestoneId: MilestoneId; readonly successorId: MilestoneId; readonly lagDays: number };

/** One dependent milestone a change pushes: its forecast moves from → to because of `cause`. */
export interface Push {
  readonly id: MilestoneId;
  readonly from: PlainDate;
  readonly to: PlainDate;
  /** The predecessor whose requirement was the latest: the changed milestone or an earlier push. */
  readonly cause: MilestoneId;
}

/**
 * Every forecast a change pushes later, in topological order (rules in dependency.ts). One forward
 * pass over the graph's topological order from the changed milestone: each node is looked at once,
 * and only the links out of moving milestones are evaluated, so the pass is O(V + E) at worst.
 */
export function propagateChange(cal: WorkingDays, graph: DependencyGraph, change: ScheduleChange): Result<readonly Push[]> {
  if (change.kind === 'link') return propagateLink(cal, graph, change);
  const { nodes, order, position, succStart, succNode, succLag } = graph;
  const changed = graph.index.get(change.milestoneId);
  if (changed === undefined) return refuse('MILESTONE_NOT_FOUND', `No milestone ${change.milestoneId} in this program.`);
  const m = nodes[changed];
  if (!m) return refuse('MILESTONE_NOT_FOUND', `No milestone ${change.milestoneId} in this program.`);
  if (m.actualDate !== null) return refuse('MILESTONE_DONE', `${m.key} is done (${m.actualDate}); it no longer moves.`);
  const newFinish = change.kind === 'move' ? change.to : change.actualDate;
  if (newFinish <= m.forecastDate) return ok([]);

  // required[v]: the latest date a moving predecessor demands of v; cause[v]: that predecessor.
  const required: (PlainDate | undefined)[] = new Array(nodes.length);
  const cause = new Int32Array(nodes.length);
  const pushes: Push[] = [];
  let waiting = 0;
  for (let k = position[changed] as number; k < order.length; k++) {
    const v = order[k] as number;
    let finish: PlainDate;
    if (v === changed) finish = newFinish;
    else {
      const due = required[v];
      if (due === undefined) continue;
      waiting--;
      const node = nodes[v];
      if (!node || node.actualDate !== null || due <= node.forecastDate) {
        if (waiting === 0) break;
        continue;
      }
      finish = due;
      pushes.push({ id: node.id, from: node.forecastDate, to: due, cause: nodes[cause[v] as number]?.id as MilestoneId });
    }
    for (let e = succStart[v] as number, end = succStart[v + 1] as number; e < end; e++) {
      const s = succNode[e] as number;
      const due = earliestAfter(cal, finish, succLag[e] as number);
      const prev = required[s];
      if (prev === undefined) waiting++;
      if (prev === undefined || due > prev) {
        required[s] = due;
        cause[s] = v;
      }
    }
    if (waiting === 0) break;
  }
  return withinRange(graph, pushes, change.kind === 'move' ? 'forecastDate' : 'actualDate');
}

/** Pushes that stay within the supported dates, or DATE_OUT_OF_RANGE naming the first that does not and the request's field. */
function withinRange(graph: DependencyGraph, pushes: readonly Push[], field: string): Result<readonly Push[]> {
  const beyond = pushes.find((p) => !isInDateRange(p.to));
  if (beyond) {
    const key = graph.nodes[graph.index.get(beyond.id) as number]?.key ?? beyond.id;
    return refuse('DATE_OUT_OF_RANGE', `This would push ${key} to ${beyond.to}. ${dateRangeMessage}`, [
      { path: field, message: dateRangeMessage },
    ]);
  }
  return ok(pushes);
}

/**
 * A new link P → S with lag L pushes S to the date the link requires (when later than S's forecast and
 * S is not done), and S's move pushes its own successors as any move does. The graph is the plan
 * before the link: the link must not close a cycle (check-new-link.ts), so nothing after S leads back
 * to P and the existing links carry the push on.
 */
function propagateLink(
  cal: WorkingDays,
  graph: DependencyGraph,
  change: Extract<ScheduleChange, { kind: 'link' }>,
): Result<readonly Push[]> {
  const p = graph.nodes[graph.index.get(change.milestoneId) ?? -1];
  const s = graph.nodes[graph.index.get(change.successorId) ?? -1];
  if (!p || !s) return refuse('MILESTONE_NOT_FOUND', `No milestone ${p ? change.successorId : change.milestoneId} in this program.`);
  const due = earliestAfter(cal, finishOf(p), change.lagDays);
  if (s.actualDate !== null || due <= s.forecastDate) return ok([]);
  const first: Push = { id: s.id, from: s.forecastDate, to: due, cause: p.id };
  const rest = propagateChange(cal, graph, { kind: 'move', milestoneId: s.id, to: due });
  if (!rest.ok) return rest;
  return withinRange(graph, [first, ...rest.value], 'lagDays');
}
