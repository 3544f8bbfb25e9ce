import { addBusinessDays, mondayToFriday, type WorkingDays } from '../../src/domain/business-days.js';
import { asMilestoneId } from '../../src/domain/ids.js';
import { maxDate, type PlainDate, plainDate } from '../../src/domain/plain-date.js';
import type { DependencyLink, ScheduledMilestone } from '../../src/domain/schedule/dependency.js';
import { buildDependencyGraph, type DependencyGraph } from '../../src/domain/schedule/dependency-graph.js';
import { createRng } from './prng.js';

export interface SyntheticDag {
  readonly milestones: readonly ScheduledMilestone[];
  readonly links: readonly DependencyLink[];
  readonly graph: DependencyGraph;
  /** The last forecast plus ten business days. */
  readonly targetRelease: PlainDate;
  /** Milestones of the first layer, to move. */
  readonly firstLayer: readonly number[];
}

export interface DagShape {
  readonly milestones: number;
  readonly links: number;
  readonly layers: number;
}

export const tenThousand: DagShape = { milestones: 10_000, links: 20_000, layers: 100 };

/**
 * A deterministic layered program: milestones in equal layers, each link from one of the three
 * layers before (lag −2..5 business days), forecasts scheduled forward from the links so that
 * most links are tight and three in ten milestones have 1–3 business days of room.
 */
export function syntheticDag(seed: number, shape: DagShape = tenThousand, cal: WorkingDays = mondayToFriday): SyntheticDag {
  const rng = createRng(seed).derive('synthetic-dag');
  const perLayer = Math.ceil(shape.milestones / shape.layers);
  const layerOf = (i: number) => Math.floor(i / perLayer);
  const linked = shape.milestones - perLayer;
  const edges: [number, number, number][] = [];
  // Every milestone after the first layer gets one predecessor, the rest are spread at random.
  for (let k = 0; k < shape.links; k++) {
    const s = k < linked ? perLayer + k : rng.int(perLayer, shape.milestones - 1);
    const lo = Math.max(0, layerOf(s) - 3) * perLayer;
    const hi = layerOf(s) * perLayer - 1;
    edges.push([rng.int(lo, hi), s, rng.int(-2, 5)]);
  }
  const preds: [number, number][][] = Array.from({ length: shape.milestones }, () => []);
  for (const [p, s, lag] of edges) preds[s]?.push([p, lag]);
  const start = plainDate('2027-01-04');
  const dates: PlainDate[] = [];
  for (let i = 0; i < shape.milestones; i++) {
    let d = layerOf(i) === 0 ? addBusinessDays(cal, start, rng.int(0, 5)) : start;
    for (const [p, lag] of preds[i] ?? []) {
      const due = addBusinessDays(cal, dates[p] as PlainDate, lag);
      if (due > d) d = due;
    }
    dates.push(rng.chance(0.3) ? addBusinessDays(cal, d, rng.int(1, 3)) : d);
  }
  const milestones = dates.map((forecastDate, i) => ({ id: asMilestoneId(`m${i}`), key: `M-${i + 1}`, forecastDate, actualDate: null }));
  const links = edges.map(([p, s, lagDays]) => ({ predecessorId: asMilestoneId(`m${p}`), successorId: asMilestoneId(`m${s}`), lagDays }));
  const built = buildDependencyGraph(milestones, links);
  if (!built.ok) throw new Error(`synthetic DAG refused: ${built.error.message}`);
  const last = dates.reduce(maxDate);
  return {
    milestones,
    links,
    graph: built.value,
    targetRelease: addBusinessDays(cal, last, 10),
    firstLayer: Array.from({ length: perLayer }, (_, i) => i),
  };
}
