import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { confirmAction } from '../../src/app/actions/confirm-action.js';
import { markActionDone } from '../../src/app/actions/mark-action-done.js';
import { openAction } from '../../src/app/actions/open-action.js';
import { createMilestone } from '../../src/app/create-milestone.js';
import { unwrap } from '../../src/app/create-records.js';
import { decideDecision } from '../../src/app/decisions/decide-decision.js';
import { requestDecision } from '../../src/app/decisions/request-decision.js';
import { supersedeDecision } from '../../src/app/decisions/supersede-decision.js';
import { importLegacyAction } from '../../src/app/demo/legacy-records.js';
import type { Actor } from '../../src/app/deps.js';
import { moveMilestone } from '../../src/app/move-milestone.js';
import type { PlainDate } from '../../src/domain/plain-date.js';
import type { Program } from '../../src/domain/program.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { dialects } from '../support/databases.js';
import { call, expectProblem, paths, seedProgram, seedUser } from './helpers.js';

/*
 * The decision log, a program's actions and a milestone's slips, a page at a time: every record once,
 * in order, whatever the page size; closed records bounded by a period in the program's time zone (Ningbo,
 * UTC+8); page sizes and cursors refused with VALIDATION_FAILED naming the field, never a 500.
 */

const d = (s: string) => s as PlainDate;
// Wednesday 17 June 2026, noon in Ningbo: the default period is 17 June 2025 to 17 June 2026 there.
const now = new Date('2026-06-17T04:00:00.000Z');
const created = '2025-01-05T02:00:00.000Z';
const old = '2025-03-01T02:00:00.000Z';
/** 23:59:59 on Monday 16 June 2025 in Ningbo: the day before the default period. */
const edgeOut = '2025-06-16T15:59:59.000Z';
/** Midnight starting Tuesday 17 June 2025 in Ningbo: the period's first instant. */
const edgeIn = '2025-06-16T16:00:00.000Z';
const recent = '2026-05-01T02:00:00.000Z';
const verdict = { outcome: 'Go', rationale: 'Cheapest', expectedImpact: 'None' };

interface Listed {
  key: string;
  status: string;
}
interface Page<T = Listed> {
  items: T[];
  nextCursor: string | null;
  period?: { since: string; until: string };
}

