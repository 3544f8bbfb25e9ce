import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openUseCaseWorld, type UseCaseWorld, worldStart } from '../../test/support/use-case-world.js';
import type { WeekItem } from '../domain/my-week.js';
import { plainDate } from '../domain/plain-date.js';
import type { Program } from '../domain/program.js';
import { markActionDone } from './actions/mark-action-done.js';
import { openAction } from './actions/open-action.js';
import { completeMilestone } from './complete-milestone.js';
import { unwrap } from './create-records.js';
import { importLegacyAction, importLegacyDecision } from './demo/legacy-records.js';
import type { Actor } from './deps.js';
import { myWeek } from './my-week.js';
import { revokeRole } from './people/revoke-role.js';
import { closeRisk } from './risks/close-risk.js';
import { raiseRisk } from './risks/raise-risk.js';

let w: UseCaseWorld;
beforeAll(async () => {
  w = await openUseCaseWorld();
});
afterAll(() => w.close());
beforeEach(() => w.setNow(worldStart));

// An undated action is a legacy one: imported before every action had to have a due date.
const action = async (p: Program, owner: Actor, title: string, due: string | null) =>
  due === null
    ? unwrap(await importLegacyAction(w.deps, { programId: p.id, actor: w.lead, reason: 'Imported', title, ownerId: owner.id }))
    : unwrap(await openAction(w.deps, { programId: p.id, actor: w.lead, title, ownerId: owner.id, dueDate: plainDate(due) })).action;

const risk = async (p: Program, owner: Actor, title: string, review: string | null) =>
  unwrap(
    await raiseRisk(w.deps, {
      programId: p.id,
      actor: w.lead,
      title,
      category: 'quality',
      ownerId: owner.id,
      likelihood: 2,
      impact: 2,
      reviewDate: review === null ? null : plainDate(review),
    }),
  ).risk;

const listed = (items: readonly WeekItem[]) =>
  items.map((i) => `${i.title}${i.isOverdue ? ' (overdue)' : ''}${i.flags.length ? ` [${i.flags}]` : ''}`);

