import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unwrap } from '../../src/app/create-records.js';
import { importLegacyAction, importLegacyMilestone } from '../../src/app/demo/legacy-records.js';
import type { Actor } from '../../src/app/deps.js';
import type { UserId } from '../../src/domain/ids.js';
import type { PlainDate } from '../../src/domain/plain-date.js';
import type { Program } from '../../src/domain/program.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { dialects } from '../support/databases.js';
import { call, expectProblem, paths, seedProgram, seedUser } from './helpers.js';
import { seedDecision } from './seed-records.js';

interface Page {
  items: { kind: string; key: string; title: string; lacks: string[]; owner: { id: string } | null; dueDate: string | null }[];
  nextCursor: string | null;
}

describe.each(dialects)('the "needs an owner or date" list on %s', (dialect) => {
  let t: TestApp;
  let program: Program;
  let chen: Actor;
  const list = async (query = '', who?: Actor) => {
    const res = await call(t, { method: 'GET', url: `/api/v1/programs/${program.code}/needs-owner${query}` }, who);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<Page>();
  };

  beforeAll(async () => {
    t = await createTestApp(dialect);
    t.setNow(new Date('2026-03-11T04:00:00.000Z'));
    program = await seedProgram(t, 'KHG-GAPS');
    chen = await seedUser(t, 'Chen Wei', 'chen.gaps@example.test', { programId: program.id });
    const legacy = { programId: program.id, actor: t.actor, reason: 'Imported from the old tracking sheet' };
    unwrap(
      await importLegacyMilestone(t.deps, { ...legacy, name: 'Carton drop test', phase: 'G2', baselineDate: '2026-04-02' as PlainDate }),
    );
    // A record with both is not listed.
    const owned = await call(t, {
      method: 'POST',
      url: `/api/v1/programs/${program.code}/milestones`,
      payload: { name: 'Pilot run', phase: 'G2', baselineDate: '2026-04-10', ownerId: chen.id },
    });
    expect(owned.statusCode, owned.body).toBe(201);
    await seedDecision(t, program, t.actor, { statement: 'Which carton supplier?', ownerId: t.actor.id, dueDate: null });
    await seedDecision(t, program, t.actor, { statement: 'Nobody decides this', ownerId: null, dueDate: '2026-03-20' });
    unwrap(await importLegacyAction(t.deps, { ...legacy, title: 'Confirm the drop height', ownerId: chen.id as UserId }));
  });
  afterAll(async () => {
    await t?.close();
  });

  it('lists every open record lacking an owner or a due date, milestones first, naming what each lacks', async () => {
    const page = await list();
    expect(page.items.map((i) => [i.kind, i.key, i.lacks, i.owner?.id ?? null, i.dueDate])).toEqual([
      ['milestone', 'M-1', ['owner'], null, '2026-04-02'],
      ['decision', 'D-1', ['due_date'], t.actor.id, null],
      ['decision', 'D-2', ['owner'], null, '2026-03-20'],
      ['action', 'A-1', ['due_date'], chen.id, null],
    ]);
    expect(page.nextCursor).toBeNull();
  });

  it('pages through the list by cursor, every item once, and refuses a cursor that is not its own', async () => {
    const seen: string[] = [];
    let cursor: string | null = '';
    while (cursor !== null) {
      const page: Page = await list(`?limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...page.items.map((i) => i.key));
      cursor = page.nextCursor;
    }
    expect(seen).toEqual(['M-1', 'D-1', 'D-2', 'A-1']);
    const bad = await call(t, { method: 'GET', url: `/api/v1/programs/${program.code}/needs-owner?cursor=bm90LW1pbmU` });
    expect(paths(expectProblem(bad, 422, 'VALIDATION_FAILED'))).toEqual(['cursor']);
  });

  it('drops a record from the list once it is completed', async () => {
    const res = await call(t, {
      method: 'PATCH',
      url: `/api/v1/programs/${program.code}/milestones/M-1`,
      payload: { version: 1, ownerId: chen.id },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect((await list()).items.map((i) => i.key)).toEqual(['D-1', 'D-2', 'A-1']);
  });

  it('answers a program the reader may not see as not found', async () => {
    const stranger = await t.addPerson({ email: 'stranger.gaps@example.test' });
    const res = await call(t, { method: 'GET', url: `/api/v1/programs/${program.code}/needs-owner` }, stranger);
    expectProblem(res, 404, 'PROGRAM_NOT_FOUND');
  });
});
