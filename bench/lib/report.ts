import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { arch, cpus, hostname, loadavg, platform, release, totalmem } from 'node:os';
import { join } from 'node:path';
import { defaultAdmission } from '../../src/http/admission.js';
import type { RowCounts } from './database.js';
import type { HttpLoadReport, PhaseResult } from './http-load.js';
import type { OperationResult } from './measure.js';
import type { BenchOptions, Dialect } from './options.js';

export interface GenerationReport {
  /** Generation time; 0 when a kept database was reused. */
  readonly ms: number;
  /** A kept database was copied instead of generating (--keep). */
  readonly reused: boolean;
  /** The kept database this run reused or kept, if any. */
  readonly kept: string | null;
  readonly programs: number;
  readonly milestones: number;
  /** Use-case calls (transactions) made (0 when reused). */
  readonly calls: number;
  readonly byUseCase: Readonly<Record<string, number>>;
  /** Programs written at the same time. */
  readonly concurrency: number;
  /** Rows in every table after generation, change log included. */
  readonly rows: RowCounts;
  readonly totalRows: number;
  readonly rowsPerSecond: number;
  readonly callsPerSecond: number;
}

export interface DialectReport {
  readonly dialect: Dialect;
  readonly location: string;
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly generation: GenerationReport;
  /** The clock the operations and the server run from (TOLLGATE_NOW). */
  readonly benchInstant: string;
  /** 1-minute load average at the start and the end of the dialect's run: the machine's other work. */
  readonly loadAverage: { readonly start: number; readonly end: number };
  readonly results: readonly OperationResult[];
  /** Lines the operations add under the table (what a call reads, sizes). */
  readonly notes: readonly string[];
  readonly http: HttpLoadReport | null;
}

/** The 1-minute load average. */
export const load1 = (): number => loadavg()[0] ?? 0;

const int = (n: number) => Math.round(n).toLocaleString('en-US');
const ms = (n: number) => (n >= 100 ? n.toFixed(1) : n >= 10 ? n.toFixed(2) : n.toFixed(3));

