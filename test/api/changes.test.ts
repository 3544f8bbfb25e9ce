import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMilestone } from '../../src/app/create-milestone.js';
import { unwrap } from '../../src/app/create-records.js';
import { moveMilestone } from '../../src/app/move-milestone.js';
import type { PlainDate } from '../../src/domain/plain-date.js';
import type { Program } from '../../src/domain/program.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { dialects } from '../support/databases.js';
import { type ChangeBody, call, changes, expectProblem, paths, seedProgram } from './helpers.js';

const d = (s: string) => s as PlainDate;

/**
 * Moves of one milestone at chosen instants, one change row each. Ningbo is UTC+8, so the day a
 * change belongs to there differs from its UTC day for the first two and the last.
 */
const ningboMoves = [
  { at: '2026-03-09T15:30:00.000Z', to: '2026-03-23', label: 'Mon 9 23:30 in Ningbo' },
  { at: '2026-03-09T16:30:00.000Z', to: '2026-03-24', label: 'Tue 10 00:30 in Ningbo' },
  { at: '2026-03-10T15:59:59.999Z', to: '2026-03-25', label: 'Tue 10 23:59:59.999 in Ningbo' },
  { at: '2026-03-10T16:00:00.000Z', to: '2026-03-26', label: 'Wed 11 00:00 in Ningbo' },
] as const;

// Berlin moves to summer time on Sunday 29 March 2026: that day has 23 hours.
const berlinMoves = [
  { at: '2026-03-28T22:30:00.000Z', to: '2026-04-07', label: 'Sat 28 23:30 CET' },
  { at: '2026-03-28T23:30:00.000Z', to: '2026-04-08', label: 'Sun 29 00:30 CET' },
  { at: '2026-03-29T21:30:00.000Z', to: '2026-04-09', label: 'Sun 29 23:30 CEST' },
  { at: '2026-03-29T22:30:00.000Z', to: '2026-04-10', label: 'Mon 30 00:30 CEST' },
] as const;

