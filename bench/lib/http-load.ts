import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, statSync } from 'node:fs';
import http from 'node:http';
import { dirname } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import autocannon from 'autocannon';
import { type Session, signIn } from '../crash/api.js';
import type { Dialect } from './options.js';
import type { Portfolio } from './portfolio.js';
import type { Rng } from './prng.js';

/**
 * HTTP load on the real server (a child process on the run's database, its clock at the bench
 * instant): the program page's data at many connections, the portfolio at a few, and a burst of
 * connections beyond what it can serve. The figures are the client's (autocannon) and the server
 * process's memory, sampled from /proc.
 */
export interface HttpLoadOptions {
  readonly dialect: Dialect;
  /** The tollgate binary: bin/tollgate.js or a snapshot's dist/main/cli.js. */
  readonly entry: string;
  readonly databaseUrl: string | undefined;
  readonly dataDir: string;
  /** TOLLGATE_NOW of the server. */
  readonly now: Date;
  readonly email: string;
  readonly password: string;
  readonly portfolio: Portfolio;
  readonly rng: Rng;
  /** Seconds of each of the first two phases (the burst lasts two thirds of it). */
  readonly seconds: number;
  readonly pageConnections: number;
  readonly portfolioConnections: number;
  readonly burstConnections: number;
  readonly burstTimeoutSeconds: number;
  /** The server's V8 heap bound in MB (--max-old-space-size); 0: V8's default. */
  readonly heapMb: number;
  readonly signal: AbortSignal;
  readonly log: (line: string) => void;
}

/** What one autocannon phase saw. Latencies in ms, from request written to response complete. */
export interface PhaseResult {
  readonly name: string;
  readonly what: string;
  readonly connections: number;
  readonly seconds: number;
  readonly timeoutSeconds: number;
  readonly sent: number;
  /** Complete answers, by class. */
  readonly answered: number;
  readonly ok2xx: number;
  readonly non2xx: number;
  readonly byStatus: Readonly<Record<string, number>>;
  /** 503 answers that carried Retry-After. */
  readonly retryAfter: number;
  readonly errors: number;
  /** Connection errors by code (burst). */
  readonly errorCodes?: Readonly<Record<string, number>>;
  readonly timeouts: number;
  /** Requests still unanswered when the phase ended (autocannon abandons them; the burst waits for them). */
  readonly inFlightAtEnd: number;
  /**
   * The server's CPU time (user + system) over the phase per complete answer, in ms: what one request
   * costs, whatever else the machine is doing (latency figures are not, on a busy machine).
   */
  readonly serverCpuMsPerAnswer?: number;
  readonly requestsPerSecond: number;
  readonly p50Ms: number;
  readonly p90Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
  /** Time to the first byte of the answer (headers complete), by class: 2xx and refusals (503). */
  readonly ttfb2xx: { readonly p50Ms: number; readonly p99Ms: number } | null;
  readonly ttfbRefused: { readonly p50Ms: number; readonly p99Ms: number; readonly maxMs: number } | null;
  /** The server's resident set size during the phase: the largest sample (every 100 ms), MB. */
  readonly peakRssMb: number;
  /**
   * The server's own time per API answer, from its log (`responseTime`: from the request's arrival at
   * the app to its answer written): set apart from the client's latency, it shows how much of that is
   * the wait before the server reads a request (the connections ahead of it) rather than the work.
   */
  readonly serverTime?: { readonly count: number; readonly p50Ms: number; readonly p99Ms: number } | null;
  /** Answers whose status was each, per endpoint (program page phase). */
  readonly perEndpoint?: Readonly<Record<string, { readonly count: number; readonly p50Ms: number; readonly p99Ms: number }>>;
}

