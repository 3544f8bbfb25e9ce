import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import type { CliContext } from '../../src/cli/session.js';
import { terminalConfig } from '../../src/cli/terminal.js';
import { loadConfig } from '../../src/config/config.js';
import { composeOn } from '../../src/main/compose.js';
import { cliContext, runCli, sessionOn } from '../../src/main/run-cli.js';
import { startServer } from '../../src/main/server.js';
import { type OpenedStore, openStore } from '../../src/store/open-store.js';
import type { TestDatabase } from '../support/databases.js';

const bin = fileURLToPath(new URL('../../bin/tollgate.js', import.meta.url));
const built = fileURLToPath(new URL('../../dist/main/cli.js', import.meta.url));

/** The tests that run the built binary (serve, and a few commands) need it; building is the test command's job. */
export function assertBuilt(): void {
  if (!existsSync(built)) throw new Error(`${built} is missing: run \`npm run build:server\` before the CLI tests.`);
}

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export interface RunOptions {
  /** Variables added to (or, when undefined, removed from) the environment the test database gives. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Written to the command's stdin, e.g. a password for --password-stdin. */
  readonly input?: string;
  /** stdin is a terminal someone types `input` at (the command may ask), not a pipe. */
  readonly tty?: boolean;
  /**
   * On PostgreSQL, the command opens a connection of its own and closes it, as the binary does, rather than
   * taking one kept open between this database's commands (see keptConnections): for a test of the
   * connections a command makes.
   */
  readonly ownConnection?: boolean;
}

/**
 * The instant the command-line tests on their own (empty) databases run at: their seeds, commands and
 * servers all read it as now (TOLLGATE_NOW), so no test depends on the day it runs.
 */
export const cliNow = '2026-12-01T01:00:00Z';

/** When this test file's commands started: their clock runs on from the database's instant since then. */
const runStarted = Date.now();

/**
 * The environment of a command on the test database. Nothing of the developer's own setup leaks in:
 * no TOLLGATE_AS, TOLLGATE_SERVER or TOLLGATE_TOKEN, and credentials live beside the database.
 */
export function cliEnv(db: TestDatabase, extra: RunOptions['env'] = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: db.databaseUrl ?? '',
    TOLLGATE_DATA_DIR: db.dataDir,
    TOLLGATE_CONFIG_DIR: join(db.dataDir, 'config'),
    // Servers started by the tests live seconds: the holidays of a century ahead are not worth computing.
    TOLLGATE_WARM_HOLIDAYS: '0',
    // Nor are background jobs (a test that wants them says so: TOLLGATE_JOBS=on).
    TOLLGATE_JOBS: 'off',
    // A busy machine may answer slowly: the commands wait for a server as long as the tests' own limits do.
    TOLLGATE_HTTP_TIMEOUT_MS: '120000',
    // A copy of the demo is read at the demo's instant, by the server and the commands alike. The clock
    // runs on from it as one process's would: each command starts where the last one left off (a clock
    // started afresh at the same instant by each command would date a later write before an earlier one).
    ...(db.now ? { TOLLGATE_NOW: new Date(Date.parse(db.now) + (Date.now() - runStarted)).toISOString() } : {}),
  };
  // COLUMNS too: tables are fitted to it, and a test asks for a width when it wants one.
  for (const key of ['TOLLGATE_AS', 'TOLLGATE_SERVER', 'TOLLGATE_TOKEN', 'TOLLGATE_PUBLIC_URL', 'COLUMNS']) delete env[key];
  for (const [key, value] of Object.entries(extra)) {
    if (value === undefined) delete env[key];
    else env[key] = value;
  }
  return env;
}

/** A PostgreSQL test database's stores kept open between its commands, free for the next one (by DATABASE_URL). */
const keptStores = new Map<string, OpenedStore[]>();

/** The free stores of the test database at `url`: closed, and forgotten, when it is dropped. */
function freeStores(db: TestDatabase, url: string): OpenedStore[] {
  const kept = keptStores.get(url);
  if (kept) return kept;
  const fresh: OpenedStore[] = [];
  keptStores.set(url, fresh);
  db.onDrop(async () => {
    keptStores.delete(url);
    await Promise.all(fresh.splice(0).map((s) => s.store.close()));
  });
  return fresh;
}

/**
 * The commands' context, but on PostgreSQL a command takes a connection kept open from an earlier command
 * on the same test database (a store of its own while others are in use), and gives it back when it ends;
 * they are closed when the database is dropped. The binary opens one per command: a server process
 * started and its catalogue caches filled, ~25 ms of the machine's CPU and ~40 ms of a command's time here,
 * for ~750 commands a run on PostgreSQL. Everything else is as the binary does it: the store is migrated
 * (found up to date) and wired afresh for each command, with that command's clock and settings. The
 * opening itself is tested by the tests that ask for ownConnection and those that run the binary.
 */