describe.each(dialects)('change log API on %s', (dialect) => {
  let t: TestApp;
  let ningbo: Program;
  let berlin: Program;

  /** Creates one milestone on `createdAt` and moves it at each instant; returns the move labels by new date. */
  async function history(program: Program, createdAt: string, moves: readonly { at: string; to: string }[]) {
    t.setNow(new Date(createdAt));
    const m = unwrap(
      await createMilestone(t.deps, {
        programId: program.id,
        actor: t.actor,
        ownerId: t.actor.id,
        name: 'Golden sample approved',
        phase: 'G1',
        baselineDate: d('2026-03-20'),
      }),
    );
    let version = m.milestone.version;
    for (const mv of moves) {
      t.setNow(new Date(mv.at));
      const r = unwrap(
        await moveMilestone(t.deps, {
          programId: program.id,
          milestoneId: m.milestone.id,
          version,
          actor: t.actor,
          forecastDate: d(mv.to),
          reason: `Moved at ${mv.at}`,
        }),
      );
      version = r.milestone.version;
    }
    t.setNow(null);
  }

  /** The new forecast dates of the moves the query returns, oldest first. */
  const moved = async (program: Program, query: string) =>
    (await changes(t, program.code, query))
      .filter((c) => c.field === 'forecastDate' && c.oldValue !== null)
      .map((c) => c.newValue)
      .reverse();

  beforeAll(async () => {
    t = await createTestApp(dialect);
    t.setNow(new Date('2026-03-01T00:00:00.000Z'));
    ningbo = await seedProgram(t, 'NB-LOG', { timeZone: 'Asia/Shanghai' });
    berlin = await seedProgram(t, 'BER-LOG', { timeZone: 'Europe/Berlin' });
    await history(ningbo, '2026-03-02T01:00:00.000Z', ningboMoves);
    await history(berlin, '2026-03-20T09:00:00.000Z', berlinMoves);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('lists the whole log newest first, each row with the instant it was written', async () => {
    const log = await changes(t, ningbo.code);
    expect(log.slice(0, 4).map((c) => c.at)).toEqual(ningboMoves.map((m) => m.at).reverse());
    expect(log.slice(0, 4).map((c) => c.reason)).toEqual(ningboMoves.map((m) => `Moved at ${m.at}`).reverse());
    // The program's own creation rows come last, stamped with their own program.
    expect(log.at(-1)?.entity).toBe('program');
    expect(await moved(ningbo, '')).toEqual(ningboMoves.map((m) => m.to));
  });

  it("reads plain dates as whole days in the program's time zone, until inclusive", async () => {
    expect(await moved(ningbo, '?since=2026-03-10&until=2026-03-10')).toEqual(['2026-03-24', '2026-03-25']);
    expect(await moved(ningbo, '?since=2026-03-10')).toEqual(['2026-03-24', '2026-03-25', '2026-03-26']);
    expect(await moved(ningbo, '?until=2026-03-09')).toEqual(['2026-03-23']);
    expect(await moved(ningbo, '?since=2026-03-11&until=2026-03-11')).toEqual(['2026-03-26']);
    expect(await moved(ningbo, '?since=2026-03-12')).toEqual([]);
  });

  it('keeps the creation rows on the day they were written', async () => {
    const created = await changes(t, ningbo.code, '?since=2026-03-02&until=2026-03-02');
    expect(created.length).toBeGreaterThan(0);
    expect(created.every((c) => c.at === '2026-03-02T01:00:00.000Z' && c.oldValue === null)).toBe(true);
  });

  it('gets the day right across a daylight-saving change', async () => {
    expect(await moved(berlin, '?since=2026-03-29&until=2026-03-29')).toEqual(['2026-04-08', '2026-04-09']);
    expect(await moved(berlin, '?since=2026-03-30')).toEqual(['2026-04-10']);
    expect(await moved(berlin, '?since=2026-03-28&until=2026-03-28')).toEqual(['2026-04-07']);
  });

  it('takes instants as given: since inclusive, until exclusive', async () => {
    const [, second, , fourth] = ningboMoves;
    expect(await moved(ningbo, `?since=${second.at}&until=${fourth.at}`)).toEqual(['2026-03-24', '2026-03-25']);
    expect(await moved(ningbo, '?since=2026-03-09T16:30:00Z')).toEqual(['2026-03-24', '2026-03-25', '2026-03-26']);
    expect(await moved(ningbo, '?since=2026-03-09T16:30:00.001Z&until=2026-03-10T16:00:00.001Z')).toEqual(['2026-03-25', '2026-03-26']);
  });

  it('mixes a plain date with an instant, and answers an empty list when since is after until', async () => {
    expect(await moved(ningbo, '?since=2026-03-10&until=2026-03-10T16:00:00Z')).toEqual(['2026-03-24', '2026-03-25']);
    expect(await changes(t, ningbo.code, '?since=2026-03-11&until=2026-03-09')).toEqual([]);
  });

  it('limits the number of rows, newest first', async () => {
    const two = await changes(t, ningbo.code, '?limit=2');
    expect(two.map((c) => c.newValue)).toEqual(['2026-03-26', '2026-03-25']);
  });

  it('pages through the whole log by cursor: every row once, in order, also across rows of one write sharing an instant', async () => {
    const all = await changes(t, ningbo.code, '?limit=5000');
    // Creation writes several rows at one instant, so pages of 2 split them.
    expect(new Set(all.map((c) => c.at)).size).toBeLessThan(all.length);
    const seen: ChangeBody[] = [];
    let cursor: string | null = null;
    for (let page = 0; page < all.length + 1; page++) {
      const res = await call(t, {
        method: 'GET',
        url: `/api/v1/programs/${ningbo.code}/changes?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      });
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json<{ items: ChangeBody[]; nextCursor: string | null }>();
      seen.push(...body.items);
      cursor = body.nextCursor;
      if (cursor === null) break;
      expect(body.items).toHaveLength(2);
    }
    expect(cursor).toBeNull();
    expect(seen.map((c) => c.id)).toEqual(all.map((c) => c.id));
  });

  it('pages within a period: the cursor keeps to since/until', async () => {
    const period = '?since=2026-03-10&until=2026-03-10';
    const whole = await changes(t, ningbo.code, period);
    const first = await call(t, { method: 'GET', url: `/api/v1/programs/${ningbo.code}/changes${period}&limit=1` });
    const { nextCursor } = first.json<{ nextCursor: string | null }>();
    expect(nextCursor).not.toBeNull();
    const rest = await changes(t, ningbo.code, `${period}&limit=100&cursor=${nextCursor}`);
    expect([...first.json<{ items: ChangeBody[] }>().items, ...rest].map((c) => c.id)).toEqual(whole.map((c) => c.id));
  });

  it.each([
    ['cursor=not-a-cursor', 'cursor'],
    [`cursor=${Buffer.from('2026-03-10T00:00:00.000Z|x').toString('base64url')}`, 'cursor'],
    ['cursor=%27%20or%201%3D1', 'cursor'],
    ['since=yesterday', 'since'],
    ['since=2026-02-30', 'since'],
    ['since=2026-3-10', 'since'],
    ['until=2026-03-10T25:00:00Z', 'until'],
    ['limit=0', 'limit'],
    ['limit=lots', 'limit'],
  ])('a bad query (%s) is 422 VALIDATION_FAILED naming `%s`', async (query, field) => {
    const p = expectProblem(
      await call(t, { method: 'GET', url: `/api/v1/programs/${ningbo.code}/changes?${query}` }),
      422,
      'VALIDATION_FAILED',
    );
    expect(paths(p)).toContain(field);
  });

  it('an unknown query parameter is 422', async () => {
    expectProblem(
      await call(t, { method: 'GET', url: `/api/v1/programs/${ningbo.code}/changes?from=2026-03-10` }),
      422,
      'VALIDATION_FAILED',
    );
  });
});