describe('myWeek', () => {
  it('lists what the person owns that is due by the end of the week, overdue first, undated last; nothing later, nothing ended', async () => {
    // Wednesday 4 March 2026: the week runs Monday 2 to Sunday 8 March.
    const p = await w.program();
    const ines = await w.person('Ines Duarte', { role: 'quality_owner', program: p });
    await action(p, ines, 'Due Friday', '2026-03-06');
    await action(p, ines, 'Due last week', '2026-02-27');
    await action(p, ines, 'Due next week', '2026-03-09');
    await action(p, ines, 'Undated', null);
    await action(p, ines, 'Due today', '2026-03-04');
    const done = await action(p, ines, 'Already done', '2026-03-05');
    unwrap(await markActionDone(w.deps, { programId: p.id, actionId: done.key, version: done.version, actor: ines, note: 'Done' }));
    await risk(p, ines, 'Review overdue', '2026-03-01');
    await risk(p, ines, 'Review next month', '2026-04-01');
    const ended = await risk(p, ines, 'Closed risk', '2026-03-02');
    unwrap(await closeRisk(w.deps, { programId: p.id, riskId: ended.key, version: ended.version, actor: w.lead, reason: 'Passed' }));
    await w.milestone(p, 'Due Sunday', '2026-03-08', { ownerId: ines.id });
    await w.milestone(p, 'Late milestone', '2026-03-03', { ownerId: ines.id });
    await w.milestone(p, 'Next week milestone', '2026-03-09', { ownerId: ines.id });
    const finished = await w.milestone(p, 'Finished', '2026-03-03', { ownerId: ines.id });
    unwrap(
      await completeMilestone(w.deps, {
        programId: p.id,
        milestoneId: finished.key,
        version: 1,
        actor: ines,
        actualDate: plainDate('2026-03-03'),
      }),
    );
    unwrap(
      await importLegacyDecision(w.deps, {
        programId: p.id,
        actor: w.lead,
        reason: 'Imported',
        statement: 'Accept the deviation?',
        ownerId: ines.id,
      }),
    );

    const week = await myWeek(w.deps, { actor: ines });
    expect(week.week).toEqual({ start: '2026-03-02', end: '2026-03-08' });
    expect(listed(week.actions)).toEqual(['Due last week (overdue)', 'Due today', 'Due Friday', 'Undated [no_due_date]']);
    expect(listed(week.risks)).toEqual(['Review overdue (overdue)']);
    expect(listed(week.milestones)).toEqual(['Late milestone (overdue)', 'Due Sunday']);
    expect(listed(week.decisions)).toEqual(['Accept the deviation? [no_due_date]']);
    expect(week.confirmations).toEqual([]);
    expect([...week.programs.keys()]).toEqual([p.id]);
  });

  it('counts as overdue only what is past in the program’s own time zone', async () => {
    // 20:00 UTC on Wednesday: 04:00 on Thursday in Shanghai, 21:00 on Wednesday in Berlin.
    w.setNow('2026-03-04T20:00:00.000Z');
    const berlin = await w.program();
    const shanghai = await w.program({ timeZone: 'Asia/Shanghai', factoryCity: 'Ningbo', factoryCountry: 'CN' });
    const ines = await w.person('Ines Duarte', { role: 'quality_owner', program: berlin }, { role: 'quality_owner', program: shanghai });
    await action(berlin, ines, 'Berlin, due Wednesday', '2026-03-04');
    await action(shanghai, ines, 'Shanghai, due Wednesday', '2026-03-04');
    const week = await myWeek(w.deps, { actor: ines });
    expect(listed(week.actions)).toEqual(['Shanghai, due Wednesday (overdue)', 'Berlin, due Wednesday']);
  });

  it('reads each program’s week in its own zone: on Sunday evening in Berlin it is already next week in Auckland', async () => {
    w.setNow('2026-03-08T12:00:00.000Z');
    const berlin = await w.program();
    const auckland = await w.program({ timeZone: 'Pacific/Auckland', factoryCity: 'Auckland', factoryCountry: 'NZ' });
    const ines = await w.person('Ines Duarte', { role: 'quality_owner', program: berlin }, { role: 'quality_owner', program: auckland });
    await action(berlin, ines, 'Berlin, due Thursday', '2026-03-12');
    await action(auckland, ines, 'Auckland, due Thursday', '2026-03-12');
    const week = await myWeek(w.deps, { actor: ines });
    expect(listed(week.actions)).toEqual(['Auckland, due Thursday']);
  });

  it('shows the cadence owner the done actions waiting for confirmation in the programs she runs', async () => {
    const p = await w.program();
    const chen = await w.person('Chen Wei', { role: 'contributor', program: p });
    const a = await action(p, chen, 'Re-cut the gate insert', '2026-03-20');
    unwrap(await markActionDone(w.deps, { programId: p.id, actionId: a.key, version: a.version, actor: chen, note: 'Done' }));
    await action(p, chen, 'Still open', '2026-03-05');

    const lead = await myWeek(w.deps, { actor: w.lead });
    expect(lead.confirmations.filter((i) => i.programId === p.id).map((i) => [i.kind, i.key])).toEqual([['confirmation', a.key]]);
    expect((await myWeek(w.deps, { actor: chen })).confirmations).toEqual([]);
  });

  it('leaves out closed programs, and programs the person no longer holds a role on', async () => {
    const kept = await w.program();
    const closed = await w.program({ status: 'closed' });
    const left = await w.program();
    const ines = await w.person(
      'Ines Duarte',
      { role: 'quality_owner', program: kept },
      { role: 'quality_owner', program: closed },
      { role: 'quality_owner', program: left },
    );
    for (const p of [kept, closed, left]) await action(p, ines, `In ${p.code}`, '2026-03-05');
    const membership = ines.memberships.find((m) => m.programId === left.id);
    if (!membership) throw new Error('no membership');
    unwrap(await revokeRole(w.deps, { actor: w.admin, membershipId: membership.id }));

    const week = await myWeek(w.deps, { actor: await w.reload(ines) });
    expect(listed(week.actions)).toEqual([`In ${kept.code}`]);
    expect([...week.programs.keys()]).toEqual([kept.id]);
  });
});
