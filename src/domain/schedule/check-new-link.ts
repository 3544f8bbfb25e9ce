import type { MilestoneId } from '../ids.js';
import { ok, type Result, refuse } from '../result.js';
import type { DependencyLink } from './dependency.js';
import type { DependencyGraph } from './dependency-graph.js';
import { cycleMessage } from './find-cycle.js';

/**
 * The cycle a new link P → S would close, as ids in link direction starting at P
 * ([P, S, …]; the cycle returns to P), or null. P is reachable from S only if S sits before P in
 * topological order, and only through nodes that also sit before P, so the search stops there.
 */
export function cycleClosedBy(graph: DependencyGraph, predecessor: number, successor: number): readonly MilestoneId[] | null {
  const { position, succStart, succNode, nodes } = graph;
  if (predecessor === successor) return [nodes[predecessor]?.id as MilestoneId];
  const limit = position[predecessor] as number;
  if ((position[successor] as number) > limit) return null;
  const parent = new Int32Array(nodes.length).fill(-1);
  parent[successor] = successor;
  const stack = [successor];
  while (stack.length > 0) {
    const v = stack.pop() as number;
    for (let e = succStart[v] as number, end = succStart[v + 1] as number; e < end; e++) {
      const s = succNode[e] as number;
      if (parent[s] !== -1 || (position[s] as number) > limit) continue;
      parent[s] = v;
      if (s === predecessor) return pathBack(graph, parent, successor, predecessor);
      stack.push(s);
    }
  }
  return null;
}

function pathBack(graph: DependencyGraph, parent: Int32Array, from: number, to: number): MilestoneId[] {
  const path: number[] = [];
  for (let v = to; v !== from; v = parent[v] as number) path.push(v);
  path.push(from);
  // path is P, …, S walking back; the cycle reads P → S → … → P.
  const [p, ...rest] = path;
  return [p as number, ...rest.reverse()].map((i) => graph.nodes[i]?.id as MilestoneId);
}

/** A new finish-to-start link is accepted only between two milestones of the program, never onto itself, never closing a cycle. */
export function checkNewLink(graph: DependencyGraph, link: DependencyLink): Result<DependencyLink> {
  const p = graph.index.get(link.predecessorId);
  const s = graph.index.get(link.successorId);
  if (p === undefined || s === undefined) {
    const missing = p === undefined ? link.predecessorId : link.successorId;
    return refuse('LINK_TARGET_NOT_FOUND', `Milestone ${missing} is not in this program.`);
  }
  const keyOf = (id: MilestoneId) => graph.nodes[graph.index.get(id) as number]?.key ?? id;
  if (p === s) return refuse('SELF_DEPENDENCY', `${keyOf(link.predecessorId)} cannot depend on itself.`);
  const cycle = cycleClosedBy(graph, p, s);
  if (cycle)
    return refuse('DEPENDENCY_CYCLE', cycleMessage(cycle.map(keyOf)), [{ path: 'predecessor', message: cycleMessage(cycle.map(keyOf)) }]);
  return ok(link);
}