export interface HttpLoadReport {
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly serverStartMs: number;
  /** The server's heap bound (MB, 0: V8's default) and how long after its start its warm-up (holiday calendars) ended, ms (null: not within 120 s). */
  readonly serverHeapMb: number;
  readonly warmupMs: number | null;
  readonly phases: readonly PhaseResult[];
  /** The server's peak resident set (VmHWM) over its life, MB. */
  readonly serverHwmMb: number;
  /** After the burst: the time until /readyz answered again, ms (null: it did not within 30 s). */
  readonly recoveryMs: number | null;
  /** Server log lines at level error or above (pino level ≥ 50) during the load, and the first of them. */
  readonly serverErrors: number;
  readonly firstServerErrors: readonly string[];
  /** Error lines logged while the server shut down (SIGTERM) after the load. */
  readonly shutdownErrors: number;
  readonly firstShutdownErrors: readonly string[];
  readonly serverExited: string | null;
}

const mb = (kb: number) => kb / 1024;

/**
 * What the web app's requests carry besides the session cookie, as Chromium sends them: the answers
 * come gzip-compressed (http/kept-answers.ts), as they would to the page. (The client does not
 * inflate them: autocannon counts bytes, and the figures are the server's.)
 */
const browserHeaders = { accept: 'application/json', 'accept-encoding': 'gzip, deflate, br, zstd' } as const;

function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const a = sorted[lo] as number;
  const b = sorted[Math.min(lo + 1, sorted.length - 1)] as number;
  return a + (b - a) * (pos - lo);
}

/** The server's memory from /proc: resident now (VmRSS) and its peak (VmHWM), in kB. */
function memoryOf(pid: number): { rss: number; hwm: number } | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN);
    return { rss: kb('VmRSS'), hwm: kb('VmHWM') };
  } catch {
    return null;
  }
}

/** CPU time the server process has used (user + system), in ms, from /proc (clock ticks of 10 ms). */
function cpuMsOf(pid: number): number {
  try {
    // Fields after the command's closing parenthesis: state is the 3rd field, utime the 14th, stime the 15th.
    const rest = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ').at(-1)?.split(' ') ?? [];
    return (Number(rest[11]) + Number(rest[12])) * 10;
  } catch {
    return Number.NaN;
  }
}

interface Server {
  readonly url: string;
  readonly pid: number;
  readonly logFile: string;
  exited(): string | null;
  stop(): Promise<void>;
}

const children = new Set<ChildProcess>();
process.on('exit', () => {
  for (const c of children) c.kill('SIGKILL');
});

/**
 * Starts `tollgate serve` on port 0 on loopback, its log (LOG_LEVEL=info, the default, so each
 * request is logged as in production) to a file, and waits for /readyz.
 */
async function startServer(o: HttpLoadOptions, logFile: string): Promise<Server> {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (k.startsWith('TOLLGATE_') || ['DATABASE_URL', 'PORT', 'HOST', 'LOG_LEVEL', 'LOG_FORMAT', 'NODE_OPTIONS'].includes(k)) continue;
    env[k] = v;
  }
  Object.assign(env, {
    HOST: '127.0.0.1',
    PORT: '0',
    LOG_LEVEL: 'info',
    // JSON lines, as a log collector in production reads them (and as serverErrors counts them).
    LOG_FORMAT: 'json',
    TOLLGATE_DATA_DIR: o.dataDir,
    TOLLGATE_NOW: o.now.toISOString(),
    ...(o.databaseUrl ? { DATABASE_URL: o.databaseUrl } : {}),
  });
  const fd = openSync(logFile, 'a');
  const child = spawn(process.execPath, [...(o.heapMb > 0 ? [`--max-old-space-size=${o.heapMb}`] : []), o.entry, 'serve'], {
    cwd: dirname(o.entry),
    env,
    stdio: ['ignore', fd, fd],
    detached: true,
  });
  closeSync(fd);
  children.add(child);
  let exitedWith: string | null = null;
  child.once('exit', (code, signal) => {
    exitedWith = String(code ?? signal);
    children.delete(child);
  });
  const stop = async () => {
    if (exitedWith !== null) return;
    const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const killed = await Promise.race([gone.then(() => true), sleep(15_000).then(() => false)]);
    if (!killed) {
      child.kill('SIGKILL');
      await gone;
    }
  };
  const tail = () => (existsSync(logFile) ? readFileSync(logFile, 'utf8').split('\n').slice(-30).join('\n  ') : '');
  const deadline = performance.now() + 120_000;
  let url: string | null = null;
  while (url === null) {
    if (exitedWith !== null) throw new Error(`server exited with ${exitedWith} before listening; its last output:\n  ${tail()}`);
    if (performance.now() > deadline) {
      await stop();
      throw new Error(`server did not listen within 120 s; its last output:\n  ${tail()}`);
    }
    await sleep(50);
    url = /Tollgate is running at (http:\/\/\S+)/.exec(readFileSync(logFile, 'utf8'))?.[1] ?? null;
  }
  for (;;) {
    if (exitedWith !== null) throw new Error(`server exited with ${exitedWith} before it was ready; its last output:\n  ${tail()}`);
    const ready = await fetch(`${url}/readyz`).then(
      async (r) => {
        await r.text();
        return r.status === 200;
      },
      () => false,
    );
    if (ready) break;
    if (performance.now() > deadline) {
      await stop();
      throw new Error(`server did not answer /readyz within 120 s; its last output:\n  ${tail()}`);
    }
    await sleep(50);
  }
  return { url, pid: child.pid ?? -1, logFile, exited: () => exitedWith, stop };
}

