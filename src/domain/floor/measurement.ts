import type { MeasurementDetails } from './floor-event.js';

/**
 * The fewest values Cpk is worked out from. Below five, the sample standard deviation is too uncertain
 * to judge a process by (with four values the 90 % interval of σ spans about 0.6 σ to 2.9 σ, so a Cpk
 * of 1.33 could as well be 0.5 or 2.2): Tollgate shows none rather than a number that misleads.
 */
export const cpkMinValues = 5;

/** A value outside the specification limits, where it stands in the list. */
export interface OutOfLimits {
  readonly index: number;
  readonly value: number;
  readonly side: 'below' | 'above';
}

/** Why a measurement has no Cpk. */
export type NoCpkReason = 'too_few_values' | 'no_spread';

export interface MeasurementFacts {
  readonly count: number;
  readonly mean: number;
  /** The sample standard deviation (n − 1); null for a single value. */
  readonly stdDev: number | null;
  readonly min: number;
  readonly max: number;
  readonly outOfLimits: readonly OutOfLimits[];
  /** Cpk, or Cpu / Cpl when only one limit is set (one-sided); null when there is none (`noCpk` says why). */
  readonly cpk: number | null;
  readonly isOneSided: boolean;
  readonly noCpk: NoCpkReason | null;
}

/** A value is out of limits when it lies below the lower or above the upper specification limit (a value on a limit is in). */
export function outOfLimits(m: Pick<MeasurementDetails, 'lowerLimit' | 'upperLimit' | 'values'>): OutOfLimits[] {
  const out: OutOfLimits[] = [];
  m.values.forEach((value, index) => {
    if (m.lowerLimit !== null && value < m.lowerLimit) out.push({ index, value, side: 'below' });
    else if (m.upperLimit !== null && value > m.upperLimit) out.push({ index, value, side: 'above' });
  });
  return out;
}

/**
 * Mean, sample standard deviation, the values out of limits, and Cpk = min(USL − mean, mean − LSL) / 3σ
 * from at least `cpkMinValues` values (one-sided with one limit); none when the values do not spread.
 */
export function measurementFacts(m: MeasurementDetails): MeasurementFacts {
  const n = m.values.length;
  const mean = m.values.reduce((s, v) => s + v, 0) / n;
  const stdDev = n < 2 ? null : Math.sqrt(m.values.reduce((s, v) => s + (v - mean) ** 2, 0) / (n - 1));
  const isOneSided = m.lowerLimit === null || m.upperLimit === null;
  const sides = [m.upperLimit === null ? null : m.upperLimit - mean, m.lowerLimit === null ? null : mean - m.lowerLimit].filter(
    (d): d is number => d !== null,
  );
  const noCpk: NoCpkReason | null = n < cpkMinValues ? 'too_few_values' : stdDev === null || stdDev === 0 ? 'no_spread' : null;
  const cpk = noCpk === null && stdDev !== null ? Math.min(...sides) / (3 * stdDev) : null;
  return {
    count: n,
    mean,
    stdDev,
    min: Math.min(...m.values),
    max: Math.max(...m.values),
    outOfLimits: outOfLimits(m),
    cpk,
    isOneSided,
    noCpk,
  };
}
