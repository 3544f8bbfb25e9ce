import { type Kysely, type RawBuilder, type SqlBool, sql } from 'kysely';
import type { FoundRecord, RecordSearch } from '../app/ports.js';
import { chunks } from './in-lists.js';
import type { Database } from './schema.js';

// Words are found with LIKE on lower(title) in both dialects: each word escaped (\, % and _ are plain
// characters) and lowered by the same database function as the column, so the two agree on case. A
// leading % rules out an index; the search reads only the programs a person sees, `limit` rows a kind.

/** A LIKE pattern that finds `word` anywhere, its wildcard characters taken literally (ESCAPE '\'). */
export const containsPattern = (word: string): string => `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

const matching = (programIds: readonly string[], title: string, q: RecordSearch): RawBuilder<SqlBool> => {
  const words = q.words.map((w) => sql`lower(${sql.ref(title)}) like lower(${containsPattern(w)}) escape '\\'`);
  const byWords = words.length > 0 ? sql`(${sql.join(words, sql` and `)})` : sql`1 = 0`;
  return sql<SqlBool>`${sql.ref('programId')} in (${sql.join([...programIds])}) and (${sql.ref('key')} = ${q.key} or ${byWords})`;
};
const keyFirst = (q: RecordSearch) => sql<number>`case when ${sql.ref('key')} = ${q.key} then 0 else 1 end`;

type Row = { id: string; programId: string; key: string; title: string; status: string };
const byRank = (key: string) => (a: Row, b: Row) =>
  Number(a.key !== key) - Number(b.key !== key) || (a.title < b.title ? -1 : a.title > b.title ? 1 : 0) || (a.id < b.id ? -1 : 1);

/** Milestones, decisions, risks and actions of the programs matching the search, at most `limit` a kind. */
export async function searchRecords(db: Kysely<Database>, programIds: readonly string[], q: RecordSearch): Promise<FoundRecord[]> {
  const out: FoundRecord[] = [];
  const kinds = [
    {
      entity: 'milestone' as const,
      read: (ids: string[]) =>
        db
          .selectFrom('milestones')
          .select(['id', 'programId', 'key', 'name as title'])
          .select(sql<string>`case when ${sql.ref('actualDate')} is null then 'open' else 'done' end`.as('status'))
          .where(matching(ids, 'name', q))
          .orderBy(keyFirst(q))
          .orderBy('name')
          .orderBy('id')
          .limit(q.limit)
          .execute(),
    },
    {
      entity: 'decision' as const,
      read: (ids: string[]) =>
        db
          .selectFrom('decisions')
          .select(['id', 'programId', 'key', 'statement as title', 'status'])
          .where(matching(ids, 'statement', q))
          .orderBy(keyFirst(q))
          .orderBy('statement')
          .orderBy('id')
          .limit(q.limit)
          .execute(),
    },
    {
      entity: 'risk' as const,
      read: (ids: string[]) =>
        db
          .selectFrom('risks')
          .select(['id', 'programId', 'key', 'title', 'status'])
          .where(matching(ids, 'title', q))
          .orderBy(keyFirst(q))
          .orderBy('title')
          .orderBy('id')
          .limit(q.limit)
          .execute(),
    },
    {
      entity: 'action' as const,
      read: (ids: string[]) =>
        db
          .selectFrom('actions')
          .select(['id', 'programId', 'key', 'title', 'status'])
          .where(matching(ids, 'title', q))
          .orderBy(keyFirst(q))
          .orderBy('title')
          .orderBy('id')
          .limit(q.limit)
          .execute(),
    },
  ];
  for (const { entity, read } of kinds) {
    const rows: Row[] = [];
    for (const part of chunks(programIds)) rows.push(...(await read(part)));
    // Several parts each bring their best `limit`: the same order picks the best of all.
    rows.sort(byRank(q.key));
    out.push(...rows.slice(0, q.limit).map((r) => ({ entity, ...r })));
  }
  return out;
}
