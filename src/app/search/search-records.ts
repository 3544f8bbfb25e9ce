import { type AuthorizedProgramId, accessProgram } from '../../domain/policy.js';
import type { Program } from '../../domain/program.js';
import type { Actor, AppDeps } from '../deps.js';

export const searchKindsInOrder = ['program', 'milestone', 'decision', 'risk', 'action'] as const;
export type SearchKind = (typeof searchKindsInOrder)[number];

export interface SearchHitView {
  readonly kind: SearchKind;
  readonly program: Program;
  /** null for a program. */
  readonly key: string | null;
  readonly title: string;
  readonly status: string;
}

export interface SearchView {
  readonly q: string;
  readonly groups: readonly { readonly kind: SearchKind; readonly items: readonly SearchHitView[]; readonly hasMore: boolean }[];
}

/** The words of a query: split at white space, each once (at most 10, the rest dropped). */
export function searchWords(q: string): string[] {
  return [
    ...new Set(
      q
        .toLowerCase()
        .split(/\s+/u)
        .filter((w) => w.length > 0),
    ),
  ].slice(0, 10);
}

/** Whether a program matches: its code is the query, or every word is in its code or name. */
export function programMatches(program: Pick<Program, 'code' | 'name'>, q: string, words: readonly string[]): boolean {
  if (program.code.toUpperCase() === q.toUpperCase()) return true;
  const text = `${program.code} ${program.name}`.toLowerCase();
  return words.length > 0 && words.every((w) => text.includes(w));
}

/**
 * Finds programs, milestones, decisions, risks and actions by key or words, only in the programs the
 * person may see (the policy's accessProgram, as the portfolio): at most `limit` of each kind, and
 * whether there were more. Closed programs stay searchable.
 */
export async function searchRecords(deps: AppDeps, input: { actor: Actor; q: string; limit: number }): Promise<SearchView> {
  const r = deps.store.reads;
  const q = input.q.trim();
  const words = searchWords(q);
  const visible = (await r.listPrograms()).flatMap((program) => {
    const a = accessProgram(input.actor, program);
    return a.ok ? [{ program, id: a.value.programId }] : [];
  });
  const programById = new Map(visible.map((v) => [v.program.id as string, v.program]));
  const ids: AuthorizedProgramId[] = visible.map((v) => v.id);
  // One more than asked tells whether there are more.
  const found = await r.searchRecords(ids, { key: q.toUpperCase(), words, limit: input.limit + 1 });
  const programHits = visible
    .filter((v) => programMatches(v.program, q, words))
    .map(({ program }): SearchHitView => ({ kind: 'program', program, key: null, title: program.name, status: program.status }))
    .sort(
      (a, b) =>
        Number(b.program.code.toUpperCase() === q.toUpperCase()) - Number(a.program.code.toUpperCase() === q.toUpperCase()) ||
        a.title.localeCompare(b.title),
    );
  const hits = new Map<SearchKind, SearchHitView[]>([['program', programHits]]);
  for (const f of found) {
    const program = programById.get(f.programId);
    if (!program) continue;
    const list = hits.get(f.entity) ?? [];
    list.push({ kind: f.entity, program, key: f.key, title: f.title, status: f.status });
    hits.set(f.entity, list);
  }
  return {
    q,
    groups: searchKindsInOrder.map((kind) => {
      const items = hits.get(kind) ?? [];
      return { kind, items: items.slice(0, input.limit), hasMore: items.length > input.limit };
    }),
  };
}
