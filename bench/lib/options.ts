import { parseArgs } from 'node:util';

export const dialects = ['sqlite', 'postgres'] as const;
export type Dialect = (typeof dialects)[number];

export interface BenchOptions {
  /** Programs in the synthetic portfolio. */
  readonly programs: number;
  /** Milestones per program. */
  readonly milestones: number;
  readonly dialects: readonly Dialect[];
  /** Operation names to run; empty runs all. */
  readonly only: readonly string[];
  readonly seed: number;
  /** Measuring time budget per operation, in ms (after warm-up). */
  readonly timeMs: number;
  /** Minimum measured samples per operation. */
  readonly minSamples: number;
  /** The PostgreSQL server's admin database; each run creates and drops its own database beside it. */
  readonly pgUrl: string;
  /** Write bench/results/<timestamp>-<dialect>.json. */
  readonly save: boolean;
  /** --seed was given (the crash test draws a seed of its own otherwise, and prints it). */
  readonly seedGiven: boolean;
  /** Crash test (`--only crash`): kill cycles per dialect. */
  readonly kills: number;
  /** Crash test: concurrent writing clients. */
  readonly clients: number;
  /** Crash test and HTTP load: run a snapshot of src/ transpiled at the start, or the built bin/tollgate.js. */
  readonly server: 'snapshot' | 'built';
  /** Keep the generated database and reuse it when one of the same portfolio and schema is kept (SQLite files in this directory). */
  readonly keep: string | null;
  /** Drop every kept database and exit. */
  readonly dropKept: boolean;
  /** HTTP load: seconds of the program-page and portfolio phases (the burst lasts two thirds of it). */
  readonly httpSeconds: number;
  /** HTTP load: connections of the burst. */
  readonly burst: number;
  /** HTTP load: the server's V8 heap bound in MB (--max-old-space-size), as the README runs it; 0: V8's default. */
  readonly serverHeapMb: number;
}

/** The heap bound the README's production settings give the server (NODE_OPTIONS=--max-old-space-size=256). */
export const recommendedHeapMb = 256;

export const usage = `Usage: npm run bench -- [options]

  --programs N        programs in the synthetic portfolio (default 200)
  --milestones M      milestones per program (default 50)
  --dialect D         sqlite | postgres | both (default both)
  --only NAME[,NAME]  run only these operations or groups (repeatable); "propagate"
                      runs the in-memory schedule operations alone, without a database;
                      "http-load" the HTTP load on the real server; "crash" runs the
                      crash-safety test (below)
  --seed S            PRNG seed for the portfolio and the targets (default 1)
  --time MS           measuring time per operation after warm-up (default 2000)
  --min-samples N     minimum measured samples per operation (default 20)
  --pg-url URL        PostgreSQL admin database (default $TOLLGATE_BENCH_PG_URL or
                      postgres://postgres@127.0.0.1:5432/test)
  --no-save           do not write bench/results/*.json
  --keep DIR          keep the generated database and reuse it on later runs with the same
                      seed, sizes and schema (SQLite: a file in DIR; PostgreSQL: a database
                      tollgate_bench_keep_<key>); each run works on a copy
  --drop-kept         drop every kept database (the files in --keep DIR, default bench/.keep,
                      and PostgreSQL's tollgate_bench_keep_*) and exit

  HTTP load (operation "http-load", part of the default run):
  --http-seconds N    seconds of the program-page and portfolio phases (default 15;
                      the burst lasts two thirds of it)
  --burst N           connections of the burst (default 2000)
  --server-heap-mb N  the server's JavaScript heap bound, --max-old-space-size (default 256,
                      as the README runs it in production; 0: V8's own default)

  Crash test, only with --only crash (not part of the default run):
  --kills N           SIGKILL/restart/verify cycles per dialect (default 50)
  --clients N         concurrent writing clients (default 4)
  --server S          snapshot (src/ transpiled once at the start, default) |
                      built (bin/tollgate.js; npm run build:server first); also for http-load
                      --seed S repeats a run's kill moments and writes (default: a random seed, printed)
  -h, --help          show this help
`;

export class UsageError extends Error {}

function positiveInt(name: string, raw: string | undefined, fallback: number, min = 1): number {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min) throw new UsageError(`--${name} must be an integer >= ${min}, got "${raw}"`);
  return n;
}

function serverMode(raw: string | undefined): 'snapshot' | 'built' {
  if (raw === undefined) return 'snapshot';
  if (raw !== 'snapshot' && raw !== 'built') throw new UsageError(`--server must be snapshot or built, got "${raw}"`);
  return raw;
}

/** Parses the command line; null means help was asked for. */
export function parseOptions(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): BenchOptions | null {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const v = parsed.values;
  if (v.help) return null;
  const dialect = v.dialect ?? 'both';
  if (dialect !== 'both' && !dialects.includes(dialect as Dialect)) {
    throw new UsageError(`--dialect must be sqlite, postgres or both, got "${dialect}"`);
  }
  return {
    programs: positiveInt('programs', v.programs, 200),
    milestones: positiveInt('milestones', v.milestones, 50, 2),
    dialects: dialect === 'both' ? dialects : [dialect as Dialect],
    only: (v.only ?? [])
      .flatMap((s) => s.split(','))
      .map((s) => s.trim())
      .filter((s) => s.length > 0),
    seed: positiveInt('seed', v.seed, 1, 0),
    timeMs: positiveInt('time', v.time, 2000, 0),
    minSamples: positiveInt('min-samples', v['min-samples'], 20),
    pgUrl: v['pg-url'] ?? env.TOLLGATE_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
    save: !v['no-save'],
    seedGiven: v.seed !== undefined,
    kills: positiveInt('kills', v.kills, 50),
    clients: positiveInt('clients', v.clients, 4),
    server: serverMode(v.server),
    keep: v.keep ?? (v['drop-kept'] ? 'bench/.keep' : null),
    dropKept: v['drop-kept'] ?? false,
    httpSeconds: positiveInt('http-seconds', v['http-seconds'], 15),
    burst: positiveInt('burst', v.burst, 2000),
    serverHeapMb: positiveInt('server-heap-mb', v['server-heap-mb'], recommendedHeapMb, 0),
  };
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    strict: true,
    allowPositionals: false,
    options: {
      programs: { type: 'string' },
      milestones: { type: 'string' },
      dialect: { type: 'string' },
      only: { type: 'string', multiple: true },
      seed: { type: 'string' },
      time: { type: 'string' },
      'min-samples': { type: 'string' },
      'pg-url': { type: 'string' },
      'no-save': { type: 'boolean' },
      kills: { type: 'string' },
      clients: { type: 'string' },
      server: { type: 'string' },
      keep: { type: 'string' },
      'drop-kept': { type: 'boolean' },
      'http-seconds': { type: 'string' },
      burst: { type: 'string' },
      'server-heap-mb': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}
