import Database from 'better-sqlite3';
import pg from 'pg';
import { actionFields } from '../../src/domain/action.js';
import { milestoneFields } from '../../src/domain/milestone.js';
import type { Dialect } from '../lib/options.js';
import type { AckedWrite, InFlightWrite, KnownMilestone } from './load.js';

type Row = Record<string, unknown>;

interface ChangeRow {
  readonly id: string;
  readonly entity: string;
  readonly entity_id: string;
  readonly program_id: string | null;
  readonly field: string;
  readonly new_value: string | null;
  readonly reason: string | null;
  readonly correlation_id: string;
  readonly at: string;
}

/** The tables the checks read, straight from the database (not through the server). */
export interface Snapshot {
  readonly milestones: Map<string, Row>;
  readonly actions: Map<string, Row>;
  /** Change-log rows of milestones and actions, oldest first (at, then id). */
  readonly changes: readonly ChangeRow[];
  readonly counters: readonly { program_id: string; prefix: string; last_value: unknown }[];
}

export interface DbReader {
  snapshot(): Promise<Snapshot>;
  close(): Promise<void>;
}

const queries = {
  milestones: 'SELECT * FROM milestones',
  actions: 'SELECT * FROM actions',
  changes:
    "SELECT id, entity, entity_id, program_id, field, new_value, reason, correlation_id, at FROM changes WHERE entity IN ('milestone', 'action')",
  counters: 'SELECT program_id, prefix, last_value FROM key_counters',
};

const byId = (rows: Row[]) => new Map(rows.map((r) => [String(r.id), r]));
// Byte order, as both databases store ISO instants and uuidv7 ids (a collation could order differently).
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const oldestFirst = (rows: ChangeRow[]) => rows.sort((a, b) => cmp(a.at, b.at) || cmp(a.id, b.id));

/**
 * Reads the database beside the server: SQLite read-only (a new connection per snapshot, so it
 * sees the file as recovered after the crash), PostgreSQL over its own connection, each snapshot
 * in one repeatable-read transaction so the tables agree with each other.
 */
export async function openReader(dialect: Dialect, where: { databaseUrl: string | undefined; sqliteFile: string }): Promise<DbReader> {
  if (dialect === 'sqlite') {
    return {
      snapshot: async () => {
        const db = new Database(where.sqliteFile, { readonly: true, fileMustExist: true });
        try {
          return db.transaction(() => ({
            milestones: byId(db.prepare(queries.milestones).all() as Row[]),
            actions: byId(db.prepare(queries.actions).all() as Row[]),
            changes: oldestFirst(db.prepare(queries.changes).all() as ChangeRow[]),
            counters: db.prepare(queries.counters).all() as Snapshot['counters'],
          }))();
        } finally {
          db.close();
        }
      },
      close: async () => {},
    };
  }
  const client = new pg.Client({ connectionString: where.databaseUrl });
  await client.connect();
  return {
    snapshot: async () => {
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      try {
        const q = async <T extends pg.QueryResultRow>(text: string) => (await client.query<T>(text)).rows;
        const snapshot = {
          milestones: byId(await q(queries.milestones)),
          actions: byId(await q(queries.actions)),
          changes: oldestFirst(await q<ChangeRow>(queries.changes)),
          counters: await q<Snapshot['counters'][number]>(queries.counters),
        };
        return snapshot;
      } finally {
        await client.query('COMMIT');
      }
    },
    close: () => client.end(),
  };
}

export interface Expectation {
  /** Every write acknowledged so far in this dialect's run. */
  readonly acked: readonly AckedWrite[];
  /** Each milestone as last known committed before the kill. */
  readonly known: ReadonlyMap<string, KnownMilestone>;
  /** Writes in flight when the server was killed. */
  readonly inFlight: readonly InFlightWrite[];
}

