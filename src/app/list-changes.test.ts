import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openUseCaseWorld, refusal, type UseCaseWorld, worldStart } from '../../test/support/use-case-world.js';
import type { Program } from '../domain/program.js';
import { unwrap } from './create-records.js';
import { listChanges } from './list-changes.js';
import { updateMilestone } from './update-milestone.js';

let w: UseCaseWorld;
beforeAll(async () => {
  w = await openUseCaseWorld();
});
afterAll(() => w.close());
beforeEach(() => w.setNow(worldStart));

/** Every page of the change log from `start` on, following each page's cursor, as ids per page. */
async function pages(p: Program, limit: number, start?: string) {
  const out: string[][] = [];
  let cursor = start;
  for (;;) {
    const page = unwrap(await listChanges(w.deps, { programId: p.id, actor: w.lead, limit, cursor }));
    out.push(page.items.map((i) => i.change.id));
    if (page.nextCursor === null) return out;
    cursor = page.nextCursor;
    if (out.length > 2000) throw new Error('the cursor never ends');
  }
}

/** A program whose milestones are renamed a few times: many change rows, most at the same instant. */
async function busy() {
  const p = await w.program();
  for (let i = 1; i <= 3; i++) {
    let m = await w.milestone(p, `Milestone ${i}`, '2026-03-20');
    for (let n = 1; n <= 2; n++) {
      m = unwrap(
        await updateMilestone(w.deps, {
          programId: p.id,
          milestoneId: m.key,
          version: m.version,
          actor: w.lead,
          patch: { name: `M${i} v${n}` },
        }),
      ).milestone;
    }
  }
  return p;
}

describe('listChanges', () => {
  it('pages through the whole log newest first, each change once, however many share an instant', async () => {
    const p = await busy();
    const all = unwrap(await listChanges(w.deps, { programId: p.id, actor: w.lead }));
    expect(all.nextCursor).toBeNull();
    const ids = all.items.map((i) => i.change.id);
    // Every row was written at the same fixed instant: the id orders them.
    expect(new Set(all.items.map((i) => i.change.at))).toEqual(new Set([worldStart]));
    expect(ids).toEqual([...ids].sort().reverse());
    expect(all.items[0]?.change).toMatchObject({ entityKey: 'M-3', field: 'name', oldValue: 'M3 v1', newValue: 'M3 v2' });
    expect(all.items[0]?.actor?.name).toBe('Dana Whitfield');

    // The program's gates and checklist, made with it, are most of its log: a few hundred rows.
    expect(ids.length).toBeGreaterThan(100);
    for (const limit of [3, 7, ids.length - 1, ids.length, ids.length + 1]) {
      const paged = await pages(p, limit);
      expect(paged.flat(), `limit ${limit}`).toEqual(ids);
      expect(paged.slice(0, -1).every((page) => page.length === limit)).toBe(true);
      // A page that ends the log exactly says so: no empty page after it.
      expect(paged.at(-1)?.length).toBeGreaterThan(0);
    }
  });

  it('keeps its place when newer changes arrive between pages', async () => {
    const p = await busy();
    const first = unwrap(await listChanges(w.deps, { programId: p.id, actor: w.lead, limit: 5 }));
    w.setNow('2026-03-04T10:00:00.000Z');
    const m = unwrap(
      await updateMilestone(w.deps, { programId: p.id, milestoneId: 'M-1', version: 3, actor: w.lead, patch: { name: 'Renamed later' } }),
    );
    expect(m.milestone.name).toBe('Renamed later');
    const rest = await pages(p, 5, first.nextCursor ?? undefined);
    const before = unwrap(await listChanges(w.deps, { programId: p.id, actor: w.lead, until: '2026-03-04T10:00:00.000Z' }));
    expect([...first.items.map((i) => i.change.id), ...rest.flat()]).toEqual(before.items.map((i) => i.change.id));
  });

  it('reads plain dates as whole days in the program’s time zone', async () => {
    const p = await w.program();
    // 23:30 UTC on 4 March is already 5 March in Berlin.
    w.setNow('2026-03-04T23:30:00.000Z');
    await w.milestone(p, 'Late-evening change', '2026-03-20');
    const on = async (since: string, until: string) =>
      unwrap(await listChanges(w.deps, { programId: p.id, actor: w.lead, since, until })).items.filter(
        (i) => i.change.entity === 'milestone',
      ).length;
    expect(await on('2026-03-05', '2026-03-05')).toBeGreaterThan(0);
    expect(await on('2026-03-04', '2026-03-04')).toBe(0);
    // Instants are taken as they are: the same change lies before midnight UTC.
    expect(await on('2026-03-04T00:00:00Z', '2026-03-05T00:00:00Z')).toBeGreaterThan(0);
  });

  it('refuses a cursor it did not make, and hides a program the person does not see', async () => {
    const p = await busy();
    const bad = refusal(await listChanges(w.deps, { programId: p.id, actor: w.lead, cursor: 'not-a-cursor' }));
    expect(bad).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ path: 'cursor' }] });
    const outsider = await w.person('Olu Adebayo', { role: 'observer', program: await w.program() });
    expect(refusal(await listChanges(w.deps, { programId: p.id, actor: outsider })).code).toBe('PROGRAM_NOT_FOUND');
  });
});
