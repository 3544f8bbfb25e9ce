import type { MilestoneId } from '../ids.js';
import { ok, type Result, refuse } from '../result.js';
import type { DependencyLink, ScheduledMilestone } from './dependency.js';
import { cycleMessage, findCycleAmong } from './find-cycle.js';
import { topologicalOrder } from './topological-order.js';

/**
 * A program's milestones and finish-to-start links, indexed for linear-time passes: node i is
 * nodes[i]; edges are stored as compressed rows (CSR) in both directions; `order` is a topological
 * order and `position[i]` node i's place in it.
 */
export interface DependencyGraph {
  readonly nodes: readonly ScheduledMilestone[];
  readonly index: ReadonlyMap<MilestoneId, number>;
  readonly succStart: Int32Array;
  readonly succNode: Int32Array;
  readonly succLag: Int32Array;
  readonly predStart: Int32Array;
  readonly predNode: Int32Array;
  readonly predLag: Int32Array;
  readonly order: Int32Array;
  readonly position: Int32Array;
}

/** Compressed rows of edges from → to, grouped by `from`. */
export function compressedRows(n: number, from: Int32Array, to: Int32Array, lag: Int32Array) {
  const start = new Int32Array(n + 1);
  for (let e = 0; e < from.length; e++) {
    const i = (from[e] as number) + 1;
    start[i] = (start[i] as number) + 1;
  }
  for (let i = 0; i < n; i++) start[i + 1] = (start[i + 1] as number) + (start[i] as number);
  const fill = start.slice(0, n);
  const node = new Int32Array(from.length);
  const lags = new Int32Array(from.length);
  for (let e = 0; e < from.length; e++) {
    const f = from[e] as number;
    const slot = fill[f] as number;
    fill[f] = slot + 1;
    node[slot] = to[e] as number;
    lags[slot] = lag[e] as number;
  }
  return { start, node, lag: lags };
}

/** Builds the graph; links must join two distinct milestones of the list and must not form a cycle. */
export function buildDependencyGraph(nodes: readonly ScheduledMilestone[], links: readonly DependencyLink[]): Result<DependencyGraph> {
  const index = new Map<MilestoneId, number>();
  for (let i = 0; i < nodes.length; i++) index.set((nodes[i] as ScheduledMilestone).id, i);
  const from = new Int32Array(links.length);
  const to = new Int32Array(links.length);
  const lag = new Int32Array(links.length);
  for (let e = 0; e < links.length; e++) {
    const l = links[e] as DependencyLink;
    const p = index.get(l.predecessorId);
    const s = index.get(l.successorId);
    if (p === undefined || s === undefined) {
      const missing = p === undefined ? l.predecessorId : l.successorId;
      return refuse('LINK_TARGET_NOT_FOUND', `Milestone ${missing} is not in this program.`);
    }
    if (p === s) return refuse('SELF_DEPENDENCY', `${nodes[p]?.key} cannot depend on itself.`);
    from[e] = p;
    to[e] = s;
    lag[e] = l.lagDays;
  }
  const succ = compressedRows(nodes.length, from, to, lag);
  const pred = compressedRows(nodes.length, to, from, lag);
  const order = topologicalOrder(nodes.length, succ.start, succ.node);
  if (order.length < nodes.length) {
    const cycle = findCycleAmong(nodes.length, pred.start, pred.node, order).map((i) => nodes[i] as ScheduledMilestone);
    return refuse('DEPENDENCY_CYCLE', cycleMessage(cycle.map((m) => m.key)));
  }
  const position = new Int32Array(nodes.length);
  for (let k = 0; k < order.length; k++) position[order[k] as number] = k;
  return ok({
    nodes,
    index,
    succStart: succ.start,
    succNode: succ.node,
    succLag: succ.lag,
    predStart: pred.start,
    predNode: pred.node,
    predLag: pred.lag,
    order,
    position,
  });
}