export interface Verdict {
  /** Acknowledged writes not found as acknowledged (record missing, change-log row missing, version gone back). */
  readonly lost: string[];
  /** Anything half-written or not matching: the change log vs the data, key counters, unexpected changes. */
  readonly inconsistent: string[];
  /** In-flight writes that turned out committed (allowed: the answer, not the commit, was lost). */
  readonly inFlightCommitted: number;
}

const snake = (field: string) => field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const booleanFields = new Set(['isCritical']);

/** A stored column as the change log writes it (String(value); booleans as true/false). */
function shown(row: Row, field: string): string | null {
  const v = row[snake(field)];
  if (v === null || v === undefined) return null;
  if (booleanFields.has(field)) return String(Boolean(Number(v)));
  return String(v);
}

/**
 * The checks after one kill and restart:
 * - every acknowledged write: its record exists, its change-log row exists with the value and the
 *   write's tag, and the record's version did not go back;
 * - every known milestone: same version and forecast as last acknowledged, or a later version only
 *   in a program where a write was in flight at the kill;
 * - every milestone and action (the demo's too): one change-log correlation per version, the last
 *   change row of each field equals the stored value, no change rows of a missing record, and each
 *   program's key counter equals its highest key.
 */
export function verify(s: Snapshot, e: Expectation): Verdict {
  const lost: string[] = [];
  const inconsistent: string[] = [];
  const changesOf = new Map<string, ChangeRow[]>();
  for (const c of s.changes) {
    const list = changesOf.get(c.entity_id);
    if (list) list.push(c);
    else changesOf.set(c.entity_id, [c]);
  }

  // One finding per lost write: a milestone already found lost through a write is not counted again.
  const lostIds = new Set<string>();
  for (const w of e.acked) {
    const lostBefore = lost.length;
    const what = `${w.kind} ${w.key} (${w.tag}, version ${w.version}, ${w.field} ${w.value})`;
    const row = (w.entity === 'milestone' ? s.milestones : s.actions).get(w.id);
    if (!row) {
      lost.push(`${what}: the ${w.entity} is missing`);
      lostIds.add(w.id);
      continue;
    }
    const logged = (changesOf.get(w.id) ?? []).some(
      (c) =>
        c.field === w.field &&
        c.new_value === w.value &&
        (w.kind === 'open-action' ? true : w.kind === 'push' ? (c.reason ?? '').includes(w.tag) : c.reason === w.tag),
    );
    if (!logged) lost.push(`${what}: its change-log row is missing`);
    else if (Number(row.version) < w.version) lost.push(`${what}: stored version ${String(row.version)} is older`);
    if (lost.length > lostBefore) lostIds.add(w.id);
  }

  const inFlightPrograms = new Set(e.inFlight.map((w) => w.programId));
  for (const k of e.known.values()) {
    const row = s.milestones.get(k.id);
    if (lostIds.has(k.id)) continue;
    if (!row) {
      lost.push(`milestone ${k.key} (version ${k.version}, read back after an earlier restart) is missing`);
      continue;
    }
    const version = Number(row.version);
    if (version < k.version) lost.push(`milestone ${k.key}: version ${version}, but version ${k.version} was committed`);
    else if (version === k.version && row.forecast_date !== k.forecastDate) {
      inconsistent.push(`milestone ${k.key} version ${version}: forecast ${String(row.forecast_date)}, acknowledged ${k.forecastDate}`);
    } else if (version > k.version && !inFlightPrograms.has(k.programId)) {
      inconsistent.push(`milestone ${k.key}: version ${version} > ${k.version} with no write in flight in its program`);
    }
  }

  const tables = [
    { entity: 'milestone', rows: s.milestones, fields: milestoneFields as readonly string[], prefix: 'M' },
    { entity: 'action', rows: s.actions, fields: actionFields as readonly string[], prefix: 'A' },
  ] as const;
  for (const t of tables) {
    const highest = new Map<string, number>();
    for (const row of t.rows.values()) {
      const id = String(row.id);
      const key = String(row.key);
      const rows = changesOf.get(id) ?? [];
      const correlations = new Set(rows.map((c) => c.correlation_id)).size;
      if (correlations !== Number(row.version)) {
        inconsistent.push(`${t.entity} ${key}: version ${String(row.version)} but ${correlations} change-log writes`);
      }
      for (const field of t.fields) {
        const last = rows.filter((c) => c.field === field).at(-1);
        const stored = shown(row, field);
        if ((last?.new_value ?? null) !== stored) {
          inconsistent.push(`${t.entity} ${key}.${field}: stored ${stored}, change log says ${last ? last.new_value : '(no row)'}`);
        }
      }
      const n = Number(/^[A-Z]+-(\d+)$/.exec(key)?.[1]);
      const program = String(row.program_id);
      highest.set(program, Math.max(highest.get(program) ?? 0, n));
    }
    for (const c of s.changes) {
      if (c.entity === t.entity && !t.rows.has(c.entity_id))
        inconsistent.push(`change-log row ${c.id} of a ${t.entity} ${c.entity_id} that does not exist`);
    }
    const counters = new Map(s.counters.filter((c) => c.prefix === t.prefix).map((c) => [c.program_id, Number(c.last_value)]));
    for (const program of new Set([...counters.keys(), ...highest.keys()])) {
      if ((counters.get(program) ?? 0) !== (highest.get(program) ?? 0)) {
        inconsistent.push(
          `program ${program}: ${t.prefix} key counter ${counters.get(program) ?? '(none)'}, highest key ${highest.get(program) ?? '(none)'}`,
        );
      }
    }
  }

  const tags = new Set<string>();
  for (const c of s.changes) {
    if (c.reason?.startsWith('crash ')) tags.add(c.reason);
    if (c.new_value?.startsWith('crash ')) tags.add(c.new_value);
  }
  const inFlightCommitted = e.inFlight.filter((w) => tags.has(w.tag)).length;
  return { lost, inconsistent, inFlightCommitted };
}

