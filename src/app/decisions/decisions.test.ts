import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openUseCaseWorld, refusal, type UseCaseWorld, worldStart } from '../../../test/support/use-case-world.js';
import type { Decision } from '../../domain/decision.js';
import { plainDate } from '../../domain/plain-date.js';
import type { Program } from '../../domain/program.js';
import { unwrap } from '../create-records.js';
import { importLegacyDecision } from '../demo/legacy-records.js';
import type { Actor } from '../deps.js';
import { decideDecision } from './decide-decision.js';
import { decisionQueue } from './decision-queue.js';
import { editDecision } from './edit-decision.js';
import { getDecision } from './get-decision.js';
import { requestDecision } from './request-decision.js';
import { supersedeDecision } from './supersede-decision.js';

let w: UseCaseWorld;
beforeAll(async () => {
  w = await openUseCaseWorld();
});
afterAll(() => w.close());
beforeEach(() => w.setNow(worldStart));

const verdict = { outcome: 'Air freight the samples', rationale: 'Sea freight misses G2', expectedImpact: 'EUR 4k, G2 holds' };

/** A program with Jonas, its decision owner, and Chen, a contributor. */
async function team() {
  const p = await w.program();
  const jonas = await w.person('Jonas Keller', { role: 'decision_owner', program: p });
  const chen = await w.person('Chen Wei', { role: 'contributor', program: p });
  return { p, jonas, chen };
}

const ask = (p: Program, ownerId: string | null, over: Partial<Parameters<typeof requestDecision>[1]> = {}) =>
  requestDecision(w.deps, {
    programId: p.id,
    actor: w.lead,
    statement: 'Air freight the T2 samples?',
    ownerId,
    dueDate: plainDate('2026-03-20'),
    ...over,
  });

const decide = (p: Program, d: Decision, actor: Actor, v: Partial<typeof verdict> = {}) =>
  decideDecision(w.deps, { programId: p.id, decisionId: d.key, version: d.version, actor, ...verdict, ...v });

describe('requestDecision', () => {
  it('asks a named owner under the next key, records who asked, and links what it is about', async () => {
    const { p, jonas } = await team();
    const m = await w.milestone(p, 'Pilot run', '2026-03-12');
    const view = unwrap(await ask(p, jonas.id, { dueDate: plainDate('2026-03-06'), links: [{ entity: 'milestone', id: m.key }] }));
    expect(view.decision).toMatchObject({ key: 'D-1', status: 'open', ownerId: jonas.id, requestedById: w.lead.id, dueDate: '2026-03-06' });
    expect(view.links.map((l) => l.key)).toEqual(['M-1']);
    expect(view.isOverdue).toBe(false);
    w.setNow('2026-03-07T09:00:00.000Z');
    expect(unwrap(await getDecision(w.deps, { programId: p.id, decisionId: 'D-1', actor: w.lead })).isOverdue).toBe(true);
  });

  it('refuses a decision nobody owns or without a due date, and rolls its key back', async () => {
    const { p, jonas } = await team();
    const r = refusal(await ask(p, null));
    expect(r.code).toBe('OWNER_REQUIRED');
    expect(r.fields?.map((f) => f.path)).toEqual(['ownerId']);
    const undated = refusal(await ask(p, jonas.id, { dueDate: null }));
    expect(undated.code).toBe('DUE_DATE_REQUIRED');
    expect(undated.fields?.map((f) => f.path)).toEqual(['dueDate']);
    expect(unwrap(await ask(p, jonas.id)).decision.key).toBe('D-1');
  });

  it('refuses as owner a person whose role does not decide, or who holds no role on the program', async () => {
    const { p, chen } = await team();
    const elsewhere = await w.person('Olu Adebayo', { role: 'decision_owner', program: await w.program() });
    for (const owner of [chen, elsewhere]) {
      const r = refusal(await ask(p, owner.id));
      expect(r.code).toBe('USER_NOT_FOUND');
      expect(r.fields).toEqual([{ path: 'ownerId', message: 'Not a decision owner, cadence owner or quality owner of this program.' }]);
    }
    expect(await w.changes(p, { entity: 'decision' })).toEqual([]);
  });

  it('refuses a link to a record the program does not hold, naming which', async () => {
    const { p, jonas } = await team();
    const r = refusal(await ask(p, jonas.id, { links: [{ entity: 'risk', id: 'R-404' }] }));
    expect(r.code).toBe('LINK_TARGET_NOT_FOUND');
    expect(r.fields?.map((f) => f.path)).toEqual(['links.0']);
  });

  it('lets anyone working on the program ask, but not an observer', async () => {
    const { p, jonas, chen } = await team();
    const tom = await w.person('Tom Becker', { role: 'observer', program: p });
    expect(unwrap(await ask(p, jonas.id, { actor: chen })).decision.requestedById).toBe(chen.id);
    expect(refusal(await ask(p, jonas.id, { actor: tom })).code).toBe('FORBIDDEN');
  });
});

