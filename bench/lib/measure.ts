import { setImmediate } from 'node:timers/promises';
import { Bench } from 'tinybench';
import type { PreparedOperation } from '../operations/types.js';

export interface MeasureOptions {
  /** Measuring time budget in ms; sampling continues until both it and minSamples are met. */
  readonly timeMs: number;
  readonly minSamples: number;
  /** Stops the measurement before the next call; measure() then throws the signal's reason. */
  readonly signal?: AbortSignal;
}

/** Latency statistics of one operation, in milliseconds. */
export interface OperationResult {
  readonly name: string;
  readonly description: string;
  readonly samples: number;
  readonly meanMs: number;
  readonly p50Ms: number;
  readonly p95Ms: number;
  readonly p99Ms: number;
  readonly minMs: number;
  readonly maxMs: number;
  /** Relative margin of error of the mean (95 %), in percent. */
  readonly rmePercent: number;
  /** Sequential throughput: 1000 / mean. */
  readonly opsPerSecond: number;
  /** Untimed setup of the operation, in ms. */
  readonly setupMs: number;
  /** The p95 the operation should stay under, if it has a target. */
  readonly targetP95Ms?: number;
}

/** Linear interpolation between order statistics, as tinybench computes its own percentiles. */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const a = sorted[lo] as number;
  const b = sorted[Math.min(lo + 1, sorted.length - 1)] as number;
  return a + (b - a) * (pos - lo);
}

/**
 * Runs one operation under tinybench: setup once (untimed), a warm-up (at least 8 calls and
 * 250 ms, discarded), then sequential timed calls; each call's beforeEach is untimed.
 */
export async function measure<C>(
  op: { readonly name: string; readonly description: string; readonly targetP95Ms?: number; prepare(ctx: C): Promise<PreparedOperation> },
  ctx: C,
  opts: MeasureOptions,
): Promise<OperationResult> {
  const setupStart = performance.now();
  const prepared = await op.prepare(ctx);
  const setupMs = performance.now() - setupStart;
  const bench = new Bench({
    name: op.name,
    time: opts.timeMs,
    iterations: opts.minSamples,
    warmupTime: 250,
    warmupIterations: 8,
    retainSamples: true,
    throws: true,
  });
  // The untimed hop to the event loop lets a Ctrl-C handler run between calls (see portfolio.ts);
  // the signal is checked here rather than handed to tinybench, which never removes its listener.
  const beforeEach = async () => {
    await setImmediate();
    opts.signal?.throwIfAborted();
    await prepared.beforeEach();
  };
  bench.add(op.name, prepared.run, { async: true, beforeEach });
  await bench.run();
  const task = bench.getTask(op.name);
  const result = task?.result;
  if (result?.state !== 'completed') {
    const error = result?.state === 'errored' ? result.error : undefined;
    throw new Error(`${op.name} did not complete (${result?.state ?? 'not run'})`, { cause: error });
  }
  const l = result.latency;
  const sorted = l.samples ?? [];
  return {
    name: op.name,
    description: op.description,
    samples: l.samplesCount,
    meanMs: l.mean,
    p50Ms: l.p50,
    p95Ms: quantile(sorted, 0.95),
    p99Ms: l.p99,
    minMs: l.min,
    maxMs: l.max,
    rmePercent: l.rme,
    opsPerSecond: l.mean > 0 ? 1000 / l.mean : 0,
    setupMs,
    ...(op.targetP95Ms === undefined ? {} : { targetP95Ms: op.targetP95Ms }),
  };
}