interface PhaseSpec {
  readonly name: string;
  readonly what: string;
  readonly connections: number;
  readonly seconds: number;
  readonly timeoutSeconds: number;
  readonly requests: autocannon.Request[];
  /** The endpoint of each of `requests`, for per-endpoint figures. */
  readonly endpoints?: readonly string[];
  /** Stop after this many requests (before `seconds` are up). */
  readonly amount?: number;
}

/** Runs one autocannon phase, recording per-answer status, Retry-After and time to first byte, and the server's RSS. */
async function runPhase(base: string, session: Session, pid: number, spec: PhaseSpec, signal: AbortSignal): Promise<PhaseResult> {
  const statuses: Record<string, number> = {};
  const ttfbOk: number[] = [];
  const ttfbRefused: number[] = [];
  const perEndpoint = new Map<string, number[]>();
  let retryAfter = 0;
  let peakRss = 0;
  const cpuBefore = cpuMsOf(pid);
  const sampler = setInterval(() => {
    const m = memoryOf(pid);
    if (m && Number.isFinite(m.rss)) peakRss = Math.max(peakRss, m.rss);
  }, 100);
  try {
    const instance = autocannon({
      url: base,
      connections: spec.connections,
      duration: spec.seconds,
      ...(spec.amount === undefined ? {} : { amount: spec.amount }),
      timeout: spec.timeoutSeconds,
      pipelining: 1,
      headers: { cookie: session.cookie, ...browserHeaders },
      requests: spec.requests,
      setupClient: (client) => {
        let started = 0;
        let index = 0;
        const c = client as unknown as {
          on(e: 'request', f: () => void): void;
          on(e: 'headers', f: (h: { statusCode: number; headers: string[] }) => void): void;
          on(e: 'response', f: (status: number, bytes: number, ms: number) => void): void;
          requestIterator?: { currentRequestIndex?: number };
        };
        c.on('request', () => {
          started = performance.now();
        });
        c.on('headers', (h) => {
          const ms = performance.now() - started;
          if (h.statusCode >= 200 && h.statusCode < 300) ttfbOk.push(ms);
          if (h.statusCode === 503) {
            ttfbRefused.push(ms);
            for (let i = 0; i < h.headers.length; i += 2) if (String(h.headers[i]).toLowerCase() === 'retry-after') retryAfter++;
          }
          index = c.requestIterator?.currentRequestIndex ?? 0;
        });
        c.on('response', (status, _bytes, ms) => {
          statuses[status] = (statuses[status] ?? 0) + 1;
          if (spec.endpoints && status >= 200 && status < 300) {
            const e = spec.endpoints[index] ?? '?';
            const list = perEndpoint.get(e);
            if (list) list.push(ms);
            else perEndpoint.set(e, [ms]);
          }
        });
      },
    });
    const stop = () => (instance as unknown as { stop(): void }).stop();
    signal.addEventListener('abort', stop, { once: true });
    const r = await instance;
    signal.removeEventListener('abort', stop);
    const answered = Object.values(statuses).reduce((a, b) => a + b, 0);
    const cpuMs = cpuMsOf(pid) - cpuBefore;
    const ok2xx = Object.entries(statuses).reduce((a, [s, n]) => a + (s.startsWith('2') ? n : 0), 0);
    const sortedOk = ttfbOk.sort((a, b) => a - b);
    const sortedRefused = ttfbRefused.sort((a, b) => a - b);
    return {
      name: spec.name,
      what: spec.what,
      connections: spec.connections,
      seconds: r.duration > 0 ? Math.round(r.duration * 10) / 10 : spec.seconds,
      timeoutSeconds: spec.timeoutSeconds,
      sent: r.requests.sent,
      answered,
      ok2xx,
      non2xx: answered - ok2xx,
      byStatus: statuses,
      retryAfter,
      // autocannon counts a timeout as an error too: here errors are the others (connection errors).
      errors: r.errors - r.timeouts,
      timeouts: r.timeouts,
      inFlightAtEnd: Math.max(0, r.requests.sent - answered - r.errors),
      serverCpuMsPerAnswer: answered > 0 ? cpuMs / answered : Number.NaN,
      // A phase with an amount may end before its seconds are up.
      requestsPerSecond: answered / (r.duration > 0 ? r.duration : spec.seconds),
      p50Ms: r.latency.p50,
      p90Ms: r.latency.p90,
      p99Ms: r.latency.p99,
      maxMs: r.latency.max,
      ttfb2xx: sortedOk.length ? { p50Ms: quantile(sortedOk, 0.5), p99Ms: quantile(sortedOk, 0.99) } : null,
      ttfbRefused: sortedRefused.length
        ? { p50Ms: quantile(sortedRefused, 0.5), p99Ms: quantile(sortedRefused, 0.99), maxMs: sortedRefused.at(-1) as number }
        : null,
      peakRssMb: mb(peakRss),
      ...(spec.endpoints
        ? {
            perEndpoint: Object.fromEntries(
              [...perEndpoint].map(([e, list]) => {
                const s = list.sort((a, b) => a - b);
                return [e, { count: s.length, p50Ms: quantile(s, 0.5), p99Ms: quantile(s, 0.99) }];
              }),
            ),
          }
        : {}),
    };
  } finally {
    clearInterval(sampler);
  }
}

