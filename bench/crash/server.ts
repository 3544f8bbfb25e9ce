import { type ChildProcess, spawn } from 'node:child_process';
import { dirname } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Which code the server runs: `snapshot` transpiles src/ once at the start of the run (snapshot.ts);
 * `built` runs bin/tollgate.js, i.e. dist/ (needs `npm run build:server`).
 */
export type ServerMode = 'snapshot' | 'built';

export interface ServerOptions {
  /** The tollgate binary: bin/tollgate.js or a snapshot's dist/main/cli.js. */
  readonly entry: string;
  /** Where the database is: DATABASE_URL (PostgreSQL) or TOLLGATE_DATA_DIR (SQLite). */
  readonly databaseUrl: string | undefined;
  readonly dataDir: string;
  /** Load the demo portfolio into the empty database at start. */
  readonly demo: boolean;
  /** Until the server answers /readyz. */
  readonly timeoutMs: number;
}

/** A server child process listening on a free loopback port. */
export interface ServerProcess {
  readonly url: string;
  readonly pid: number;
  /** SIGKILL: no shutdown hook runs, in-flight requests and transactions are cut off. Resolves once it has exited. */
  kill(): Promise<void>;
}

/** Children still alive, killed when this process exits for any reason (failure, Ctrl-C, a thrown error). */
const alive = new Set<ChildProcess>();
process.on('exit', () => {
  for (const c of alive) c.kill('SIGKILL');
});

/** Killed (by pid) and awaited: every child this module started. */
export async function killAll(): Promise<void> {
  await Promise.all([...alive].map((c) => killChild(c)));
}

function killChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) {
    alive.delete(child);
    return Promise.resolve();
  }
  return new Promise((resolve) => {
    child.once('exit', () => {
      alive.delete(child);
      resolve();
    });
    child.kill('SIGKILL');
  });
}

/** The environment of the child: ours without any Tollgate setting, plus the database and a free port on loopback. */
function childEnv(o: ServerOptions): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (k.startsWith('TOLLGATE_') || ['DATABASE_URL', 'PORT', 'HOST', 'LOG_LEVEL', 'NODE_OPTIONS'].includes(k)) continue;
    env[k] = v;
  }
  return {
    ...env,
    HOST: '127.0.0.1',
    PORT: '0',
    LOG_LEVEL: 'warn',
    TOLLGATE_DATA_DIR: o.dataDir,
    TOLLGATE_DEMO: o.demo ? '1' : '0',
    ...(o.databaseUrl ? { DATABASE_URL: o.databaseUrl } : {}),
  };
}

/**
 * Starts `tollgate serve` as a child process on port 0 and waits until it prints its address and
 * /readyz answers 200. Fails with the tail of its output when it exits or times out first.
 */
export async function startServer(o: ServerOptions): Promise<ServerProcess> {
  const args = [o.entry, 'serve'];
  // Its own process group, so a Ctrl-C in the terminal reaches only us: we stop the run and kill it.
  const child = spawn(process.execPath, args, {
    cwd: dirname(o.entry),
    env: childEnv(o),
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  alive.add(child);
  const tail: string[] = [];
  let url: string | null = null;
  const collect = (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n')) {
      if (line.trim() === '') continue;
      tail.push(line);
      if (tail.length > 40) tail.shift();
      url ??= /Tollgate is running at (http:\/\/\S+)/.exec(line)?.[1] ?? null;
    }
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  let exited = false;
  child.once('exit', () => {
    exited = true;
    alive.delete(child);
  });
  const fail = async (why: string): Promise<never> => {
    await killChild(child);
    throw new Error(`server (pid ${child.pid}) ${why}; its last output:\n  ${tail.join('\n  ')}`);
  };

  const deadline = performance.now() + o.timeoutMs;
  while (url === null) {
    if (exited) return fail(`exited with ${child.exitCode ?? child.signalCode} before listening`);
    if (performance.now() > deadline) return fail(`did not listen within ${o.timeoutMs} ms`);
    await sleep(10);
  }
  const base: string = url;
  for (;;) {
    if (exited) return fail(`exited with ${child.exitCode ?? child.signalCode} before it was ready`);
    if (performance.now() > deadline) return fail(`did not answer /readyz within ${o.timeoutMs} ms`);
    const ready = await fetch(`${base}/readyz`).then(
      async (r) => {
        await r.text();
        return r.status === 200;
      },
      () => false,
    );
    if (ready) break;
    await sleep(10);
  }
  return { url: base, pid: child.pid ?? -1, kill: () => killChild(child) };
}
