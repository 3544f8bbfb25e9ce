import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAction } from '../../src/app/actions/open-action.js';
import type { Actor, AppDeps } from '../../src/app/deps.js';
import { authorize } from '../../src/app/get-program.js';
import { moveMilestone } from '../../src/app/move-milestone.js';
import { programSummaries } from '../../src/app/program-summary.js';
import type { PlainDate } from '../../src/domain/plain-date.js';
import { createTestServer, type TestServer } from '../support/app.js';
import { dialects } from '../support/databases.js';
import { demoInstant } from '../support/demo-template.js';
import { call } from './helpers.js';

/*
 * The portfolio's figures (health, next milestone, counts, plan facts) are kept per program revision
 * instead of being worked out on every read. Kept figures must always equal figures worked out afresh
 * from the stored data: after writes through this instance, after writes through another instance on
 * the same database, and as time passes (the factory's day turns, slips leave the four-week window).
 */
describe.each(dialects)('figures kept per program revision on %s (demo portfolio)', (dialect) => {
  let t: TestServer;
  let other: AppDeps;
  let lead: Actor;

  const figures = async (deps: AppDeps, keep: boolean) => {
    const r = deps.store.reads;
    const visible = (await r.listPrograms()).flatMap((p) => {
      const a = authorize(lead, p);
      return a.ok ? [{ program: a.value.program, id: a.value.program.id }] : [];
    });
    const s = await programSummaries(keep ? deps.store : null, r, visible, deps.clock.now());
    return Object.fromEntries([...s].map(([id, summary]) => [id, summary]));
  };
  /** Kept figures of both instances equal fresh ones; returns them. */
  const expectKeptEqualsFresh = async () => {
    const fresh = await figures(t.deps, false);
    expect(await figures(t.deps, false)).toEqual(fresh);
    expect(await figures(t.deps, true)).toEqual(fresh);
    expect(await figures(other, true)).toEqual(fresh);
    return fresh;
  };
  const portfolio = async () =>
    (await call(t, { method: 'GET', url: '/api/v1/programs' }, lead)).json<{
      items: { code: string; health: string; nextMilestone: { key: string; forecastDate: string } | null; blockers: number }[];
    }>().items;
  const khg = async () => (await portfolio()).find((p) => p.code === 'KHG-KW500') as Awaited<ReturnType<typeof portfolio>>[number];

  beforeAll(async () => {
    t = await createTestServer(dialect, {}, { from: 'demo' });
    t.setNow(new Date(demoInstant));
    lead = await t.person('lead@demo.test');
    other = (await t.restart()).deps;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('are worked out once and then served as kept, equal to fresh ones', async () => {
    const first = await expectKeptEqualsFresh();
    expect(Object.keys(first).length).toBeGreaterThanOrEqual(8);
    expect(await figures(t.deps, true)).toEqual(first);
  });

  it('follow a write made through another instance on the next read', async () => {
    const before = await khg();
    const next = before.nextMilestone as { key: string; forecastDate: string };
    const m = await other.store.reads.findProgram('KHG-KW500');
    const a = authorize(lead, m as NonNullable<typeof m>);
    if (!a.ok) throw new Error('lead cannot see KHG-KW500');
    const milestone = await other.store.reads.findMilestone(a.value.program.id, next.key);
    const moved = await moveMilestone(other, {
      programId: 'KHG-KW500',
      milestoneId: next.key,
      version: milestone?.version ?? 0,
      actor: lead,
      forecastDate: '2026-09-30' as PlainDate,
      reason: 'Tooling rework at the supplier',
    });
    expect(moved.ok, JSON.stringify(moved)).toBe(true);
    const after = await khg();
    expect(after.nextMilestone?.key === next.key ? after.nextMilestone.forecastDate : 'moved away').not.toBe(next.forecastDate);
    await expectKeptEqualsFresh();
  });

  it('follow a blocker opened through this instance, and the counts shown', async () => {
    const before = await khg();
    const opened = await openAction(t.deps, {
      programId: 'KHG-KW500',
      actor: lead,
      title: 'Replace the worn cavity insert',
      ownerId: lead.id,
      dueDate: '2026-03-20' as PlainDate,
      blocksMilestoneId: before.nextMilestone?.key ?? null,
    });
    expect(opened.ok, JSON.stringify(opened)).toBe(true);
    expect((await khg()).blockers).toBe(before.blockers + 1);
    await expectKeptEqualsFresh();
  });

  // Two instances in one process on one SQLite file would block each other's event loop (each store
  // is its own connection); instances are separate processes there. On PostgreSQL they share a server.
  // (Registered on PostgreSQL only, rather than shown as skipped on SQLite.)
  if (dialect === 'postgres') {
    it('stay equal to fresh ones when both instances write and read the same program at the same moment', async () => {
      const p = await t.deps.store.reads.findProgram('KHG-KW500');
      const a = authorize(lead, p as NonNullable<typeof p>);
      if (!a.ok) throw new Error('lead cannot see KHG-KW500');
      const targets = (await t.deps.store.reads.listMilestones(a.value.program.id)).filter((m) => m.actualDate === null).slice(0, 6);
      expect(targets.length).toBe(6);
      // Six moves, alternately through each instance, with portfolio reads on both in between. Moves
      // that push the same successors may refuse each other (VERSION_CONFLICT); none may half happen.
      const settled = await Promise.allSettled(
        targets.flatMap((m, i) => [
          moveMilestone(i % 2 === 0 ? t.deps : other, {
            programId: 'KHG-KW500',
            milestoneId: m.key,
            version: m.version,
            actor: lead,
            forecastDate: '2026-10-15' as PlainDate,
            reason: `Parallel move ${i}`,
          }),
          figures(i % 2 === 0 ? other : t.deps, true),
        ]),
      );
      const outcomes = settled.map((r) =>
        r.status === 'rejected' ? `threw ${String(r.reason)}` : 'ok' in r.value ? (r.value.ok ? 'moved' : r.value.error.code) : 'read',
      );
      expect(outcomes.filter((o) => o === 'moved').length, outcomes.join(', ')).toBeGreaterThan(0);
      expect(
        outcomes.every((o) => o === 'moved' || o === 'read' || o === 'VERSION_CONFLICT'),
        outcomes.join(', '),
      ).toBe(true);
      await expectKeptEqualsFresh();
    });
  }

  it('follow the clock: the next hour, the next day, and past the four-week window of recent slips', async () => {
    const start = new Date(demoInstant).getTime();
    // 28 days ± 1 hour after the move above: the same day at the factory (12:00 ± 1 h in Ningbo), one
    // side and the other of the moment the move leaves the window.
    for (const hours of [1, 20, 24 * 2, 24 * 15, 24 * 28 - 1, 24 * 28 + 1, 24 * 29, 24 * 60]) {
      t.setNow(new Date(start + hours * 3_600_000));
      await expectKeptEqualsFresh();
    }
  });
});