/**
 * Guards the checks against going blind (a renamed column, a query that returns nothing): damages
 * copies of a snapshot the way a lost or half-done write would, and names each damage verify()
 * did not notice. Needs an acknowledged new milestone among the expectation's writes.
 */
export function selfTest(s: Snapshot, e: Expectation): string[] {
  const created = e.acked.find((w) => w.kind === 'create-milestone' && s.milestones.has(w.id));
  if (!created) return ['no acknowledged new milestone to damage'];
  const row = s.milestones.get(created.id) as Row;
  const without = new Map(s.milestones);
  without.delete(created.id);
  const lastChange = s.changes.filter((c) => c.entity_id === created.id).at(-1);
  const damages: { name: string; snapshot: Snapshot }[] = [
    { name: `${created.key} missing`, snapshot: { ...s, milestones: without } },
    {
      name: `the last change-log write of ${created.key} missing`,
      snapshot: { ...s, changes: s.changes.filter((c) => c.correlation_id !== lastChange?.correlation_id) },
    },
    {
      name: `${created.key} with another forecast at the same version`,
      snapshot: { ...s, milestones: new Map(s.milestones).set(created.id, { ...row, forecast_date: '1999-01-01' }) },
    },
    {
      name: `${created.key} one version back`,
      snapshot: { ...s, milestones: new Map(s.milestones).set(created.id, { ...row, version: Number(row.version) - 1 }) },
    },
    {
      name: 'a key counter one ahead of its highest key',
      snapshot: {
        ...s,
        counters: s.counters.map((c, i) =>
          i === s.counters.findIndex((x) => x.prefix === 'M') ? { ...c, last_value: Number(c.last_value) + 1 } : c,
        ),
      },
    },
  ];
  return damages
    .filter((d) => {
      const v = verify(d.snapshot, e);
      return v.lost.length + v.inconsistent.length === 0;
    })
    .map((d) => `not detected: ${d.name}`);
}
