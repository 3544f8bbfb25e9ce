import { addBusinessDays, businessDaysBetween, type WorkingDays } from '../business-days.js';
import type { MilestoneId } from '../ids.js';
import type { PlainDate } from '../plain-date.js';
import { finishOf } from './dependency.js';
import type { DependencyGraph } from './dependency-graph.js';

export interface MilestoneSlack {
  readonly id: MilestoneId;
  /** The latest date this milestone may finish without pushing the target release. */
  readonly latest: PlainDate;
  /** Business days from its finish to `latest`; negative means the target release is at risk. */
  readonly slack: number;
  readonly isCritical: boolean;
}

export interface SlackReport {
  /** One entry per milestone, in the graph's node order. */
  readonly milestones: readonly MilestoneSlack[];
  /** The minimum slack of the open milestones (null when every milestone is done). */
  readonly minSlack: number | null;
  /** Critical milestones in topological order. */
  readonly criticalPath: readonly MilestoneId[];
  /** Driving links between critical milestones, as [predecessor, successor]. */
  readonly criticalLinks: readonly (readonly [MilestoneId, MilestoneId])[];
}

/**
 * Slack of every milestone against the target release and the critical path (rules in
 * dependency.ts): one backward pass in reverse topological order, O(V + E).
 */
export function computeSlack(cal: WorkingDays, graph: DependencyGraph, targetRelease: PlainDate): SlackReport {
  const { nodes, order, succStart, succNode, succLag } = graph;
  const n = nodes.length;
  const latest: PlainDate[] = new Array(n);
  const slack = new Int32Array(n);
  let minSlack: number | null = null;
  for (let k = n - 1; k >= 0; k--) {
    const v = order[k] as number;
    // Every milestone is due by the target release: a successor's bound can only bring it earlier
    // (with a negative lag the bound alone would fall after the release).
    let l = targetRelease;
    for (let e = succStart[v] as number, end = succStart[v + 1] as number; e < end; e++) {
      const bound = addBusinessDays(cal, latest[succNode[e] as number] as PlainDate, -(succLag[e] as number));
      if (bound < l) l = bound;
    }
    latest[v] = l;
    const m = nodes[v];
    if (!m) continue;
    const s = businessDaysBetween(cal, finishOf(m), l);
    slack[v] = s;
    if (m.actualDate === null && (minSlack === null || s < minSlack)) minSlack = s;
  }
  const isCritical = (v: number) => minSlack !== null && nodes[v]?.actualDate === null && slack[v] === minSlack;
  const criticalPath: MilestoneId[] = [];
  const criticalLinks: [MilestoneId, MilestoneId][] = [];
  for (const v of order) {
    if (!isCritical(v)) continue;
    const id = nodes[v]?.id as MilestoneId;
    criticalPath.push(id);
    for (let e = succStart[v] as number, end = succStart[v + 1] as number; e < end; e++) {
      const s = succNode[e] as number;
      if (isCritical(s) && addBusinessDays(cal, latest[s] as PlainDate, -(succLag[e] as number)) === latest[v]) {
        criticalLinks.push([id, nodes[s]?.id as MilestoneId]);
      }
    }
  }
  return {
    milestones: nodes.map((m, v) => ({ id: m.id, latest: latest[v] as PlainDate, slack: slack[v] as number, isCritical: isCritical(v) })),
    minSlack,
    criticalPath,
    criticalLinks,
  };
}
