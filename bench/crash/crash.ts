import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { type BenchDatabase, createDatabase } from '../lib/database.js';
import type { Dialect } from '../lib/options.js';
import { createRng } from '../lib/prng.js';
import { call, type MilestoneJson, must, signIn } from './api.js';
import { type InFlightWrite, type LoadState, runClient } from './load.js';
import { killAll, type ServerMode, type ServerProcess, startServer } from './server.js';
import { type ServerSnapshot, snapshotServer } from './snapshot.js';
import { openReader, selfTest, verify } from './verify.js';

export interface CrashOptions {
  readonly dialects: readonly Dialect[];
  /** Kill cycles per dialect. */
  readonly kills: number;
  /** Concurrent writing clients; each writes in its own programs. */
  readonly clients: number;
  readonly seed: number;
  readonly pgUrl: string;
  readonly server: ServerMode;
  /** Load before each kill: a duration drawn from [min, max] ms. */
  readonly minLoadMs: number;
  readonly maxLoadMs: number;
  readonly repoRoot: string;
  readonly signal: AbortSignal;
  /** Databases in use, for the caller to drop on a forced exit (a second Ctrl-C). */
  readonly live?: Set<BenchDatabase>;
}

export interface CrashReport {
  readonly dialect: Dialect;
  readonly kills: number;
  readonly acknowledged: number;
  readonly acknowledgedByKind: Record<string, number>;
  readonly signIns: number;
  readonly inFlight: number;
  readonly inFlightCommitted: number;
  readonly lost: number;
  readonly inconsistencies: number;
  /** The first findings of each sort, for the report. */
  readonly findings: readonly string[];
  readonly refusals: Record<string, number>;
  readonly serverErrors: Record<string, number>;
  readonly restartMs: { readonly p50: number; readonly max: number };
  readonly ms: number;
  /** Why the run of this dialect stopped before its kills were done (the server did not start, …). */
  readonly error?: string;
}

const demoLead = { email: 'lead@demo.test', password: 'tollgate-demo' };
const maxFindings = 20;

/** Runs the crash test on each dialect in turn; a dialect that fails to run throws after cleaning up. */
export async function runCrash(o: CrashOptions, log: (line: string) => void): Promise<CrashReport[]> {
  let snapshot: ServerSnapshot | null = null;
  let entry = join(o.repoRoot, 'bin', 'tollgate.js');
  if (o.server === 'built') {
    if (!existsSync(join(o.repoRoot, 'dist', 'main', 'cli.js')))
      throw new Error('dist/main/cli.js is missing: run `npm run build:server` first');
  } else {
    const t = performance.now();
    snapshot = snapshotServer(o.repoRoot);
    entry = snapshot.entry;
    log(`[crash] server code: ${snapshot.files} files of src/ transpiled in ${Math.round(performance.now() - t)} ms`);
  }
  try {
    return await runDialects(o, entry, log);
  } finally {
    snapshot?.remove();
  }
}

async function runDialects(o: CrashOptions, entry: string, log: (line: string) => void): Promise<CrashReport[]> {
  const reports: CrashReport[] = [];
  for (const dialect of o.dialects) {
    if (o.signal.aborted) break;
    try {
      reports.push(await runDialect(dialect, o, entry, log));
    } catch (e) {
      const error = e instanceof Error ? (e.stack ?? e.message) : String(e);
      log(`[crash ${dialect}] failed to run: ${error}`);
      reports.push({ ...emptyReport(dialect), error: error.split('\n')[0] ?? error });
    }
  }
  return reports;
}

const emptyReport = (dialect: Dialect): CrashReport => ({
  dialect,
  kills: 0,
  acknowledged: 0,
  acknowledgedByKind: {},
  signIns: 0,
  inFlight: 0,
  inFlightCommitted: 0,
  lost: 0,
  inconsistencies: 0,
  findings: [],
  refusals: {},
  serverErrors: {},
  restartMs: { p50: 0, max: 0 },
  ms: 0,
});

