import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openUseCaseWorld, refusal, type UseCaseWorld } from '../../../test/support/use-case-world.js';
import type { Program } from '../../domain/program.js';
import { unwrap } from '../create-records.js';
import { listMilestones } from '../list-milestones.js';
import { addMilestoneLink } from './add-milestone-link.js';
import { listMilestoneLinks } from './list-milestone-links.js';
import { removeMilestoneLink } from './remove-milestone-link.js';

let w: UseCaseWorld;
beforeAll(async () => {
  w = await openUseCaseWorld();
});
afterAll(() => w.close());

const link = (program: Program, predecessor: string, successor: string, over: Partial<Parameters<typeof addMilestoneLink>[1]> = {}) =>
  addMilestoneLink(w.deps, { programId: program.id, actor: w.lead, predecessor, successor, ...over });

const links = async (program: Program) =>
  unwrap(await listMilestoneLinks(w.deps, { programId: program.id, actor: w.lead })).map(
    (l) => `${l.predecessor.key}→${l.successor.key}+${l.link.lagDays}`,
  );

/** M-1 (9 Mar), M-2 (12 Mar), M-3 (18 Mar), M-4 (20 Mar), no links yet. */
async function plan() {
  const p = await w.program();
  for (const [name, date] of [
    ['Tooling release', '2026-03-09'],
    ['Pilot run', '2026-03-12'],
    ['PPAP submission', '2026-03-18'],
    ['Mass production', '2026-03-20'],
  ] as const)
    await w.milestone(p, name, date);
  return p;
}

