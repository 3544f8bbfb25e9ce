/** One thing a revision of a report says differently from the revision before. */
export interface ReportDifference {
  /** Where in the report model: `milestoneMovement.moved[M-3].to`, `narrative`. */
  readonly path: string;
  /** The value before (null: absent); a whole entry when one came or went. */
  readonly from: unknown;
  readonly to: unknown;
}

/** Most differences a revision records; beyond them it says how many more there were. */
export const differencesMax = 200;

export interface RevisionChanges {
  readonly revision: number;
  readonly differences: readonly ReportDifference[];
  /** Differences beyond `differencesMax`, not listed. */
  readonly more: number;
}

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Entries of a list named by their key (and field, for a milestone's two dates) when every entry has a distinct one; else by place. */
function entryNames(list: readonly unknown[]): string[] | null {
  const names = list.map((v) =>
    isRecord(v) && typeof v.key === 'string' ? (typeof v.field === 'string' ? `${v.key} ${v.field}` : v.key) : null,
  );
  return names.every((n) => n !== null) && new Set(names).size === names.length ? (names as string[]) : null;
}

function walk(a: unknown, b: unknown, path: string, out: ReportDifference[]): void {
  if (JSON.stringify(a) === JSON.stringify(b)) return;
  if (isRecord(a) && isRecord(b)) {
    for (const k of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort())
      walk(a[k] ?? null, b[k] ?? null, path ? `${path}.${k}` : k, out);
    return;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    const [na, nb] = [entryNames(a), entryNames(b)];
    if (na && nb) {
      const byA = new Map(na.map((n, i) => [n, a[i]]));
      const byB = new Map(nb.map((n, i) => [n, b[i]]));
      for (const n of [...new Set([...na, ...nb])]) walk(byA.get(n) ?? null, byB.get(n) ?? null, `${path}[${n}]`, out);
      return;
    }
    for (let i = 0; i < Math.max(a.length, b.length); i++) walk(a[i] ?? null, b[i] ?? null, `${path}[${i}]`, out);
    return;
  }
  out.push({ path, from: a ?? null, to: b ?? null });
}

/**
 * What a correction changed against the revision before: every value of the report model that
 * differs, by its path (entries of a list named by their key), the first `differencesMax` listed.
 */
export function revisionChanges(previous: unknown, next: unknown, previousRevision: number): RevisionChanges {
  const all: ReportDifference[] = [];
  walk(previous, next, '', all);
  return { revision: previousRevision, differences: all.slice(0, differencesMax), more: Math.max(0, all.length - differencesMax) };
}