describe('decideDecision', () => {
  it('is the owner’s alone: the cadence owner who asked may not decide for them', async () => {
    const { p, jonas } = await team();
    const d = unwrap(await ask(p, jonas.id)).decision;
    const r = refusal(await decide(p, d, w.lead));
    expect(r.code).toBe('FORBIDDEN');
    expect(r.message).toContain('only on items you own');
    w.setNow('2026-03-05T14:30:00.000Z');
    const decided = unwrap(await decide(p, d, jonas));
    expect(decided.decision).toMatchObject({
      status: 'decided',
      ...verdict,
      decidedById: jonas.id,
      decidedAt: '2026-03-05T14:30:00.000Z',
      version: 2,
    });
    const rows = (await w.changes(p, { entity: 'decision', entityKey: 'D-1' })).filter((c) => c.oldValue !== null || c.field === 'outcome');
    expect(rows.find((c) => c.field === 'status')).toMatchObject({ oldValue: 'open', newValue: 'decided', actorId: jonas.id });
    expect(rows.find((c) => c.field === 'outcome')?.newValue).toBe(verdict.outcome);
  });

  it('needs outcome, rationale and expected impact, naming every one missing at once', async () => {
    const { p, jonas } = await team();
    const d = unwrap(await ask(p, jonas.id)).decision;
    const r = refusal(await decide(p, d, jonas, { outcome: ' ', expectedImpact: '' }));
    expect(r.code).toBe('VALIDATION_FAILED');
    expect(r.fields?.map((f) => f.path)).toEqual(['outcome', 'expectedImpact']);
    expect(unwrap(await getDecision(w.deps, { programId: p.id, decisionId: d.key, actor: jonas })).decision.status).toBe('open');
  });

  it('decides once: deciding again or editing a decided decision is refused', async () => {
    const { p, jonas } = await team();
    const decided = unwrap(await decide(p, unwrap(await ask(p, jonas.id)).decision, jonas)).decision;
    expect(refusal(await decide(p, decided, jonas)).code).toBe('DECISION_CLOSED');
    const edit = refusal(
      await editDecision(w.deps, {
        programId: p.id,
        decisionId: decided.key,
        version: decided.version,
        actor: w.lead,
        patch: { statement: 'x' },
      }),
    );
    expect(edit.code).toBe('DECISION_CLOSED');
  });
});

describe('editDecision', () => {
  it('re-assigns an open decision only to someone who may decide it, and logs the change', async () => {
    const { p, jonas, chen } = await team();
    const ines = await w.person('Ines Duarte', { role: 'quality_owner', program: p });
    const d = unwrap(await ask(p, jonas.id)).decision;
    const edit = (ownerId: string, version = d.version) =>
      editDecision(w.deps, { programId: p.id, decisionId: d.key, version, actor: w.lead, patch: { ownerId } });
    expect(refusal(await edit(chen.id)).code).toBe('USER_NOT_FOUND');
    const moved = unwrap(await edit(ines.id));
    expect(moved.decision).toMatchObject({ ownerId: ines.id, version: 2 });
    const row = (await w.changes(p, { entityKey: 'D-1', field: 'ownerId' })).at(-1);
    expect(row).toMatchObject({ oldValue: jonas.id, newValue: ines.id, actorId: w.lead.id });
    // Jonas's page still shows version 1.
    expect(refusal(await edit(jonas.id, 1)).code).toBe('VERSION_CONFLICT');
  });
});

