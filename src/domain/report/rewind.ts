import { type LoggedEntity, lifeFields } from '../change-story.js';
import { compareInstants } from './report-order.js';

/**
 * Most change-log rows a report winds back through (those of the fields it reads, since the week's start):
 * a week further back than that is refused, naming the week; its issued report keeps it.
 */
export const rewindRowsMax = 100_000;

/** The part of a change-log row that winding a record back reads. */
export interface RewindRow {
  readonly entity: LoggedEntity;
  readonly entityId: string;
  readonly field: string;
  readonly oldValue: string | null;
  readonly newValue: string | null;
  readonly at: string;
}

// The change log writes every value as text (domain/change.ts changeText); these fields are numbers,
// booleans or structured values in the records, whatever their value today (a null says nothing).
const numberFields = new Set([
  'likelihood',
  'impact',
  'residualLikelihood',
  'residualImpact',
  'toleranceDays',
  'level',
  'position',
  'warningDays',
]);
const booleanFields = new Set(['isCritical', 'isRequired']);
const structuredFields = new Set(['gatekeeperIds', 'recommendations', 'decision', 'decidedBy']);

/** A logged value read back into the type its field holds (the record's value today tells, else the field's name). */
function decode(field: string, text: string | null, today: unknown): unknown {
  if (text === null) return null;
  if (numberFields.has(field) || typeof today === 'number') return Number(text);
  if (booleanFields.has(field) || typeof today === 'boolean') return text === 'true';
  if (structuredFields.has(field) || (today !== null && typeof today === 'object')) {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return text;
    }
  }
  return text;
}

/**
 * Records of one kind as they stood at an instant, from the records today and their change-log rows
 * (oldest first, as written): every row at or after the instant is undone, newest first (its field set
 * back to its old value), and a record whose creation was logged at or after the instant drops out.
 * The rows may hold other kinds and other records: only this kind's are read. Records of these kinds
 * are never removed (they close), so none comes back.
 */
export function rewind<T extends { readonly id: string }>(
  entity: LoggedEntity,
  records: readonly T[],
  rows: readonly RewindRow[],
  at: string,
): T[] {
  // Copied on the first row that changes it: a record no row touches is answered as it is (most of a
  // portfolio's records, most weeks), so winding a thousand programs back allocates for what changed only.
  const byId = new Map(records.map((r) => [r.id, r]));
  const copies = new Map<string, Record<string, unknown>>();
  const born = new Set<string>();
  const life = lifeFields[entity];
  for (let i = rows.length - 1; i >= 0; i--) {
    const row = rows[i] as RewindRow;
    if (row.entity !== entity || !byId.has(row.entityId) || compareInstants(row.at, at) < 0) continue;
    if (row.field === life && row.oldValue === null && row.newValue !== null) born.add(row.entityId);
    let record = copies.get(row.entityId);
    if (!record) {
      record = { ...(byId.get(row.entityId) as T) } as Record<string, unknown>;
      copies.set(row.entityId, record);
    }
    if (row.field in record) record[row.field] = decode(row.field, row.oldValue, record[row.field]);
  }
  if (copies.size === 0 && born.size === 0) return [...records];
  return records.filter((r) => !born.has(r.id)).map((r) => (copies.get(r.id) as unknown as T | undefined) ?? r);
}