interface BurstSpec {
  readonly name: string;
  readonly what: string;
  readonly connections: number;
  readonly seconds: number;
  readonly timeoutSeconds: number;
  readonly path: string;
}

/**
 * A burst beyond what the server can serve: every connection sends its next request as soon as the
 * last one is answered (after the Retry-After of a 503, as Tollgate's web app and CLI wait), for the
 * phase's seconds; each request is abandoned after the timeout. Unlike
 * autocannon, requests still in flight when the time is up are waited for (up to their timeout), so
 * "answered late", "refused" and "left to time out" are told apart.
 */
async function runBurst(base: string, session: Session, pid: number, spec: BurstSpec, signal: AbortSignal): Promise<PhaseResult> {
  const url = new URL(base);
  const agent = new http.Agent({ keepAlive: true, maxSockets: spec.connections, maxFreeSockets: spec.connections });
  const statuses: Record<string, number> = {};
  const errorCodes: Record<string, number> = {};
  const latencies: number[] = [];
  const ttfbOk: number[] = [];
  const ttfbRefused: number[] = [];
  let sent = 0;
  let timeouts = 0;
  let errors = 0;
  let retryAfter = 0;
  let peakRss = 0;
  const cpuBefore = cpuMsOf(pid);
  const sampler = setInterval(() => {
    const m = memoryOf(pid);
    if (m && Number.isFinite(m.rss)) peakRss = Math.max(peakRss, m.rss);
  }, 100);
  const one = () =>
    new Promise<void>((resolve) => {
      const t0 = performance.now();
      let timedOut = false;
      sent++;
      const req = http.request(
        { agent, host: url.hostname, port: url.port, path: spec.path, headers: { cookie: session.cookie, ...browserHeaders } },
        (res) => {
          const status = res.statusCode ?? 0;
          const ttfb = performance.now() - t0;
          if (status >= 200 && status < 300) ttfbOk.push(ttfb);
          if (status === 503) {
            ttfbRefused.push(ttfb);
            if (res.headers['retry-after'] !== undefined) retryAfter++;
          }
          res.resume();
          res.on('end', () => {
            clearTimeout(timer);
            latencies.push(performance.now() - t0);
            statuses[status] = (statuses[status] ?? 0) + 1;
            // Refused (nothing done): the next request waits the Retry-After, as Tollgate's web app and CLI do.
            const wait = Number(res.headers['retry-after']);
            if (status === 503 && Number.isFinite(wait) && wait > 0) setTimeout(resolve, wait * 1000);
            else resolve();
          });
        },
      );
      const timer = setTimeout(() => {
        timedOut = true;
        req.destroy(new Error('timed out'));
      }, spec.timeoutSeconds * 1000);
      req.on('error', (e: NodeJS.ErrnoException) => {
        clearTimeout(timer);
        if (timedOut) timeouts++;
        else {
          errors++;
          const code = e.code ?? e.message;
          errorCodes[code] = (errorCodes[code] ?? 0) + 1;
        }
        resolve();
      });
      req.end();
    });
  const started = performance.now();
  const end = started + spec.seconds * 1000;
  try {
    await Promise.all(
      Array.from({ length: spec.connections }, async () => {
        while (performance.now() < end && !signal.aborted) await one();
      }),
    );
  } finally {
    clearInterval(sampler);
    agent.destroy();
  }
  const answered = latencies.length;
  const cpuMs = cpuMsOf(pid) - cpuBefore;
  const ok2xx = Object.entries(statuses).reduce((a, [st, n]) => a + (st.startsWith('2') ? n : 0), 0);
  const sorted = latencies.sort((a, b) => a - b);
  const sortedOk = ttfbOk.sort((a, b) => a - b);
  const sortedRefused = ttfbRefused.sort((a, b) => a - b);
  return {
    name: spec.name,
    what: spec.what,
    connections: spec.connections,
    seconds: spec.seconds,
    timeoutSeconds: spec.timeoutSeconds,
    sent,
    answered,
    ok2xx,
    non2xx: answered - ok2xx,
    byStatus: statuses,
    retryAfter,
    errors,
    errorCodes,
    timeouts,
    inFlightAtEnd: 0,
    serverCpuMsPerAnswer: answered > 0 ? cpuMs / answered : Number.NaN,
    requestsPerSecond: answered / ((performance.now() - started) / 1000),
    p50Ms: quantile(sorted, 0.5),
    p90Ms: quantile(sorted, 0.9),
    p99Ms: quantile(sorted, 0.99),
    maxMs: sorted.at(-1) ?? Number.NaN,
    ttfb2xx: sortedOk.length ? { p50Ms: quantile(sortedOk, 0.5), p99Ms: quantile(sortedOk, 0.99) } : null,
    ttfbRefused: sortedRefused.length
      ? { p50Ms: quantile(sortedRefused, 0.5), p99Ms: quantile(sortedRefused, 0.99), maxMs: sortedRefused.at(-1) as number }
      : null,
    peakRssMb: mb(peakRss),
  };
}