describe('supersedeDecision', () => {
  const supersede = (p: Program, d: Decision, actor: Actor, over: Partial<Parameters<typeof supersedeDecision>[1]> = {}) =>
    supersedeDecision(w.deps, {
      programId: p.id,
      decisionId: d.key,
      version: d.version,
      actor,
      ...verdict,
      outcome: 'Sea freight after all',
      reason: 'The carrier offered an earlier vessel',
      ...over,
    });

  it('replaces a decided decision with a new one, decided at once, carrying its links; both rows give the reason', async () => {
    const { p, jonas } = await team();
    await w.milestone(p, 'Pilot run', '2026-03-12');
    const asked = unwrap(await ask(p, jonas.id, { links: [{ entity: 'milestone', id: 'M-1' }] })).decision;
    const decided = unwrap(await decide(p, asked, jonas)).decision;
    const s = unwrap(await supersede(p, decided, jonas));

    expect(s.replaced.decision).toMatchObject({ key: 'D-1', status: 'superseded', outcome: verdict.outcome, version: 3 });
    expect(s.replaced.supersededBy?.key).toBe('D-2');
    expect(s.replacement.decision).toMatchObject({
      key: 'D-2',
      status: 'decided',
      statement: asked.statement,
      outcome: 'Sea freight after all',
      ownerId: jonas.id,
      decidedById: jonas.id,
      supersedesId: asked.id,
    });
    expect(s.replacement.links.map((l) => l.key)).toEqual(['M-1']);
    const rows = await w.changes(p, { entity: 'decision' });
    expect(rows.find((c) => c.entityKey === 'D-1' && c.field === 'status' && c.newValue === 'superseded')?.reason).toBe(
      'The carrier offered an earlier vessel',
    );
    expect(new Set(rows.filter((c) => c.entityKey === 'D-2').map((c) => c.reason))).toEqual(
      new Set(['The carrier offered an earlier vessel']),
    );
  });

  it('refuses an open decision, a superseded one, a blank reason, and anyone but the owner', async () => {
    const { p, jonas } = await team();
    const open = unwrap(await ask(p, jonas.id)).decision;
    expect(refusal(await supersede(p, open, jonas)).code).toBe('DECISION_NOT_DECIDED');
    const decided = unwrap(await decide(p, open, jonas)).decision;
    const blank = refusal(await supersede(p, decided, jonas, { reason: '  ' }));
    expect(blank.code).toBe('REASON_REQUIRED');
    expect(blank.fields?.map((f) => f.path)).toEqual(['reason']);
    expect(refusal(await supersede(p, decided, w.lead)).code).toBe('FORBIDDEN');
    const s = unwrap(await supersede(p, decided, jonas));
    const again = refusal(await supersede(p, s.replaced.decision, jonas));
    expect(again.code).toBe('DECISION_NOT_DECIDED');
    expect(again.message).toContain('already superseded');
    // The refusals used no key: the replacement is D-2.
    expect(s.replacement.decision.key).toBe('D-2');
  });
});

describe('decisionQueue', () => {
  it('lists a person’s open decisions in the programs the viewer sees, overdue first, undated last', async () => {
    const { p, jonas } = await team();
    const other = await w.program();
    const ines = await w.person('Ines Duarte', { role: 'quality_owner', program: p });
    const both = await w.reload(
      await w.person('Priya Nair', { role: 'decision_owner', program: p }, { role: 'decision_owner', program: other }),
    );
    unwrap(
      await importLegacyDecision(w.deps, { programId: p.id, actor: w.lead, reason: 'Imported', statement: 'Undated', ownerId: both.id }),
    );
    unwrap(await ask(p, both.id, { statement: 'Next week', dueDate: plainDate('2026-03-10') }));
    unwrap(await ask(p, both.id, { statement: 'Overdue', dueDate: plainDate('2026-03-02') }));
    unwrap(await ask(other, both.id, { statement: 'In the other program', dueDate: plainDate('2026-03-05') }));
    const done = unwrap(await ask(p, jonas.id, { statement: 'Jonas decides' })).decision;
    unwrap(await decide(p, done, jonas));

    const forPriya = await decisionQueue(w.deps, { actor: both, ownerId: 'me' });
    expect(forPriya.map((v) => [v.decision.statement, v.isOverdue])).toEqual([
      ['Overdue', true],
      ['In the other program', false],
      ['Next week', false],
      ['Undated', false],
    ]);
    // Ines sees only the first program; Jonas's decided one is no longer queued.
    const seenByInes = await decisionQueue(w.deps, { actor: ines, ownerId: both.email });
    expect(seenByInes.map((v) => v.decision.statement)).toEqual(['Overdue', 'Next week', 'Undated']);
    expect(await decisionQueue(w.deps, { actor: ines, ownerId: jonas.id })).toEqual([]);
  });
});