async function runDialect(dialect: Dialect, o: CrashOptions, entry: string, log: (line: string) => void): Promise<CrashReport> {
  const t0 = performance.now();
  const rng = createRng(o.seed).derive(`crash:${dialect}`);
  const db = await createDatabase(dialect, o.pgUrl);
  o.live?.add(db);
  const where = { databaseUrl: db.storeConfig.databaseUrl, dataDir: db.storeConfig.dataDir };
  let server: ServerProcess | null = null;
  const reader = await openReader(dialect, { databaseUrl: where.databaseUrl, sqliteFile: join(where.dataDir, 'tollgate.db') }).catch(
    async (e: unknown) => {
      await db.drop();
      o.live?.delete(db);
      throw e;
    },
  );
  try {
    const start = (demo: boolean) => startServer({ entry, ...where, demo, timeoutMs: demo ? 120_000 : 60_000 });
    log(`[crash ${dialect}] ${db.location}: starting the server with the demo portfolio…`);
    server = await start(true);
    let session = await signIn(server.url, demoLead.email, demoLead.password);
    let signIns = 1;
    const programs = ((await must(server.url, session, '/api/v1/programs')).items as { id: string; code: string }[]).map((p) => p.id);
    const clients = Math.min(o.clients, programs.length);
    const state: LoadState = { dialect, acked: [], milestones: new Map(), refusals: new Map(), serverErrors: new Map() };
    const lost: string[] = [];
    const inconsistent: string[] = [];
    const note = (into: string[], cycle: number, lines: readonly string[]) => {
      for (const l of lines) into.push(`kill ${cycle}: ${l}`);
    };

    /** Re-reads every program's milestones through the API and checks they match the database. */
    const refresh = async (cycle: number, base: string) => {
      const snapshot = await reader.snapshot();
      state.milestones.clear();
      for (const id of programs) {
        const items = (await must(base, session, `/api/v1/programs/${id}/milestones`)).items as MilestoneJson[];
        for (const m of items) {
          const row = snapshot.milestones.get(m.id);
          if (!row || Number(row.version) !== m.version || row.forecast_date !== m.forecastDate) {
            note(inconsistent, cycle, [
              `the API shows ${m.key} at version ${m.version}, the database ${row ? String(row.version) : 'not at all'}`,
            ]);
          }
          state.milestones.set(m.id, {
            id: m.id,
            key: m.key,
            programId: id,
            version: m.version,
            forecastDate: m.forecastDate,
            actualDate: m.actualDate,
          });
        }
      }
      return snapshot;
    };

    // Before any kill: the demo as loaded must already pass every check.
    const before = verify(await refresh(0, server.url), { acked: [], known: state.milestones, inFlight: [] });
    note(inconsistent, 0, [...before.lost, ...before.inconsistent]);

    let inFlightTotal = 0;
    let inFlightCommitted = 0;
    const restarts: number[] = [];
    let kills = 0;
    let selfTested = false;
    // A failure after a kill (above all: the server does not come back) ends the run with the figures so far.
    let error: string | undefined;
    try {
      for (let cycle = 1; cycle <= o.kills && !o.signal.aborted; cycle++) {
        const running: ServerProcess = server;
        const loadMs = rng.int(o.minLoadMs, o.maxLoadMs);
        const ackedBefore = state.acked.length;
        let stopped = false;
        const load = { base: running.url, session, cycle, today: new Date().toISOString().slice(0, 10), stopped: () => stopped };
        const work = Array.from({ length: clients }, (_, i) =>
          runClient(state, load, {
            index: i,
            programIds: programs.filter((_, p) => p % clients === i),
            rng: rng.derive(`client:${i}:cycle:${cycle}`),
          }),
        );
        await sleep(loadMs);
        stopped = true;
        await running.kill();
        kills++;
        server = null;
        const inFlight = (await Promise.all(work)).filter((w): w is InFlightWrite => w !== null);

        const t = performance.now();
        server = await start(false);
        restarts.push(performance.now() - t);

        // The session of the sign-in the server acknowledged before the kill must still be valid.
        const me = await call(server.url, session, 'GET', '/api/v1/me');
        if (me?.status !== 200)
          note(lost, cycle, [`the session signed in before the kill is gone (GET /me: ${me?.status ?? 'no answer'})`]);

        const known = new Map([...state.milestones].map(([id, m]) => [id, { ...m }]));
        const snapshot = await reader.snapshot();
        const v = verify(snapshot, { acked: state.acked, known, inFlight });
        note(lost, cycle, v.lost);
        note(inconsistent, cycle, v.inconsistent);
        // Once per dialect, when a new milestone was acknowledged: the checks must catch damage.
        if (!selfTested && state.acked.some((w) => w.kind === 'create-milestone')) {
          selfTested = true;
          const blind = selfTest(snapshot, { acked: state.acked, known, inFlight });
          note(
            inconsistent,
            cycle,
            blind.map((l) => `checker self-test: ${l}`),
          );
          log(
            `[crash ${dialect}] checker self-test: ${blind.length === 0 ? 'every damaged copy of the database was caught' : blind.join('; ')}`,
          );
        }
        inFlightTotal += inFlight.length;
        inFlightCommitted += v.inFlightCommitted;
        log(
          `[crash ${dialect}] kill ${cycle}/${o.kills} after ${loadMs} ms: ${state.acked.length - ackedBefore} acknowledged, ` +
            `${inFlight.length} in flight (${v.inFlightCommitted} committed), restart ${Math.round(restarts.at(-1) ?? 0)} ms` +
            (v.lost.length + v.inconsistent.length > 0 ? `, ${v.lost.length} LOST, ${v.inconsistent.length} INCONSISTENT` : ''),
        );

        // A fresh sign-in each cycle (itself an acknowledged write), then the state to go on from.
        session = await signIn(server.url, demoLead.email, demoLead.password);
        signIns++;
        await refresh(cycle, server.url);
      }
    } catch (e) {
      error = `after kill ${kills}: ${e instanceof Error ? e.message : String(e)}`;
      log(`[crash ${dialect}] stopped ${error}`);
    }

    const byKind: Record<string, number> = {};
    for (const w of state.acked) byKind[w.kind] = (byKind[w.kind] ?? 0) + 1;
    const sorted = [...restarts].sort((a, b) => a - b);
    return {
      dialect,
      kills,
      acknowledged: state.acked.length,
      acknowledgedByKind: byKind,
      signIns,
      inFlight: inFlightTotal,
      inFlightCommitted,
      lost: lost.length,
      inconsistencies: inconsistent.length,
      findings: [
        ...lost.slice(0, maxFindings).map((l) => `LOST ${l}`),
        ...inconsistent.slice(0, maxFindings).map((l) => `INCONSISTENT ${l}`),
      ],
      refusals: Object.fromEntries(state.refusals),
      serverErrors: Object.fromEntries(state.serverErrors),
      restartMs: { p50: sorted[Math.floor(sorted.length / 2)] ?? 0, max: sorted.at(-1) ?? 0 },
      ms: performance.now() - t0,
      ...(error === undefined ? {} : { error }),
    };
  } finally {
    await server?.kill();
    await killAll();
    await reader.close().catch(() => {});
    await db.drop();
    o.live?.delete(db);
  }
}

