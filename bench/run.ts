import { existsSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { uuidv7 } from 'uuidv7';
import type { AppDeps } from '../src/app/deps.js';
import { argon2Passwords } from '../src/main/passwords.js';
import { openStore } from '../src/store/open-store.js';
import { crashFailed, formatCrash, runCrash, saveCrashReport } from './crash/crash.js';
import { type ServerSnapshot, snapshotServer } from './crash/snapshot.js';
import { type BenchDatabase, createDatabase, dropKept, keptDatabase, openForGeneration, settle } from './lib/database.js';
import { type HttpLoadReport, runHttpLoad } from './lib/http-load.js';
import { measure, type OperationResult } from './lib/measure.js';
import { type BenchOptions, type Dialect, parseOptions, UsageError, usage } from './lib/options.js';
import {
  benchEmails,
  benchInstant,
  benchPassword,
  clockFrom,
  type GenerateResult,
  generatePortfolio,
  generatorVersion,
  loadPortfolio,
} from './lib/portfolio.js';
import { createRng } from './lib/prng.js';
import {
  type DialectReport,
  formatComparison,
  formatDialect,
  formatPure,
  generationLine,
  load1,
  type PureReport,
  savePureReport,
  saveReport,
} from './lib/report.js';
import { operations, pureOperations } from './operations/index.js';
import type { Operation, PureOperation } from './operations/types.js';

/**
 * Programs generated at once. PostgreSQL overlaps round trips and shares commit flushes across
 * connections (the pool holds 10); SQLite has one connection, so more would only queue.
 */
const generationConcurrency: Record<Dialect, number> = { sqlite: 1, postgres: 6 };

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const resultsDir = join(repoRoot, 'bench', 'results');
const log = (line: string) => process.stderr.write(`${line}\n`);

/**
 * Ctrl-C stops after the current use-case call, then closes the store and drops the database as a
 * failed run does. A second Ctrl-C drops whatever is left (ending its connections) and exits.
 */
const interrupt = new AbortController();
const live = new Set<BenchDatabase>();
process.once('SIGINT', () => {
  log('\ninterrupted: stopping and dropping the benchmark database… (Ctrl-C again to force)');
  interrupt.abort(new Error('interrupted'));
  process.once('SIGINT', () => {
    void Promise.allSettled([...live].map((db) => db.drop())).finally(() => process.exit(130));
  });
});

interface Selection {
  readonly store: readonly Operation[];
  readonly pure: readonly PureOperation[];
  /** HTTP load on the real server (bench/lib/http-load.ts): part of the default run. */
  readonly http: boolean;
  /** The crash test (bench/crash/): only when named, never part of the default run. */
  readonly crash: boolean;
}

/** --only names operations, or a pure operation's group (e.g. `propagate`), or `http-load`, or `crash`. */
function selectOperations(only: readonly string[]): Selection {
  if (only.length === 0) return { store: operations, pure: pureOperations, http: true, crash: false };
  const known = new Set([
    'crash',
    'http-load',
    ...operations.map((o) => o.name),
    ...pureOperations.flatMap((o) => [o.name, o.group ?? o.name]),
  ]);
  const unknown = only.filter((n) => !known.has(n));
  if (unknown.length > 0) throw new UsageError(`unknown operation ${unknown.join(', ')}; known: ${[...known].join(', ')}`);
  return {
    store: operations.filter((o) => only.includes(o.name)),
    pure: pureOperations.filter((o) => only.includes(o.name) || (o.group !== undefined && only.includes(o.group))),
    http: only.includes('http-load'),
    crash: only.includes('crash'),
  };
}

async function runPure(opts: BenchOptions, selected: readonly PureOperation[]): Promise<PureReport> {
  const startedAt = new Date().toISOString();
  const rng = createRng(opts.seed);
  const notes: string[] = [];
  const results: OperationResult[] = [];
  for (const op of selected) {
    log(`[pure] measuring ${op.name}…`);
    const ctx = { seed: opts.seed, rng: rng.derive(`operation:${op.name}`), note: (line: string) => notes.push(line) };
    results.push(await measure(op, ctx, { timeMs: opts.timeMs, minSamples: opts.minSamples, signal: interrupt.signal }));
  }
  const baselines = Object.fromEntries(selected.flatMap((o) => (o.baseline ? [[o.name, o.baseline]] : [])));
  return { startedAt, finishedAt: new Date().toISOString(), results, baselines, notes };
}

/** Generates the portfolio into a fresh database through the real use cases, then settles it (PostgreSQL: VACUUM ANALYZE). */
async function generate(dialect: Dialect, db: BenchDatabase, opts: BenchOptions): Promise<{ result: GenerateResult; ms: number }> {
  const gen = await openForGeneration(db);
  const t0 = performance.now();
  try {
    // bareAnswers: milestone writes answer without the figures read after commit (which change no row).
    const deps: AppDeps = {
      store: gen.store,
      clock: clockFrom(benchInstant),
      newId: uuidv7,
      passwords: argon2Passwords,
      bareAnswers: true,
    };
    const step = Math.max(1, Math.ceil(opts.programs / 10));
    const result = await generatePortfolio(deps, createRng(opts.seed).derive('portfolio'), {
      programs: opts.programs,
      milestones: opts.milestones,
      concurrency: generationConcurrency[dialect],
      now: benchInstant,
      signal: interrupt.signal,
      progress: (done, calls) => {
        if (done % step !== 0 && done !== opts.programs) return;
        const s = (performance.now() - t0) / 1000;
        log(
          `[${dialect}] generating: ${done}/${opts.programs} programs (${Math.round((100 * done) / opts.programs)}%), ${calls} use-case calls (${Math.round(calls / s)}/s), ${s.toFixed(1)} s`,
        );
      },
    });
    await gen.close();
    await settle(db);
    return { result, ms: performance.now() - t0 };
  } catch (e) {
    await gen.close();
    throw e;
  }
}

async function runDialect(dialect: Dialect, opts: BenchOptions, selected: Selection, serverEntry: string | null): Promise<DialectReport> {
  const startedAt = new Date().toISOString();
  const loadStart = load1();
  const identity = {
    generator: generatorVersion,
    seed: opts.seed,
    programs: opts.programs,
    milestones: opts.milestones,
    at: benchInstant.toISOString(),
  };
  const kept = opts.keep ? keptDatabase({ dialect, pgUrl: opts.pgUrl, dir: opts.keep, identity }) : null;
  let db = kept ? await kept.find() : null;
  const reused = db !== null;
  if (reused)
    log(
      `[${dialect}] reusing the kept ${kept?.location} (a copy${kept?.behind ? `, ${kept.behind} migration(s) behind: migrated before use` : ''})`,
    );
  db ??= await createDatabase(dialect, opts.pgUrl);
  live.add(db);
  try {
    let generated: { result: GenerateResult; ms: number } | null = null;
    if (!reused) {
      generated = await generate(dialect, db, opts);
      if (kept) {
        await kept.keep(db);
        log(`[${dialect}] kept as ${kept.location}`);
      }
    }
    const rows = await db.countRows();
    const totalRows = Object.values(rows).reduce((a, b) => a + b, 0);
    const genMs = generated?.ms ?? 0;
    const calls = generated?.result.calls ?? 0;
    const generation = {
      ms: genMs,
      reused,
      kept: kept?.location ?? null,
      programs: opts.programs,
      milestones: opts.programs * opts.milestones,
      calls,
      byUseCase: generated?.result.byUseCase ?? {},
      concurrency: generationConcurrency[dialect],
      rows,
      totalRows,
      rowsPerSecond: genMs > 0 ? totalRows / (genMs / 1000) : 0,
      callsPerSecond: genMs > 0 ? calls / (genMs / 1000) : 0,
    };
    log(`[${dialect}] ${generationLine(generation)}`);

    const rng = createRng(opts.seed);
    const opened = openStore(db.storeConfig);
    const results: OperationResult[] = [];
    const notes: string[] = [];
    let portfolio: Awaited<ReturnType<typeof loadPortfolio>>;
    try {
      await opened.migrate();
      const deps: AppDeps = { store: opened.store, clock: clockFrom(benchInstant), newId: uuidv7, passwords: argon2Passwords };
      portfolio = await loadPortfolio(opened.store.reads);
      for (const op of selected.store) {
        log(`[${dialect}] measuring ${op.name}…`);
        const ctx = {
          dialect,
          deps,
          storeConfig: db.storeConfig,
          actor: portfolio.lead,
          portfolio,
          rng: rng.derive(`operation:${op.name}`),
          note: (line: string) => notes.push(`${op.name}: ${line}`),
        };
        results.push(await measure(op, ctx, { timeMs: opts.timeMs, minSamples: opts.minSamples, signal: interrupt.signal }));
      }
    } finally {
      await opened.store.close();
    }

    let http: HttpLoadReport | null = null;
    if (selected.http && serverEntry && !interrupt.signal.aborted) {
      http = await runHttpLoad(
        {
          dialect,
          entry: serverEntry,
          databaseUrl: db.storeConfig.databaseUrl,
          dataDir: db.storeConfig.dataDir,
          now: benchInstant,
          email: benchEmails.lead,
          password: benchPassword,
          portfolio,
          rng: rng.derive('http-load'),
          seconds: opts.httpSeconds,
          pageConnections: 200,
          portfolioConnections: 10,
          burstConnections: opts.burst,
          burstTimeoutSeconds: 5,
          heapMb: opts.serverHeapMb,
          signal: interrupt.signal,
          log,
        },
        join(db.storeConfig.dataDir, 'server.log'),
      );
    }
    return {
      dialect,
      location: db.location,
      startedAt,
      finishedAt: new Date().toISOString(),
      generation,
      benchInstant: benchInstant.toISOString(),
      loadAverage: { start: loadStart, end: load1() },
      results,
      notes,
      http,
    };
  } finally {
    await db.drop();
    live.delete(db);
  }
}

/** The server code http-load runs: src/ transpiled once (as the crash test does), or the build. */
function serverCode(opts: BenchOptions): { entry: string; snapshot: ServerSnapshot | null } {
  if (opts.server === 'built') {
    if (!existsSync(join(repoRoot, 'dist', 'main', 'cli.js')))
      throw new Error('dist/main/cli.js is missing: run `npm run build:server` first');
    return { entry: join(repoRoot, 'bin', 'tollgate.js'), snapshot: null };
  }
  const t = performance.now();
  const snapshot = snapshotServer(repoRoot);
  log(`[http-load] server code: ${snapshot.files} files of src/ transpiled in ${Math.round(performance.now() - t)} ms`);
  return { entry: snapshot.entry, snapshot };
}

/** The crash test: SIGKILL the real server under write load, restart, verify; true when it failed. */
async function crash(opts: BenchOptions): Promise<boolean> {
  const seed = opts.seedGiven ? opts.seed : Math.floor(Math.random() * 2 ** 31);
  const o = {
    dialects: opts.dialects,
    kills: opts.kills,
    clients: opts.clients,
    seed,
    pgUrl: opts.pgUrl,
    server: opts.server,
    minLoadMs: 300,
    maxLoadMs: 1500,
  };
  log(`[crash] seed ${seed} (repeat with --seed ${seed}); ${o.kills} kills per dialect, ${o.clients} clients`);
  try {
    const reports = await runCrash({ ...o, repoRoot, signal: interrupt.signal, live }, log);
    process.stdout.write(`\n${formatCrash(reports, o)}\n`);
    if (opts.save) log(`[crash] wrote ${relative(process.cwd(), saveCrashReport(resultsDir, o, reports))}`);
    const failed = crashFailed(reports);
    process.stdout.write(failed ? '\ncrash test FAILED\n' : '\ncrash test passed: nothing acknowledged was lost, nothing inconsistent\n');
    return failed;
  } catch (e) {
    log(`[crash] failed to run: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    return true;
  }
}

async function main(): Promise<number> {
  let opts: BenchOptions | null;
  let selected: Selection;
  try {
    opts = parseOptions(process.argv.slice(2));
    if (!opts) {
      process.stdout.write(usage);
      return 0;
    }
    selected = selectOperations(opts.only);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    log(`bench: ${e.message}\n\n${usage}`);
    return 2;
  }
  if (opts.dropKept) {
    const dropped = await dropKept(opts.keep ?? 'bench/.keep', opts.pgUrl);
    log(dropped.length > 0 ? `dropped ${dropped.join(', ')}` : 'no kept database to drop');
    return 0;
  }
  const reports: DialectReport[] = [];
  let failed = false;
  if (selected.pure.length > 0) {
    try {
      const report = await runPure(opts, selected.pure);
      process.stdout.write(`\n${formatPure(report)}\n`);
      if (opts.save) log(`[pure] wrote ${relative(process.cwd(), savePureReport(resultsDir, opts, report))}`);
    } catch (e) {
      failed = true;
      log(`[pure] benchmark failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    }
  }
  // Pure operations need no database: a run of only those skips the dialects.
  let server: ReturnType<typeof serverCode> | null = null;
  try {
    if (selected.http) server = serverCode(opts);
  } catch (e) {
    log(`[http-load] ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  }
  for (const dialect of selected.store.length > 0 || selected.http ? opts.dialects : []) {
    if (interrupt.signal.aborted) break;
    try {
      const report = await runDialect(dialect, opts, selected, server?.entry ?? null);
      reports.push(report);
      process.stdout.write(`\n${formatDialect(report)}\n`);
      if (opts.save) log(`[${dialect}] wrote ${relative(process.cwd(), saveReport(resultsDir, opts, report))}`);
    } catch (e) {
      failed = true;
      if (interrupt.signal.aborted) {
        log(`[${dialect}] interrupted; database dropped`);
        break;
      }
      log(`[${dialect}] benchmark failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      if (e instanceof Error && e.cause) log(`  cause: ${String(e.cause)}`);
    }
  }
  server?.snapshot?.remove();
  if (reports.length > 1 && reports.some((r) => r.results.length > 0)) process.stdout.write(`\n${formatComparison(reports)}\n`);
  if (selected.crash && !interrupt.signal.aborted) failed = (await crash(opts)) || failed;
  return interrupt.signal.aborted ? 130 : failed ? 1 : 0;
}

process.exitCode = await main();