/** The program page's requests (web/src/program/program-page.tsx), each client on one random program at a time. */
function programPageRequests(portfolio: Portfolio, rng: Rng): autocannon.Request[] {
  const programs = portfolio.programs;
  type Ctx = { program?: string };
  const at = (suffix: string, first = false): autocannon.Request => ({
    method: 'GET',
    setupRequest: (req, context) => {
      const ctx = context as Ctx;
      if (first || ctx.program === undefined) ctx.program = rng.pick(programs).id;
      return { ...req, path: `/api/v1/programs/${ctx.program}${suffix}` };
    },
  });
  // The first page of the change log, as the web asks for it (changePageSize in web/src/lib/api.ts).
  return [at('', true), at('/milestones'), at('/changes?limit=100'), at('/people')];
}

/** Every program's page once, in the portfolio's order: each client takes the next program not yet read. */
function everyProgramPageRequests(portfolio: Portfolio): autocannon.Request[] {
  const programs = portfolio.programs;
  let next = 0;
  type Ctx = { program?: string };
  const at = (suffix: string, first = false): autocannon.Request => ({
    method: 'GET',
    setupRequest: (req, context) => {
      const ctx = context as Ctx;
      if (first || ctx.program === undefined) ctx.program = (programs[next++ % programs.length] as { id: string }).id;
      return { ...req, path: `/api/v1/programs/${ctx.program}${suffix}` };
    },
  });
  return [at('', true), at('/milestones'), at('/changes?limit=100'), at('/people')];
}