const int = (n: number) => Math.round(n).toLocaleString('en-US');

export function formatCrash(reports: readonly CrashReport[], o: Pick<CrashOptions, 'seed' | 'clients' | 'server'>): string {
  const header = [
    'dialect',
    'kills',
    'acknowledged writes',
    'in flight (committed)',
    'lost',
    'inconsistencies',
    'restart p50/max ms',
    'time s',
  ];
  const rows = reports.map((r) => [
    r.dialect,
    int(r.kills),
    int(r.acknowledged),
    `${int(r.inFlight)} (${int(r.inFlightCommitted)})`,
    int(r.lost),
    int(r.inconsistencies),
    `${int(r.restartMs.p50)}/${int(r.restartMs.max)}`,
    (r.ms / 1000).toFixed(1),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  const out = [
    `crash safety: seed ${o.seed}, ${o.clients} clients, server via ${o.server}; SIGKILL at a random moment, restart, verify`,
    '',
    line(header),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...rows.map(line),
  ];
  for (const r of reports) {
    const kinds = Object.entries(r.acknowledgedByKind)
      .map(([k, n]) => `${k} ${int(n)}`)
      .join(', ');
    out.push('', `${r.dialect}: acknowledged ${kinds}; sign-ins ${int(r.signIns)}`);
    if (r.error) out.push(`  FAILED TO RUN: ${r.error}`);
    const refusals = Object.entries(r.refusals);
    if (refusals.length > 0) out.push(`  refusals: ${refusals.map(([k, n]) => `${k} ×${n}`).join(', ')}`);
    const errors = Object.entries(r.serverErrors);
    if (errors.length > 0) out.push(`  server errors: ${errors.map(([k, n]) => `${k} ×${n}`).join(', ')}`);
    for (const f of r.findings) out.push(`  ${f}`);
  }
  return out.join('\n');
}

/** Failed: something acknowledged was lost, something was inconsistent, or the server answered 5xx. */
export const crashFailed = (reports: readonly CrashReport[]) =>
  reports.some((r) => r.error !== undefined || r.lost > 0 || r.inconsistencies > 0 || Object.keys(r.serverErrors).length > 0);

export function saveCrashReport(dir: string, o: object, reports: readonly CrashReport[]): string {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${new Date().toISOString().replace(/[:.]/g, '-')}-crash.json`);
  writeFileSync(file, `${JSON.stringify({ options: o, reports }, null, 2)}\n`);
  return file;
}