describe.each(dialects)('paged lists on %s', (dialect) => {
  let t: TestApp;
  let program: Program;
  let chen: Actor;
  /** A milestone moved five times, oldest first to these dates. */
  let slipping: string;
  const slipMoves = ['2026-05-04', '2026-05-06', '2026-05-05', '2026-05-11', '2026-05-12'];
  const url = (path: string) => `/api/v1/programs/${program.code}${path}`;
  const at = async <T>(instant: string, write: () => Promise<T>): Promise<T> => {
    t.setNow(new Date(instant));
    try {
      return await write();
    } finally {
      t.setNow(now);
    }
  };

  async function page<T = Listed>(path: string): Promise<Page<T>> {
    const res = await call(t, { method: 'GET', url: url(path) });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<Page<T>>();
  }
  const keys = async (path: string) => (await page(path)).items.map((x) => x.key);

  /** Every item of a list, a page of `limit` at a time: each page full but the last, the cursor null after it. */
  async function walk<T = Listed>(path: string, limit: number): Promise<T[]> {
    const seen: T[] = [];
    let cursor: string | null = null;
    const join = path.includes('?') ? '&' : '?';
    for (let n = 0; n < 1000; n++) {
      const p: Page<T> = await page<T>(`${path}${join}limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...p.items);
      cursor = p.nextCursor;
      if (cursor === null) return seen;
      expect(p.items).toHaveLength(limit);
    }
    throw new Error('the cursor never ran out');
  }

  const refused = async (path: string, field: string) => {
    const p = expectProblem(await call(t, { method: 'GET', url: url(path) }), 422, 'VALIDATION_FAILED');
    expect(paths(p)).toContain(field);
  };

  beforeAll(async () => {
    t = await createTestApp(dialect);
    t.setNow(new Date(created));
    program = await seedProgram(t, 'PG-PAGES');
    chen = await seedUser(t, 'Chen Wei', 'chen.pages@example.test', { programId: program.id });
    const dana = t.actor;
    const ids = { programId: program.id };

    // Decisions D-1 … D-14, all asked for on 5 January 2025; some decided (and superseded) since.
    const decisions: Record<string, { id: string; version: number }> = {};
    for (let i = 1; i <= 12; i++) {
      const v = unwrap(
        await requestDecision(t.deps, { ...ids, actor: dana, statement: `Question ${i}`, ownerId: dana.id, dueDate: d('2026-06-30') }),
      );
      decisions[v.decision.key] = { id: v.decision.id, version: v.decision.version };
    }
    const decide = (key: string) => {
      const x = decisions[key] as { id: string; version: number };
      return decideDecision(t.deps, { ...ids, decisionId: x.id, version: x.version, actor: dana, ...verdict }).then((r) => {
        x.version = unwrap(r).decision.version;
      });
    };
    const supersede = async (key: string) => {
      const x = decisions[key] as { id: string; version: number };
      unwrap(
        await supersedeDecision(t.deps, {
          ...ids,
          decisionId: x.id,
          version: x.version,
          actor: dana,
          reason: 'Changed course',
          ...verdict,
        }),
      );
    };
    await at(old, async () => {
      await decide('D-2');
      await decide('D-10');
      await decide('D-12');
      await supersede('D-12'); // D-13 replaces it, decided the same day
    });
    await at(edgeOut, () => decide('D-3'));
    await at(edgeIn, () => decide('D-4'));
    await at(recent, async () => {
      await decide('D-6');
      await supersede('D-10'); // D-14 replaces it
    });

    // Actions A-1 … A-13, all opened on 5 January 2025; some done, some closed since.
    const opened: Record<string, { id: string; version: number; owner: Actor }> = {};
    const open = async (title: string, dueDate: string | null, owner: Actor = dana) => {
      // An undated action is a legacy one, imported before every action had to have a due date.
      const a = dueDate
        ? unwrap(await openAction(t.deps, { ...ids, actor: dana, title, ownerId: owner.id, dueDate: d(dueDate) })).action
        : unwrap(await importLegacyAction(t.deps, { ...ids, actor: dana, reason: 'Imported', title, ownerId: owner.id }));
      opened[a.key] = { id: a.id, version: a.version, owner };
    };
    await open('Overdue', '2026-06-10'); // A-1
    await open('Undated', null); // A-2
    await open('Due 20 June, first', '2026-06-20'); // A-3
    await open('Due 20 June, second', '2026-06-20'); // A-4
    await open('Done, waiting', '2026-06-01', chen); // A-5
    await open('Done, undated', null); // A-6
    await open('Closed long ago', '2025-02-01'); // A-7
    await open('Closed the day before the period', '2025-02-01'); // A-8
    await open('Closed on the period’s first day', '2025-06-01'); // A-9
    await open('Due 20 June, third', '2026-06-20'); // A-10
    await open('Closed lately', '2026-01-01', chen); // A-11
    await open('Chen’s, due 20 June', '2026-06-20', chen); // A-12
    await open('Undated too', null); // A-13
    const done = async (key: string) => {
      const x = opened[key] as { id: string; version: number; owner: Actor };
      x.version = unwrap(
        await markActionDone(t.deps, { ...ids, actionId: x.id, version: x.version, actor: x.owner, note: 'Done' }),
      ).action.version;
    };
    const close = async (key: string) => {
      const x = opened[key] as { id: string; version: number; owner: Actor };
      // Whoever marked it done does not confirm it too: the admin confirms Dana's own.
      const actor = x.owner.id === dana.id ? t.admin : dana;
      x.version = unwrap(await confirmAction(t.deps, { ...ids, actionId: x.id, version: x.version, actor })).action.version;
    };
    await at(created, async () => {
      for (const key of ['A-5', 'A-6', 'A-7', 'A-8', 'A-9', 'A-11']) await done(key);
    });
    await at(old, () => close('A-7'));
    await at(edgeOut, () => close('A-8'));
    await at(edgeIn, () => close('A-9'));
    await at(recent, () => close('A-11'));

    const m = unwrap(
      await at('2026-04-01T02:00:00.000Z', () =>
        createMilestone(t.deps, { ...ids, actor: dana, ownerId: dana.id, name: 'Pilot run', phase: 'G2', baselineDate: d('2026-04-30') }),
      ),
    );
    slipping = m.milestone.key;
    let version = m.milestone.version;
    for (const [i, to] of slipMoves.entries()) {
      const r = await at(`2026-04-0${i + 2}T02:00:00.000Z`, () =>
        moveMilestone(t.deps, { ...ids, milestoneId: m.milestone.id, version, actor: dana, forecastDate: d(to), reason: `Move ${i + 1}` }),
      );
      version = unwrap(r).milestone.version;
    }
    t.setNow(now);
  });
  afterAll(async () => {
    await t?.close();
  });

  describe('the decision log', () => {
    it('lists every open decision and the closed ones last changed in the year up to today, by key number', async () => {
      const p = await page('/decisions');
      expect(p.items.map((x) => `${x.key} ${x.status}`)).toEqual([
        'D-1 open',
        'D-4 decided',
        'D-5 open',
        'D-6 decided',
        'D-7 open',
        'D-8 open',
        'D-9 open',
        'D-10 superseded',
        'D-11 open',
        'D-14 decided',
      ]);
      expect(p.period).toEqual({ since: '2025-06-17', until: '2026-06-17' });
      expect(p.nextCursor).toBeNull();
    });

    it('reads another period in the program’s days; open decisions are always listed', async () => {
      expect(await keys('/decisions?since=2025-01-01&until=2025-12-31')).toEqual([
        'D-1',
        'D-2',
        'D-3',
        'D-4',
        'D-5',
        'D-7',
        'D-8',
        'D-9',
        'D-11',
        'D-12',
        'D-13',
      ]);
      // Up to 16 June 2025 in Ningbo: D-4, decided at its midnight ending, is not in it.
      expect(await keys('/decisions?until=2025-06-16&status=closed')).toEqual(['D-2', 'D-3', 'D-12', 'D-13']);
    });

    it('filters by status', async () => {
      expect(await keys('/decisions?status=open')).toEqual(['D-1', 'D-5', 'D-7', 'D-8', 'D-9', 'D-11']);
      expect(await keys('/decisions?status=closed')).toEqual(['D-4', 'D-6', 'D-10', 'D-14']);
      expect(await keys('/decisions?status=decided')).toEqual(['D-4', 'D-6', 'D-14']);
      expect(await keys('/decisions?status=superseded&since=2025-01-01&until=2025-12-31')).toEqual(['D-12']);
    });

    it.each([1, 2, 3, 4, 9, 10])('walks every decision exactly once, in order, %i a page, both ways', async (limit) => {
      for (const query of ['', '?order=desc', '?status=closed&since=2025-01-01&until=2025-12-31', '?status=open']) {
        const all = await keys(`/decisions${query}`);
        expect((await walk(`/decisions${query}`, limit)).map((x) => x.key)).toEqual(all);
      }
      expect(await keys('/decisions?order=desc')).toEqual((await keys('/decisions')).reverse());
    });
  });

  describe("a program's actions", () => {
    it('lists open ones, then done, then the closed ones of the period; each by due date, undated last, then key number', async () => {
      const p = await page('/actions');
      expect(p.items.map((x) => `${x.key} ${x.status}`)).toEqual([
        'A-1 open',
        'A-3 open',
        'A-4 open',
        'A-10 open',
        'A-12 open',
        'A-2 open',
        'A-13 open',
        'A-5 done',
        'A-6 done',
        'A-9 closed',
        'A-11 closed',
      ]);
      expect(p.period).toEqual({ since: '2025-06-17', until: '2026-06-17' });
    });

    it('reads closed actions of another period; open and done ones are always listed', async () => {
      expect(await keys('/actions?status=closed&since=2025-01-01&until=2025-12-31')).toEqual(['A-7', 'A-8', 'A-9']);
      expect(await keys('/actions?until=2025-06-16')).toEqual([
        'A-1',
        'A-3',
        'A-4',
        'A-10',
        'A-12',
        'A-2',
        'A-13',
        'A-5',
        'A-6',
        'A-7',
        'A-8',
      ]);
    });

    it('filters by status and owner', async () => {
      expect(await keys('/actions?status=done')).toEqual(['A-5', 'A-6']);
      expect(await keys(`/actions?ownerId=${chen.id}`)).toEqual(['A-12', 'A-5', 'A-11']);
      expect(await keys('/actions?ownerId=me&status=open')).toEqual(['A-1', 'A-3', 'A-4', 'A-10', 'A-2', 'A-13']);
    });

    it.each([1, 2, 3, 4, 5, 11])('walks every action exactly once, in work order, %i a page', async (limit) => {
      for (const query of [
        '',
        '?status=open',
        '?status=closed&since=2025-01-01&until=2025-12-31',
        `?ownerId=${chen.id}`,
        '?until=2025-06-16',
      ]) {
        const all = await keys(`/actions${query}`);
        expect((await walk(`/actions${query}`, limit)).map((x) => x.key)).toEqual(all);
      }
    });

    it('answers one action by key, also a closed one the list leaves out', async () => {
      const res = await call(t, { method: 'GET', url: url('/actions/a-7') });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ key: 'A-7', status: 'closed', title: 'Closed long ago' });
      expectProblem(await call(t, { method: 'GET', url: url('/actions/A-99') }), 404, 'ACTION_NOT_FOUND');
    });
  });

  describe("a milestone's slips", () => {
    interface Move {
      to: string;
      reason: string;
    }
    type Slips = Page<never> & { moves: Move[]; count: number; netDays: number };

    it.each([1, 2, 3, 5])(
      'walks every move exactly once, oldest first, %i a page; count and net days are the whole history’s',
      async (limit) => {
        const whole = (await page<never>(`/milestones/${slipping}/slips?limit=500`)) as Slips;
        expect(whole.moves.map((m) => `${m.to} ${m.reason}`)).toEqual(slipMoves.map((to, i) => `${to} Move ${i + 1}`));
        expect(whole.count).toBe(slipMoves.length);
        const seen: Move[] = [];
        let cursor: string | null = null;
        for (let n = 0; n < 10; n++) {
          const p = (await page<never>(`/milestones/${slipping}/slips?limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`)) as Slips;
          expect(p).toMatchObject({ count: whole.count, netDays: whole.netDays });
          seen.push(...p.moves);
          cursor = p.nextCursor;
          if (cursor === null) break;
          expect(p.moves).toHaveLength(limit);
        }
        expect(cursor).toBeNull();
        expect(seen).toEqual(whole.moves);
      },
    );
  });

  describe('page sizes and cursors', () => {
    const lists = () => ['/decisions', '/actions', `/milestones/${slipping}/slips`];

    it('takes up to 500 a page and refuses more, or none, naming limit', async () => {
      for (const list of lists()) {
        expect((await call(t, { method: 'GET', url: url(`${list}?limit=500`) })).statusCode).toBe(200);
        for (const limit of ['0', '501', '-1', '2.5', 'lots']) await refused(`${list}?limit=${limit}`, 'limit');
      }
    });

    it("refuses a cursor that is not one of the list's own nextCursors as VALIDATION_FAILED naming cursor", async () => {
      const decisionCursor = (await page('/decisions?limit=1')).nextCursor as string;
      const actionCursor = (await page('/actions?limit=1')).nextCursor as string;
      const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64url');
      const bad = [
        'not-a-cursor',
        '%27%20or%201%3D1',
        'x'.repeat(201),
        b64('decisions-asc|1|2'),
        b64('decisions-asc|-1'),
        b64('actions|open|none|x'),
      ];
      for (const list of lists()) for (const cursor of bad) await refused(`${list}?cursor=${cursor}`, 'cursor');
      await refused(`/decisions?cursor=${actionCursor}`, 'cursor');
      await refused(`/decisions?order=desc&cursor=${decisionCursor}`, 'cursor');
      await refused(`/actions?cursor=${decisionCursor}`, 'cursor');
      await refused(`/actions?cursor=${b64('actions|late|none|3')}`, 'cursor');
      await refused(`/actions?cursor=${b64('actions|open|2026-02-30|3')}`, 'cursor');
      await refused(`/milestones/${slipping}/slips?cursor=${actionCursor}`, 'cursor');
      await refused(`/milestones/${slipping}/slips?cursor=${b64('slips|yesterday|x')}`, 'cursor');
    });

    it('refuses a period longer than 366 days naming since, and one that ends before it starts naming until', async () => {
      for (const list of ['/decisions', '/actions']) {
        expect((await call(t, { method: 'GET', url: url(`${list}?since=2025-01-01&until=2026-01-01`) })).statusCode).toBe(200);
        await refused(`${list}?since=2025-01-01&until=2026-01-02`, 'since');
        await refused(`${list}?since=2020-01-01`, 'since');
        await refused(`${list}?since=2025-03-02&until=2025-03-01`, 'until');
        await refused(`${list}?since=2025-02-30`, 'since');
      }
    });
  });
});
