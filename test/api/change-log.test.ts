import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMilestone } from '../../src/app/create-milestone.js';
import { unwrap } from '../../src/app/create-records.js';
import { addMilestoneLink } from '../../src/app/plan/add-milestone-link.js';
import { removeMilestoneLink } from '../../src/app/plan/remove-milestone-link.js';
import { updateMilestone } from '../../src/app/update-milestone.js';
import type { ChangeEntry } from '../../src/contract/change.js';
import type { PlainDate } from '../../src/domain/plain-date.js';
import type { Program } from '../../src/domain/program.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { dialects } from '../support/databases.js';
import { call, expectProblem, paths, seedProgram, seedUser } from './helpers.js';

const d = (s: string) => s as PlainDate;

describe.each(dialects)('change log as a story on %s', (dialect) => {
  let t: TestApp;
  let program: Program;

  const log = async (query = '') => {
    const res = await call(t, { method: 'GET', url: `/api/v1/programs/${program.code}/change-log${query}` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{ items: ChangeEntry[]; nextCursor: string | null }>();
  };

  beforeAll(async () => {
    t = await createTestApp(dialect);
    t.setNow(new Date('2026-03-02T08:00:00.000Z'));
    program = await seedProgram(t, 'STORY-1');
    const lin = await seedUser(t, 'Lin Wei', 'lin@example.test', { programId: program.id });
    const at = (iso: string) => t.setNow(new Date(iso));
    const make = async (name: string, baseline: string) =>
      unwrap(
        await createMilestone(t.deps, {
          programId: program.id,
          actor: t.actor,
          name,
          phase: 'G1',
          baselineDate: d(baseline),
          ownerId: t.actor.id,
        }),
      ).milestone;
    at('2026-03-03T09:00:00.000Z');
    const tooling = await make('Tooling T1 approved', '2026-04-01');
    const pilot = await make('Pilot run', '2026-04-20');
    at('2026-03-04T09:00:00.000Z');
    unwrap(
      await updateMilestone(t.deps, {
        programId: program.id,
        milestoneId: tooling.key,
        version: tooling.version,
        actor: t.actor,
        patch: { ownerId: lin.id, isCritical: true },
        reason: 'Lin runs tooling now',
      }),
    );
    at('2026-03-05T09:00:00.000Z');
    const link = unwrap(
      await addMilestoneLink(t.deps, { programId: program.id, actor: t.actor, predecessor: tooling.key, successor: pilot.key, lagDays: 5 }),
    );
    at('2026-03-06T09:00:00.000Z');
    unwrap(
      await removeMilestoneLink(t.deps, { programId: program.id, actor: t.actor, linkId: link.link.id, reason: 'Pilot no longer waits' }),
    );
    t.setNow(null);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('groups the fields of one write into one entry with its reason, names the record by key and title and ids by name', async () => {
    const { items } = await log('?limit=200');
    const edit = items.find((e) => e.record.key === 'M-1' && e.kind === 'changed');
    expect(edit).toMatchObject({
      reason: 'Lin runs tooling now',
      by: { name: 'Dana Whitfield' },
      record: { entity: 'milestone', key: 'M-1', title: 'Tooling T1 approved' },
    });
    expect(edit?.fields.map((f) => f.field).sort()).toEqual(['isCritical', 'ownerId']);
    expect(edit?.fields.find((f) => f.field === 'ownerId')).toMatchObject({
      oldValue: t.actor.id,
      oldName: t.actor.name,
      newName: 'Lin Wei',
    });
    // No entry is the same write of the same record twice: every row of a write is in one entry.
    const writes = items.map((e) => `${e.correlationId}|${e.record.id}`);
    expect(new Set(writes).size).toBe(writes.length);
    const created = items.find((e) => e.record.key === 'M-2');
    expect(created).toMatchObject({ kind: 'added', record: { title: 'Pilot run' } });
    const program0 = items.find((e) => e.record.entity === 'program' && e.kind === 'added');
    expect(program0).toMatchObject({ record: { key: 'STORY-1', title: 'Kettle STORY-1' }, by: { name: 'Morgan Reyes' } });
    expect(program0?.fields.find((f) => f.field === 'clientId')?.newName).toBe('Keller Haushaltsgeräte GmbH');
    expect(program0?.fields.find((f) => f.field === 'ownerId')?.newName).toBe('Dana Whitfield');
  });

  it('tells a dependency added and removed as one entry each, its ends by key, kept after it is gone', async () => {
    const links = (await log('?limit=200')).items.filter((e) => e.record.entity === 'milestone_link');
    expect(links.map((e) => [e.kind, e.record.key])).toEqual([
      ['removed', 'M-1→M-2'],
      ['added', 'M-1→M-2'],
    ]);
    const added = links[1];
    expect(added?.fields.find((f) => f.field === 'predecessorId')).toMatchObject({ newName: 'M-1' });
    expect(added?.fields.find((f) => f.field === 'lagDays')?.newValue).toBe('5');
    expect(links[0]?.reason).toBe('Pilot no longer waits');
  });

  it('pages by entries, never splitting one, the cursor keeping to the filters', async () => {
    const all = (await log('?limit=200')).items;
    const seen: ChangeEntry[] = [];
    let cursor: string | null = null;
    for (let i = 0; i < all.length + 1; i++) {
      const page = await log(`?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items);
      cursor = page.nextCursor;
      if (cursor === null) break;
    }
    expect(seen).toEqual(all);
  });

  it('filters by record (with its dependencies), by person and by period', async () => {
    const m1 = (await log('?record=m-1')).items;
    expect(new Set(m1.map((e) => e.record.key))).toEqual(new Set(['M-1', 'M-1→M-2']));
    const byAdmin = (await log('?by=admin@example.test')).items;
    expect(byAdmin.length).toBeGreaterThan(0);
    expect(byAdmin.every((e) => e.by.email === 'admin@example.test')).toBe(true);
    const day = (await log('?from=2026-03-04&to=2026-03-04')).items;
    expect(day.map((e) => e.reason)).toEqual(['Lin runs tooling now']);
    const ids = (await log(`?by=${t.actor.id}&record=M-2&from=2026-03-01&to=2026-03-31`)).items.map((e) => e.kind);
    expect(ids).toEqual(['removed', 'added', 'added']);
  });

  it.each([
    ['record=M12', 'record'],
    ['record=M-1%25', 'record'],
    ['by=nobody@example.test', 'by'],
    ['from=2026-02-30', 'from'],
    ['from=2026-03-10&to=2026-03-01', 'to'],
    ['from=2024-01-01&to=2026-03-01', 'from'],
    ['limit=201', 'limit'],
    ['cursor=not-a-cursor', 'cursor'],
    ['since=2026-03-01', ''],
  ])('a bad query (%s) is a 422 naming `%s`', async (query, field) => {
    const res = await call(t, { method: 'GET', url: `/api/v1/programs/${program.code}/change-log?${query}` });
    const p = expectProblem(res, 422, field === 'by' ? 'USER_NOT_FOUND' : 'VALIDATION_FAILED');
    if (field) expect(paths(p)).toContain(field);
  });
});