describe('addMilestoneLink', () => {
  it('makes one milestone depend on another by key, with a lag (0 by default), and logs the link with its reason', async () => {
    const p = await plan();
    const added = unwrap(await link(p, ' M-1 ', 'M-2', { lagDays: 2, reason: 'Pilot needs released tools' }));
    expect([added.predecessor.key, added.successor.key, added.link.lagDays]).toEqual(['M-1', 'M-2', 2]);
    unwrap(await link(p, 'M-2', 'M-3'));
    expect(await links(p)).toEqual(['M-1→M-2+2', 'M-2→M-3+0']);

    const rows = await w.changes(p, { entity: 'milestone_link', entityKey: 'M-1→M-2' });
    expect(Object.fromEntries(rows.map((c) => [c.field, [c.oldValue, c.newValue]]))).toMatchObject({
      predecessorId: [null, added.predecessor.id],
      successorId: [null, added.successor.id],
      lagDays: [null, '2'],
    });
    expect(new Set(rows.map((c) => `${c.actorId} ${c.reason}`))).toEqual(new Set([`${w.lead.id} Pilot needs released tools`]));
  });

  it('moves the successor to the date a new link requires when its dates already break it, and nothing else', async () => {
    const p = await plan();
    // M-3 is due Wed 18 Mar; five business days later is Wed 25 Mar, after M-4's Fri 20 Mar.
    const added = unwrap(await link(p, 'M-3', 'M-4', { lagDays: 5 }));
    expect(added.pushed.map((x) => [x.key, x.from, x.to, x.cause.key])).toEqual([['M-4', '2026-03-20', '2026-03-25', 'M-3']]);
    const views = unwrap(await listMilestones(w.deps, { programId: p.id, actor: w.lead }));
    expect(views.map((v) => v.milestone.forecastDate)).toEqual(['2026-03-09', '2026-03-12', '2026-03-18', '2026-03-25']);
    // A link the dates already keep moves nothing.
    expect(unwrap(await link(p, 'M-1', 'M-2', { lagDays: 1 })).pushed).toEqual([]);
  });

  it('refuses a link that would close a cycle, naming the cycle on the predecessor, and adds nothing', async () => {
    const p = await plan();
    unwrap(await link(p, 'M-1', 'M-2'));
    unwrap(await link(p, 'M-2', 'M-3'));
    const r = refusal(await link(p, 'M-3', 'M-1'));
    expect(r.code).toBe('DEPENDENCY_CYCLE');
    expect(r.message).toBe('These links would form a cycle: M-3 → M-1 → M-2 → M-3.');
    expect(r.fields).toEqual([{ path: 'predecessor', message: r.message }]);
    // The shortest way round: two milestones depending on each other.
    expect(refusal(await link(p, 'M-2', 'M-1')).message).toBe('These links would form a cycle: M-2 → M-1 → M-2.');
    expect(await links(p)).toEqual(['M-1→M-2+0', 'M-2→M-3+0']);
  });

  it('refuses a milestone depending on itself, and a pair already linked (whatever the lag)', async () => {
    const p = await plan();
    const self = refusal(await link(p, 'M-2', 'M-2'));
    expect(self.code).toBe('SELF_DEPENDENCY');
    expect(self.message).toContain('M-2');
    unwrap(await link(p, 'M-1', 'M-2', { lagDays: 1 }));
    const twice = refusal(await link(p, 'M-1', 'M-2', { lagDays: 3 }));
    expect(twice).toMatchObject({ code: 'LINK_EXISTS', message: 'M-2 already depends on M-1.' });
    expect(await links(p)).toEqual(['M-1→M-2+1']);
  });

  it('refuses a milestone of another program, on the field that names it', async () => {
    const p = await plan();
    const other = await plan();
    const foreign = unwrap(await listMilestones(w.deps, { programId: other.id, actor: w.lead }))[0]?.milestone.id ?? '';
    const r = refusal(await link(p, 'M-1', foreign));
    expect(r.code).toBe('MILESTONE_NOT_FOUND');
    expect(r.fields?.map((f) => f.path)).toEqual(['successor']);
    expect(await links(p)).toEqual([]);
  });

  it('is the cadence owner’s alone: a contributor who owns both milestones is refused', async () => {
    const p = await w.program();
    const chen = await w.person('Chen Wei', { role: 'contributor', program: p });
    await w.milestone(p, 'Sample shipment', '2026-03-09', { ownerId: chen.id });
    await w.milestone(p, 'Sample arrival', '2026-03-13', { ownerId: chen.id });
    const r = refusal(await link(p, 'M-1', 'M-2', { actor: chen }));
    expect(r.code).toBe('FORBIDDEN');
    expect(r.message).toContain('milestone.link');
  });
});

describe('removeMilestoneLink', () => {
  it('removes a dependency, logging each of its fields as cleared with the reason; dates stay', async () => {
    const p = await plan();
    const added = unwrap(await link(p, 'M-1', 'M-2', { lagDays: 4 }));
    unwrap(await removeMilestoneLink(w.deps, { programId: p.id, actor: w.lead, linkId: added.link.id, reason: 'Tools bought in' }));
    expect(await links(p)).toEqual([]);
    const cleared = (await w.changes(p, { entity: 'milestone_link' })).filter((c) => c.newValue === null);
    expect(cleared.map((c) => [c.field, c.oldValue, c.reason])).toEqual(
      expect.arrayContaining([
        ['lagDays', '4', 'Tools bought in'],
        ['predecessorId', added.predecessor.id, 'Tools bought in'],
      ]),
    );
    expect(new Set(cleared.map((c) => c.entityKey))).toEqual(new Set(['M-1→M-2']));
    // The pair may be linked again.
    unwrap(await link(p, 'M-1', 'M-2'));
  });

  it('refuses a link that is not the program’s', async () => {
    const p = await plan();
    const other = await plan();
    const theirs = unwrap(await link(other, 'M-1', 'M-2'));
    const r = refusal(await removeMilestoneLink(w.deps, { programId: p.id, actor: w.lead, linkId: theirs.link.id }));
    expect(r.code).toBe('MILESTONE_LINK_NOT_FOUND');
    expect(await links(other)).toEqual(['M-1→M-2+0']);
  });
});
