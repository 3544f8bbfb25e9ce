import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { arch, cpus, hostname, platform, release, totalmem } from 'node:os';
import { join } from 'node:path';
import type { RowCounts } from './database.js';
import type { OperationResult } from './measure.js';
import type { BenchOptions, Dialect } from './options.js';

export interface GenerationReport {
  readonly ms: number;
  readonly programs: number;
  readonly milestones: number;
  /** Use-case calls (transactions) made. */
  readonly calls: number;
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
  readonly results: readonly OperationResult[];
}

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
  const changes = g.rows.changes;
  return (
    `generated ${int(g.programs)} programs × ${int(g.milestones / Math.max(1, g.programs))} milestones in ${(g.ms / 1000).toFixed(1)} s: ` +
    `${int(g.calls)} use-case calls (${int(g.callsPerSecond)}/s), ${int(g.totalRows)} rows incl. ${int(changes)} change-log rows (${int(g.rowsPerSecond)} rows/s)`
  );
}

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
  ]);
  return [
    `${r.dialect} (${r.location})`,
    generationLine(r.generation),
    '',
    table(['operation', 'samples', 'mean ms', 'p50 ms', 'p95 ms', 'p99 ms', 'ops/s', 'rme'], rows),
  ].join('\n');
}

/** Side by side, when more than one dialect ran. */
export function formatComparison(reports: readonly DialectReport[]): string {
  const names = [...new Set(reports.flatMap((r) => r.results.map((o) => o.name)))];
  const header = ['operation', ...reports.flatMap((r) => [`${r.dialect} p50`, `${r.dialect} p95`])];
  const rows = names.map((n) => [
    n,
    ...reports.flatMap((r) => {
      const o = r.results.find((x) => x.name === n);
      return o ? [ms(o.p50Ms), ms(o.p95Ms)] : ['-', '-'];
    }),
  ]);
  return `comparison (ms)\n${table(header, rows)}`;
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
