import type { DependencyLink, ScheduledMilestone } from '../../src/domain/schedule/dependency.js';
import { buildDependencyGraph, type DependencyGraph } from '../../src/domain/schedule/dependency-graph.js';

/**
 * For the schedule's property tests: random [a, b, lag] triples as links from the lower-numbered
 * milestone to the higher (so always a DAG; self links dropped), and the graph they make.
 */
export function forwardLinks(
  nodes: readonly ScheduledMilestone[],
  links: readonly (readonly [number, number, number])[],
): DependencyLink[] {
  return links
    .filter(([a, b]) => a !== b)
    .map(([a, b, lag]) => ({ predecessorId: nodes[Math.min(a, b)]?.id, successorId: nodes[Math.max(a, b)]?.id, lagDays: lag }))
    .filter((l): l is DependencyLink => l.predecessorId !== undefined && l.successorId !== undefined);
}

export function graphOf(nodes: readonly ScheduledMilestone[], links: readonly DependencyLink[]): DependencyGraph {
  const g = buildDependencyGraph(nodes, links);
  if (!g.ok) throw new Error(g.error.message);
  return g.value;
}
