import type { Actor, AppDeps } from '../../src/app/deps.js';
import type { Result } from '../../src/domain/result.js';
import type { StoreConfig } from '../../src/store/open-store.js';
import type { Dialect } from '../lib/options.js';
import type { Portfolio } from '../lib/portfolio.js';
import type { Rng } from '../lib/prng.js';

/** What every operation gets: the real use-case dependencies over a generated portfolio. */
export interface BenchContext {
  readonly dialect: Dialect;
  /** The use cases' dependencies, as the server wires them (uuidv7 ids, argon2), the clock running from the bench instant. */
  readonly deps: AppDeps;
  /** The run's database, for an operation that opens a store of its own on it (e.g. with its statements counted). */
  readonly storeConfig: StoreConfig;
  /** The person operations act as unless they say otherwise: the lead, a cadence owner on every client. */
  readonly actor: Actor;
  /** What the generator created: ids to pick targets from. */
  readonly portfolio: Portfolio;
  /** Seeded from --seed and the operation's name, so each operation's targets repeat run to run. */
  readonly rng: Rng;
  /** A line for the report (what one call reads, sizes) printed under the table. */
  note(line: string): void;
}

/**
 * One benchmarked operation. `setup` runs once, untimed, and returns the state the other hooks
 * share; `beforeEach` runs untimed before every call (warm-up included), for choosing a target
 * or re-reading a version; only `run` is timed.
 */
export interface OperationSpec<S> {
  /** Short kebab-case name, shown in the table and accepted by --only. */
  readonly name: string;
  /** One line: what a user does that this measures. */
  readonly description: string;
  /** The p95 this operation should stay under (issue 10's targets), ms: the table marks it met or not. */
  readonly targetP95Ms?: number;
  setup?(ctx: BenchContext): Promise<S> | S;
  beforeEach?(ctx: BenchContext, state: S): Promise<void> | void;
  run(ctx: BenchContext, state: S): Promise<unknown>;
}

/** An operation with its state type erased, as the registry holds it. */
export interface Operation {
  readonly kind: 'store';
  readonly name: string;
  readonly description: string;
  readonly targetP95Ms?: number;
  /** Runs setup and returns the untimed per-call hook and the timed call. */
  prepare(ctx: BenchContext): Promise<PreparedOperation>;
}

export interface PreparedOperation {
  readonly beforeEach: () => Promise<void> | void;
  readonly run: () => Promise<unknown>;
}

/** Declares an operation; the state type flows from setup to beforeEach and run. */
export function defineOperation<S = undefined>(spec: OperationSpec<S>): Operation {
  return {
    kind: 'store',
    name: spec.name,
    description: spec.description,
    ...(spec.targetP95Ms === undefined ? {} : { targetP95Ms: spec.targetP95Ms }),
    async prepare(ctx) {
      const state = (spec.setup ? await spec.setup(ctx) : undefined) as S;
      return {
        beforeEach: () => spec.beforeEach?.(ctx, state),
        run: () => spec.run(ctx, state),
      };
    },
  };
}

/** Unwraps a use case's result; a refusal fails the benchmark instead of timing an error path. */
export function expectOk<T>(r: Result<T>, what: string): T {
  if (!r.ok) throw new Error(`${what} refused: ${r.error.code}: ${r.error.message}`);
  return r.value;
}

/** What a pure operation gets: no database, only the seed (for shared fixtures) and its own PRNG. */
export interface PureContext {
  readonly seed: number;
  /** Seeded from --seed and the operation's name. */
  readonly rng: Rng;
  /** A line for the report (sizes, counts) printed under the table. */
  note(line: string): void;
}

/** A pure operation: domain functions over in-memory data, measured once per run, not per dialect. */
export interface PureOperationSpec<S> {
  readonly name: string;
  readonly description: string;
  /** Lets --only select a family of operations by one name. */
  readonly group?: string;
  /** Another pure operation's name: the report shows this one's mean as a multiple of that one's. */
  readonly baseline?: string;
  setup?(ctx: PureContext): Promise<S> | S;
  beforeEach?(ctx: PureContext, state: S): Promise<void> | void;
  run(ctx: PureContext, state: S): unknown;
}

export interface PureOperation {
  readonly kind: 'pure';
  readonly name: string;
  readonly description: string;
  readonly group?: string;
  readonly baseline?: string;
  prepare(ctx: PureContext): Promise<PreparedOperation>;
}

export function definePureOperation<S = undefined>(spec: PureOperationSpec<S>): PureOperation {
  return {
    kind: 'pure',
    name: spec.name,
    description: spec.description,
    ...(spec.group === undefined ? {} : { group: spec.group }),
    ...(spec.baseline === undefined ? {} : { baseline: spec.baseline }),
    async prepare(ctx) {
      const state = (spec.setup ? await spec.setup(ctx) : undefined) as S;
      return {
        beforeEach: () => spec.beforeEach?.(ctx, state),
        run: async () => spec.run(ctx, state),
      };
    },
  };
}