const programPageEndpoints = ['/programs/:id', '/programs/:id/milestones', '/programs/:id/changes?limit=100', '/programs/:id/people'];

/** Counts the server log's lines at level error or above (pino JSON: "level":50 and up), from byte `from` to `to`. */
function serverErrors(logFile: string, from: number, to: number): { count: number; first: string[] } {
  const first: string[] = [];
  let count = 0;
  if (to - from > 512 * 2 ** 20) return { count: -1, first: ['(log over 512 MB, not scanned)'] };
  for (const line of readFileSync(logFile).subarray(from, to).toString('utf8').split('\n')) {
    const level = /"level":(\d+)/.exec(line)?.[1];
    if (level && Number(level) >= 50) {
      count++;
      if (first.length < 3) first.push(line.slice(0, 400));
    }
  }
  return { count, first };
}

/** The server's own time per API answer (its log's request lines' `responseTime`), from byte `from` to `to`. */
function serverTimes(logFile: string, from: number, to: number): PhaseResult['serverTime'] {
  if (to - from > 512 * 2 ** 20) return null;
  const times: number[] = [];
  for (const line of readFileSync(logFile).subarray(from, to).toString('utf8').split('\n')) {
    if (!line.includes('"url":"/api/')) continue;
    const t = /"responseTime":([\d.]+)/.exec(line)?.[1];
    if (t !== undefined) times.push(Number(t));
  }
  if (times.length === 0) return null;
  times.sort((a, b) => a - b);
  return { count: times.length, p50Ms: quantile(times, 0.5), p99Ms: quantile(times, 0.99) };
}

