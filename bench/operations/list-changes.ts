import { listChanges } from '../../src/app/list-changes.js';
import { benchInstant } from '../lib/portfolio.js';
import { type BenchContext, defineOperation, expectOk } from './types.js';

/** The changes of an answer: a page ({ items, nextCursor }), or the list itself from a server before cursors. */
const pageOf = (v: object): { items: readonly unknown[]; nextCursor: string | null } =>
  Array.isArray(v) ? { items: v, nextCursor: null } : (v as { items: readonly unknown[]; nextCursor: string | null });

/** A program's change log, newest first, at the default page size (the program page's request). */
export const listChangesOp = defineOperation<{ programId: string }>({
  name: 'list-changes',
  description: 'listChanges of a random program: the first page (default limit 500, newest first)',
  setup: () => ({ programId: '' }),
  beforeEach: (ctx, s) => {
    s.programId = ctx.rng.pick(ctx.portfolio.programs).id;
  },
  run: async (ctx, s) => pageOf(expectOk(await listChanges(ctx.deps, { ...s, actor: ctx.actor }), 'listChanges')).items.length,
});

const pageSize = 50;
const yearMs = 365 * 24 * 3_600_000;

interface Deep {
  readonly programId: string;
  /** The nextCursor of the page before (cursor paging), or null on a server without cursors. */
  readonly cursor: string | null;
}

/** Pages of 50 walked untimed to a random depth (1-8 pages) in 40 random programs: the cursors the timed calls start from. */
async function deepCursors(ctx: BenchContext): Promise<Deep[]> {
  const out: Deep[] = [];
  for (let i = 0; i < 40; i++) {
    const programId = ctx.rng.pick(ctx.portfolio.programs).id;
    let cursor: string | null = null;
    for (let depth = ctx.rng.int(1, 8); depth > 0; depth--) {
      const input = { programId, actor: ctx.actor, limit: pageSize, ...(cursor ? { cursor } : {}) };
      const page = pageOf(expectOk(await listChanges(ctx.deps, input), 'listChanges'));
      if (page.nextCursor === null) break;
      cursor = page.nextCursor;
    }
    out.push({ programId, cursor });
  }
  return out;
}

/**
 * Paging back through the change log: a page of 50 deep in a random program's log, by the cursor of
 * the page before. A server without cursors (before they existed) pages by `until`: a page of 50
 * older than a random instant of the past year.
 */
export const listChangesPage = defineOperation<{ pool: Deep[]; next: Deep | null; until: string }>({
  name: 'list-changes-page',
  description: 'listChanges: a page of 50 deep in a random program (by cursor; by until before cursors)',
  setup: async (ctx) => ({ pool: await deepCursors(ctx), next: null, until: '' }),
  beforeEach: (ctx, s) => {
    s.next = ctx.rng.pick(s.pool);
    s.until = new Date(benchInstant.getTime() - Math.floor(ctx.rng.next() * yearMs)).toISOString();
  },
  run: async (ctx, s) => {
    if (!s.next) throw new Error('no page chosen');
    const { programId, cursor } = s.next;
    const input = { programId, actor: ctx.actor, limit: pageSize, ...(cursor ? { cursor } : { until: s.until }) };
    return pageOf(expectOk(await listChanges(ctx.deps, input), 'listChanges')).items.length;
  },
});