function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  // The first column is a name (left-aligned); the others are numbers (right-aligned).
  const line = (cells: readonly string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export function generationLine(g: GenerationReport): string {
  const changes = g.rows.changes ?? 0;
  const records = ['decisions', 'risks', 'actions', 'gates', 'checklist_items'].map((t) => `${int(g.rows[t] ?? 0)} ${t}`).join(', ');
  if (g.reused) {
    return `reused the kept ${g.kept}: ${int(g.programs)} programs, ${int(g.rows.milestones ?? 0)} milestones, ${records}, ${int(changes)} change-log rows (${int(g.totalRows)} rows)`;
  }
  return (
    `generated ${int(g.programs)} programs × ${int(g.milestones / Math.max(1, g.programs))} milestones in ${(g.ms / 1000).toFixed(1)} s: ` +
    `${int(g.calls)} use-case calls (${int(g.callsPerSecond)}/s), ${int(g.totalRows)} rows incl. ${records}, ${int(changes)} change-log rows (${int(g.rowsPerSecond)} rows/s)` +
    (g.kept ? `; kept as ${g.kept}` : '')
  );
}

const targetCells = (o: OperationResult): [string, string] =>
  o.targetP95Ms === undefined ? ['', ''] : [`< ${o.targetP95Ms}`, o.p95Ms < o.targetP95Ms ? 'met' : 'MISSED'];

export function formatDialect(r: DialectReport): string {
  const rows = r.results.map((o) => [
    o.name,
    int(o.samples),
    ms(o.meanMs),
    ms(o.p50Ms),
    ms(o.p95Ms),
    ms(o.p99Ms),
    int(o.opsPerSecond),
    `±${o.rmePercent.toFixed(1)}%`,
    ...targetCells(o),
  ]);
  return [
    `${r.dialect} (${r.location}), at ${r.benchInstant}; load average ${r.loadAverage.start.toFixed(1)} → ${r.loadAverage.end.toFixed(1)}`,
    generationLine(r.generation),
    ...(rows.length > 0
      ? ['', table(['operation', 'samples', 'mean ms', 'p50 ms', 'p95 ms', 'p99 ms', 'ops/s', 'rme', 'p95 target', ''], rows)]
      : []),
    ...(r.notes.length > 0 ? ['', ...r.notes] : []),
    ...(r.http ? ['', formatHttp(r.http)] : []),
  ].join('\n');
}

const defaultQueueWaitMs = defaultAdmission.waitMs;

const ms0 = (n: number | undefined) => (n === undefined || Number.isNaN(n) ? '-' : n >= 100 ? n.toFixed(0) : n.toFixed(1));

/** The HTTP load phases side by side, with the targets of issue 10 where they apply. */
export function formatHttp(h: HttpLoadReport): string {
  const verdicts = (p: PhaseResult): string => {
    const clean = p.errors === 0 && p.timeouts === 0;
    if (p.name === 'program-page')
      return [
        p.p99Ms < 50 ? 'p99 < 50 met' : 'p99 < 50 MISSED',
        clean && p.non2xx === 0 ? '0 errors/timeouts met' : 'errors/timeouts MISSED',
        p.peakRssMb < 300 ? 'RSS < 300 MB met' : 'RSS MISSED',
      ].join('; ');
    if (p.name === 'first-reads') return 'no target: what the first readers after a start see (nothing kept yet)';
    if (p.name === 'portfolio') return clean && p.non2xx === 0 ? 'every request answered: met' : 'every request answered: MISSED';
    // Promptly: served within the server's queue bound (TOLLGATE_MAX_QUEUE_WAIT_MS, 3 s by default)
    // plus a second, or refused with 503; nothing left to time out at the client.
    const boundMs = defaultQueueWaitMs + 1000;
    const why = [
      p.timeouts > 0 ? `${int(p.timeouts)} left to time out after ${p.timeoutSeconds} s` : '',
      p.errors > 0 ? `${int(p.errors)} connection errors` : '',
      p.p99Ms < boundMs ? '' : `p99 ${ms0(p.p99Ms)} ms, over the queue's ${boundMs / 1000} s bound`,
    ].filter((x) => x !== '');
    return why.length === 0
      ? 'answered promptly (within the queue bound, or refused with 503): met'
      : `answered promptly: MISSED (${why.join('; ')})`;
  };
  const rows = h.phases.map((p) => [
    p.name,
    int(p.connections),
    `${p.seconds}`,
    int(p.sent),
    int(p.answered),
    int(p.ok2xx),
    int(p.byStatus['503'] ?? 0),
    int(p.retryAfter),
    int(p.non2xx - (p.byStatus['503'] ?? 0)),
    int(p.timeouts),
    int(p.errors),
    int(p.inFlightAtEnd),
    p.requestsPerSecond >= 10 ? int(p.requestsPerSecond) : p.requestsPerSecond.toFixed(1),
    ms0(p.p50Ms),
    ms0(p.p99Ms),
    ms0(p.maxMs),
    p.ttfbRefused ? `${ms0(p.ttfbRefused.p50Ms)}/${ms0(p.ttfbRefused.p99Ms)}` : '-',
    p.serverTime ? `${ms0(p.serverTime.p50Ms)}/${ms0(p.serverTime.p99Ms)}` : '-',
    p.peakRssMb.toFixed(0),
  ]);
  const endpoints = h.phases.flatMap((p) =>
    Object.entries(p.perEndpoint ?? {}).map(
      ([e, v]) => `  ${p.name} ${e}: ${int(v.count)} answers, p50 ${ms0(v.p50Ms)} ms, p99 ${ms0(v.p99Ms)} ms`,
    ),
  );
  return [
    `http load (server started in ${(h.serverStartMs / 1000).toFixed(1)} s, warmed up in ${h.warmupMs === null ? '–' : `${(h.warmupMs / 1000).toFixed(1)} s`}; heap bound ${h.serverHeapMb > 0 ? `${h.serverHeapMb} MB` : "V8's default"}; peak RSS over its life ${h.serverHwmMb.toFixed(0)} MB)`,
    table(
      [
        'phase',
        'conns',
        's',
        'sent',
        'answered',
        '2xx',
        '503',
        'retry-after',
        'other',
        'timeouts',
        'errors',
        'cut at end',
        'req/s',
        'p50 ms',
        'p99 ms',
        'max ms',
        '503 ttfb p50/p99',
        'server p50/p99',
        'RSS MB',
      ],
      rows,
    ),
    ...endpoints,
    "  server p50/p99: the server's own time per API answer (its log's responseTime: from the request reaching the app, its wait for a turn",
    "  included, to the answer written); the rest of the client's latency passes before the server reads the request, behind the other connections'",
    ...h.phases.map((p) => `  ${p.name}: ${verdicts(p)}`),
    ...h.phases.flatMap((p) =>
      p.errorCodes && Object.keys(p.errorCodes).length > 0
        ? [
            `  ${p.name} connection errors: ${Object.entries(p.errorCodes)
              .map(([c, n]) => `${c} ${int(n)}`)
              .join(', ')}`,
          ]
        : [],
    ),
    `  after the burst, /readyz answered again in ${h.recoveryMs === null ? 'more than 30 s' : `${ms0(h.recoveryMs)} ms`}; server log: ${h.serverErrors} error lines under load, ${h.shutdownErrors} at shutdown${h.serverExited ? `; the server EXITED (${h.serverExited})` : ''}`,
    ...[...h.firstServerErrors, ...h.firstShutdownErrors].map((l) => `    ${l.slice(0, 240)}`),
  ].join('\n');
}

/** Side by side, when more than one dialect ran. */
export function formatComparison(reports: readonly DialectReport[]): string {
  const names = [...new Set(reports.flatMap((r) => r.results.map((o) => o.name)))];
  const header = ['operation', ...reports.flatMap((r) => [`${r.dialect} p50`, `${r.dialect} p95`]), 'p95 target'];
  const rows = names.map((n) => {
    const target = reports.flatMap((r) => r.results.filter((x) => x.name === n))[0]?.targetP95Ms;
    return [
      n,
      ...reports.flatMap((r) => {
        const o = r.results.find((x) => x.name === n);
        return o ? [ms(o.p50Ms), `${ms(o.p95Ms)}${o.targetP95Ms !== undefined && o.p95Ms >= o.targetP95Ms ? '!' : ''}`] : ['-', '-'];
      }),
      target === undefined ? '' : `< ${target}`,
    ];
  });
  return `comparison (ms; ! marks a p95 over its target)\n${table(header, rows)}`;
}

/** Pure operations (no database), measured once per run. */
export interface PureReport {
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly results: readonly OperationResult[];
  /** Operation name → the operation its mean and p95 are compared with. */
  readonly baselines: Readonly<Record<string, string>>;
  /** What the operations reported about their data (sizes, counts). */
  readonly notes: readonly string[];
}

export function formatPure(r: PureReport): string {
  const byName = new Map(r.results.map((o) => [o.name, o]));
  const times = (a: number, b: number | undefined) => (b ? `${(a / b).toFixed(1)}×` : '-');
  const rows = r.results.map((o) => {
    const base = byName.get(r.baselines[o.name] ?? '');
    return [
      o.name,
      int(o.samples),
      ms(o.meanMs),
      ms(o.p50Ms),
      ms(o.p95Ms),
      ms(o.p99Ms),
      `±${o.rmePercent.toFixed(1)}%`,
      times(o.meanMs, base?.meanMs),
      times(o.p95Ms, base?.p95Ms),
      base ? base.name : '',
    ];
  });
  return [
    'pure (in memory, no database)',
    ...r.notes,
    '',
    table(['operation', 'samples', 'mean ms', 'p50 ms', 'p95 ms', 'p99 ms', 'rme', 'mean ×', 'p95 ×', 'of'], rows),
  ].join('\n');
}

function git(args: string[]): string | null {
  try {
    return execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
}

/** The run's environment, recorded so results from different machines or commits are not compared blindly. */
export function environment() {
  const cpu = cpus();
  const status = git(['status', '--porcelain']);
  return {
    machine: {
      hostname: hostname(),
      platform: platform(),
      release: release(),
      arch: arch(),
      cpuModel: cpu[0]?.model ?? 'unknown',
      cpuCount: cpu.length,
      totalMemoryMb: Math.round(totalmem() / 2 ** 20),
    },
    node: process.version,
    git: { commit: git(['rev-parse', 'HEAD']), dirty: status === null ? null : status.length > 0 },
  };
}

/** Writes bench/results/<ISO timestamp>-<dialect>.json (colons replaced, so the name is portable). */
export function saveReport(dir: string, options: BenchOptions, report: DialectReport): string {
  mkdirSync(dir, { recursive: true });
  const stamp = report.startedAt.replace(/:/g, '-');
  const file = join(dir, `${stamp}-${report.dialect}.json`);
  const { pgUrl: _pgUrl, ...safeOptions } = options;
  const body = { schema: 1, ...environment(), options: safeOptions, ...report };
  writeFileSync(file, `${JSON.stringify(body, null, 2)}\n`);
  return file;
}

/** Writes bench/results/<ISO timestamp>-pure.json. */
export function savePureReport(dir: string, options: BenchOptions, report: PureReport): string {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${report.startedAt.replace(/:/g, '-')}-pure.json`);
  const { pgUrl: _pgUrl, ...safeOptions } = options;
  writeFileSync(file, `${JSON.stringify({ schema: 1, ...environment(), options: safeOptions, ...report }, null, 2)}\n`);
  return file;
}