/** Starts the server on the database, signs in, runs the three phases, stops the server. */
export async function runHttpLoad(o: HttpLoadOptions, logFile: string): Promise<HttpLoadReport> {
  const startedAt = new Date().toISOString();
  const t0 = performance.now();
  const server = await startServer(o, logFile);
  const serverStartMs = performance.now() - t0;
  o.log(`[${o.dialect}] http-load: server (pid ${server.pid}) ready at ${server.url} in ${(serverStartMs / 1000).toFixed(1)} s`);
  // Measured after the server's warm-up, as a server in use is: its first seconds compute the holidays
  // of the accepted date range on a worker thread (its memory and CPU on top of the load's).
  let warmupMs: number | null = null;
  const warmDeadline = performance.now() + 120_000;
  while (performance.now() < warmDeadline && server.exited() === null) {
    if (readFileSync(logFile, 'utf8').includes('holiday calendars computed')) {
      warmupMs = performance.now() - t0;
      break;
    }
    await sleep(100);
  }
  o.log(
    `[${o.dialect}] http-load: ${warmupMs === null ? 'the warm-up did not end within 120 s' : `warm-up (holiday calendars) over ${(warmupMs / 1000).toFixed(1)} s after the start`}; heap bound ${o.heapMb > 0 ? `${o.heapMb} MB` : "V8's default"}`,
  );
  const phases: PhaseResult[] = [];
  let recoveryMs: number | null = null;
  let hwm = 0;
  let exitedDuring: string | null = null;
  let loadLogEnd = 0;
  try {
    const session = await signIn(server.url, o.email, o.password);
    const page: PhaseSpec = {
      name: 'program-page',
      what: "the program page's data: GET /programs/:id, …/milestones, …/changes, …/people of a random program",
      connections: o.pageConnections,
      seconds: o.seconds,
      timeoutSeconds: 10,
      requests: programPageRequests(o.portfolio, o.rng),
      endpoints: programPageEndpoints,
    };
    const portfolio: PhaseSpec = {
      name: 'portfolio',
      what: 'the portfolio: GET /programs (every program, as the lead)',
      connections: o.portfolioConnections,
      seconds: o.seconds,
      timeoutSeconds: 10,
      requests: [{ method: 'GET', path: '/api/v1/programs' }],
    };
    const burst: BurstSpec = {
      name: 'burst',
      what: `a burst on the portfolio: ${o.burstConnections} connections, each request abandoned after ${o.burstTimeoutSeconds} s`,
      connections: o.burstConnections,
      seconds: Math.max(1, Math.round((o.seconds * 2) / 3)),
      timeoutSeconds: o.burstTimeoutSeconds,
      path: '/api/v1/programs',
    };
    // First reads: every program's page once, as after a restart, at 20 connections. It compiles code
    // paths, fills the database's caches and the answers kept (http/kept-answers.ts), so that the next
    // phase measures a server in use; its own figures are what the first readers after a start see.
    const first: PhaseSpec = {
      ...page,
      name: 'first-reads',
      what: "every program's page read once after the start (nothing kept yet), 20 connections",
      connections: 20,
      seconds: 120,
      requests: everyProgramPageRequests(o.portfolio),
      amount: o.portfolio.programs.length * 4,
    };
    for (const spec of [first, page, portfolio, burst] as (PhaseSpec | BurstSpec)[]) {
      o.signal.throwIfAborted();
      o.log(`[${o.dialect}] http-load: ${spec.name}, ${spec.connections} connections for ${spec.seconds} s…`);
      const logFrom = statSync(logFile).size;
      const r =
        'path' in spec
          ? await runBurst(server.url, session, server.pid, spec, o.signal)
          : await runPhase(server.url, session, server.pid, spec, o.signal);
      phases.push(r);
      o.log(
        `[${o.dialect}] http-load: ${spec.name}: ${r.answered} answered (${r.ok2xx} 2xx), ${r.errors} errors, ${r.timeouts} timeouts, p99 ${Math.round(r.p99Ms)} ms, server CPU ${r.serverCpuMsPerAnswer?.toFixed(2)} ms per answer, peak RSS ${r.peakRssMb.toFixed(0)} MB`,
      );
      if (server.exited() !== null) break;
      // Let the server drain what the phase left queued before the next one starts.
      const drained = performance.now();
      for (;;) {
        const ok = await fetch(`${server.url}/readyz`, { signal: AbortSignal.timeout(30_000) }).then(
          async (res) => {
            await res.text();
            return res.status === 200;
          },
          () => false,
        );
        if (ok || performance.now() - drained > 30_000 || server.exited() !== null) {
          if (spec === burst) recoveryMs = ok ? performance.now() - drained : null;
          break;
        }
        await sleep(100);
      }
      // Read once the phase has drained, so that its last answers are in the log.
      phases[phases.length - 1] = { ...r, serverTime: serverTimes(logFile, logFrom, statSync(logFile).size) };
    }
    hwm = memoryOf(server.pid)?.hwm ?? 0;
    exitedDuring = server.exited();
  } finally {
    loadLogEnd = statSync(logFile).size;
    await server.stop();
  }
  const errors = serverErrors(logFile, 0, loadLogEnd);
  const atShutdown = serverErrors(logFile, loadLogEnd, statSync(logFile).size);
  return {
    startedAt,
    finishedAt: new Date().toISOString(),
    serverStartMs,
    serverHeapMb: o.heapMb,
    warmupMs,
    phases,
    serverHwmMb: mb(hwm),
    recoveryMs,
    serverErrors: errors.count,
    firstServerErrors: errors.first,
    shutdownErrors: atShutdown.count,
    firstShutdownErrors: atShutdown.first,
    serverExited: exitedDuring,
  };
}