function keptConnections(db: TestDatabase): CliContext {
  return {
    ...cliContext,
    async open(opts = {}) {
      const config = terminalConfig();
      const url = config.databaseUrl;
      if (url === undefined || url !== db.databaseUrl) return cliContext.open(opts);
      const free = freeStores(db, url);
      const opened = free.pop() ?? openStore({ databaseUrl: url, dataDir: config.dataDir, connections: 1 });
      const composed = await composeOn(config, opened);
      // Given back rather than closed; a store whose database is gone by then is closed.
      const giveBack = async () => {
        if (keptStores.get(url) === free) free.push(opened);
        else await opened.store.close();
      };
      return sessionOn({ ...composed, close: giveBack }, opts.as);
    },
  };
}

/**
 * Runs `tollgate …args` in this process, as the binary would (the same entry, runCli, with the
 * command's own environment, stdin, stdout and stderr), and reports how it ended. In-process, so a
 * command costs milliseconds rather than a Node start; `tollgateProcess` runs the real binary.
 */
export async function tollgateWith(db: TestDatabase, opts: RunOptions, ...args: string[]): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const stdin = Readable.from(opts.input === undefined ? [] : [Buffer.from(opts.input)]);
  const ctx = db.dialect === 'postgres' && !opts.ownConnection ? keptConnections(db) : cliContext;
  const code = await runCli(['node', 'tollgate', ...args], ctx, {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    stdin: opts.tty ? Object.assign(stdin, { isTTY: true }) : stdin,
    env: cliEnv(db, opts.env),
    cwd: db.dataDir,
  });
  return { code, stdout, stderr };
}

/** Runs the built binary, `node bin/tollgate.js …args`, in its own process, as a user would. */
export function tollgateProcess(db: TestDatabase, opts: RunOptions, ...args: string[]): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      process.execPath,
      [bin, ...args],
      { cwd: db.dataDir, env: cliEnv(db, opts.env), timeout: 300_000 },
      (err, stdout, stderr) => {
        // A non-numeric code means it did not run to an exit (spawn failure, timeout): a test failure.
        if (err && typeof err.code !== 'number') return reject(new Error(`tollgate ${args.join(' ')}: ${err.message}\n${stderr}`));
        resolve({ code: err ? (err.code as number) : 0, stdout, stderr });
      },
    );
    child.stdin?.end(opts.input ?? '');
  });
}

/** Runs `tollgate …args` as a user would, against the test database, and reports how it ended. */
export const tollgate = (db: TestDatabase, ...args: string[]): Promise<CliResult> => tollgateWith(db, {}, ...args);

/** stdout parsed as JSON, after checking the command succeeded and wrote nothing to stderr. */
export function jsonOf<T = unknown>(r: CliResult): T {
  if (r.code !== 0 || r.stderr !== '') throw new Error(`expected success, got exit ${r.code}: ${r.stderr}`);
  return JSON.parse(r.stdout) as T;
}

/** The refusal a --json command wrote to stderr, after checking it wrote nothing to stdout. */
export function problemOf(r: CliResult): { code: string; detail: string; errors: { path: string }[]; current?: unknown } {
  if (r.stdout !== '') throw new Error(`expected nothing on stdout, got: ${r.stdout}`);
  return JSON.parse(r.stderr);
}

/** A running server the commands can be pointed at with --server. */
export interface Serving {
  readonly url: string;
  /** Stops it, resolving with its exit status (0: stopped cleanly). */
  stop(): Promise<number | null>;
}

/**
 * The server in this process, on the test database and with the commands' environment: for comparing a
 * command over HTTP with the same command on the database, without a Node start per server (`serve`
 * runs the built binary, for the tests of `tollgate serve` itself).
 */
export async function serveInProcess(db: TestDatabase): Promise<Serving> {
  const server = await startServer({ ...loadConfig(cliEnv(db, { LOG_LEVEL: 'silent' })), port: 0 });
  return {
    url: server.url,
    stop: async () => {
      await server.stop();
      return 0;
    },
  };
}

export interface Served extends Serving {
  readonly child: ChildProcess;
  /** Everything it printed so far, stdout and stderr. */
  output(): string;
}

export const exited = (child: ChildProcess): Promise<number | null> =>
  child.exitCode !== null ? Promise.resolve(child.exitCode) : new Promise((resolve) => child.once('exit', (code) => resolve(code)));

/** Starts `tollgate serve --port 0 …args` as a user would and resolves with the URL it prints. */
export const serve = (db: TestDatabase, ...args: string[]): Promise<Served> => serveWith(db, {}, ...args);

/** serve(), with variables added to (or removed from) its environment. */
export function serveWith(db: TestDatabase, env: RunOptions['env'], ...args: string[]): Promise<Served> {
  const child = spawn(process.execPath, [bin, 'serve', '--port', '0', ...args], {
    env: cliEnv(db, { LOG_LEVEL: 'info', ...env }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  return new Promise((resolve, reject) => {
    const onData = (b: Buffer) => {
      out += b.toString();
      // The banner ends with the Ctrl+C hint: wait for all of it.
      const m = /running at (http:\/\/\S+)[\s\S]*Press Ctrl\+C/.exec(out);
      if (m) {
        resolve({
          child,
          url: m[1] as string,
          output: () => out,
          stop: () => {
            const done = exited(child);
            child.kill('SIGTERM');
            return done;
          },
        });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`serve exited early with ${code}:\n${out}`)));
  });
}
