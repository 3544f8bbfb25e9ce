import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openUseCaseWorld, refusal, type UseCaseWorld, worldStart } from '../../../test/support/use-case-world.js';
import { plainDate } from '../../domain/plain-date.js';
import type { Program } from '../../domain/program.js';
import type { Risk } from '../../domain/risk.js';
import { listActions } from '../actions/list-actions.js';
import { unwrap } from '../create-records.js';
import type { Actor } from '../deps.js';
import { getProgram } from '../get-program.js';
import { closeRisk } from './close-risk.js';
import { getRisk } from './get-risk.js';
import { listRisks } from './list-risks.js';
import { raiseRisk } from './raise-risk.js';
import { realizeRisk } from './realize-risk.js';
import { riskChanges } from './risk-changes.js';
import { updateRisk } from './update-risk.js';

let w: UseCaseWorld;
beforeAll(async () => {
  w = await openUseCaseWorld();
});
afterAll(() => w.close());
beforeEach(() => w.setNow(worldStart));

/** A program with Chen, a contributor who owns risks. */
async function team() {
  const p = await w.program();
  const chen = await w.person('Chen Wei', { role: 'contributor', program: p });
  return { p, chen };
}

const raise = (
  p: Program,
  ownerId: string | null,
  likelihood: number,
  impact: number,
  over: Partial<Parameters<typeof raiseRisk>[1]> = {},
) =>
  raiseRisk(w.deps, {
    programId: p.id,
    actor: w.lead,
    title: `Risk ${likelihood}×${impact}`,
    category: 'supply',
    ownerId,
    likelihood,
    impact,
    ...over,
  });

const target = (p: Program, r: Risk, actor: Actor = w.lead) => ({ programId: p.id, riskId: r.key, version: r.version, actor });

describe('raiseRisk', () => {
  it('raises an open risk under the next key, owned by a person on the program', async () => {
    const { p, chen } = await team();
    const v = unwrap(await raise(p, chen.id, 4, 3, { title: '  Resin price spike  ', reviewDate: plainDate('2026-03-04') }));
    expect(v.risk).toMatchObject({ key: 'R-1', title: 'Resin price spike', status: 'open', ownerId: chen.id, strategy: 'mitigate' });
    expect(v.owner?.name).toBe('Chen Wei');
    expect(v.isReviewDue).toBe(true);
    expect(v.flags).toEqual([]);
  });

  it('refuses a risk without an owner, an owner from outside the program, and levels off the 5×5 scale, all before taking a key', async () => {
    const { p, chen } = await team();
    const outsider = await w.person('Olu Adebayo', { role: 'cadence_owner', program: await w.program() });
    expect(refusal(await raise(p, null, 2, 2)).code).toBe('OWNER_REQUIRED');
    expect(refusal(await raise(p, outsider.id, 2, 2)).code).toBe('USER_NOT_FOUND');
    const levels = refusal(await raise(p, chen.id, 0, 6, { residualLikelihood: 2.5, residualImpact: 1 }));
    expect(levels.code).toBe('VALIDATION_FAILED');
    expect(levels.fields?.map((f) => f.path)).toEqual(['likelihood', 'impact', 'residualLikelihood']);
    const half = refusal(await raise(p, chen.id, 2, 2, { residualLikelihood: 1 }));
    expect(half.fields?.map((f) => f.path)).toEqual(['residualImpact']);
    expect(unwrap(await raise(p, chen.id, 2, 2)).risk.key).toBe('R-1');
  });
});

describe('the risk register and the program’s high-risk count', () => {
  it('orders live risks by score, highest first, ended ones last; counts live risks scoring 15 or more as high', async () => {
    const { p, chen } = await team();
    const r12 = unwrap(await raise(p, chen.id, 3, 4)).risk; // 12, medium
    unwrap(await raise(p, chen.id, 3, 5)); // 15, high
    const r25 = unwrap(await raise(p, chen.id, 5, 5)).risk; // 25, high, closed below
    const r20 = unwrap(await raise(p, chen.id, 4, 5, { residualLikelihood: 2, residualImpact: 2 })).risk; // 20
    unwrap(await closeRisk(w.deps, { ...target(p, r25), reason: 'Second source qualified' }));
    unwrap(await updateRisk(w.deps, { ...target(p, r20), reason: 'Working on it', patch: { status: 'mitigating' } }));

    const register = unwrap(await listRisks(w.deps, { programId: p.id, actor: chen }));
    expect(register.items.map((i) => `${i.risk.key}:${i.risk.status}`)).toEqual(['R-4:mitigating', 'R-2:open', 'R-1:open', 'R-3:closed']);
    const cell = (map: typeof register.heatMap.current, l: number, i: number) =>
      map.find((c) => c.likelihood === l && c.impact === i)?.keys;
    expect(cell(register.heatMap.current, 4, 5)).toEqual(['R-4']);
    expect(cell(register.heatMap.residual, 2, 2)).toEqual(['R-4']);
    // Without residual levels a risk stays where it is on the residual map; a closed one is on neither.
    expect(cell(register.heatMap.residual, 3, 4)).toEqual(['R-1']);
    expect(cell(register.heatMap.current, 5, 5)).toEqual([]);

    const figures = unwrap(await getProgram(w.deps, { programId: p.id, actor: chen }));
    expect(figures.highRisks).toBe(2);
    unwrap(await updateRisk(w.deps, { ...target(p, r12), reason: 'Supplier on allocation', patch: { impact: 5 } }));
    expect(unwrap(await getProgram(w.deps, { programId: p.id, actor: chen })).highRisks).toBe(3);
  });
});

describe('updateRisk', () => {
  it('re-scores with a reason kept on every row, and the score history replays it', async () => {
    const { p, chen } = await team();
    const r = unwrap(await raise(p, chen.id, 2, 3)).risk;
    w.setNow('2026-03-05T08:00:00.000Z');
    const v = unwrap(await updateRisk(w.deps, { ...target(p, r, chen), reason: 'Port strike announced', patch: { likelihood: 4 } }));
    expect(v.risk).toMatchObject({ likelihood: 4, impact: 3, version: 2 });
    const rows = (await w.changes(p, { entity: 'risk' })).filter((c) => c.oldValue !== null);
    expect(rows.map((c) => [c.field, c.oldValue, c.newValue, c.reason, c.actorId])).toEqual([
      ['likelihood', '2', '4', 'Port strike announced', chen.id],
    ]);
    const detail = unwrap(await getRisk(w.deps, { programId: p.id, riskId: r.key, actor: chen }));
    expect(detail.scoreHistory.map((s) => [s.score, s.reason])).toEqual([
      [6, null],
      [12, 'Port strike announced'],
    ]);
  });

  it('needs a reason, a change, an owner kept, and the risk’s owner or the cadence owner', async () => {
    const { p, chen } = await team();
    const ana = await w.person('Ana Lima', { role: 'contributor', program: p });
    const r = unwrap(await raise(p, chen.id, 2, 3)).risk;
    expect(refusal(await updateRisk(w.deps, { ...target(p, r), reason: ' ', patch: { impact: 4 } })).code).toBe('REASON_REQUIRED');
    expect(refusal(await updateRisk(w.deps, { ...target(p, r), reason: 'Same', patch: { impact: 3 } })).code).toBe('NOTHING_TO_CHANGE');
    expect(refusal(await updateRisk(w.deps, { ...target(p, r), reason: 'Nobody', patch: { ownerId: null } })).code).toBe('OWNER_REQUIRED');
    expect(refusal(await updateRisk(w.deps, { ...target(p, r, ana), reason: 'Not mine', patch: { impact: 4 } })).code).toBe('FORBIDDEN');
    // The cadence owner updates anyone's risk and may hand it over.
    const handed = unwrap(await updateRisk(w.deps, { ...target(p, r), reason: 'Ana runs purchasing now', patch: { ownerId: ana.id } }));
    expect(handed.owner?.id).toBe(ana.id);
    expect(refusal(await updateRisk(w.deps, { ...target(p, handed.risk, chen), reason: 'Gone', patch: { impact: 1 } })).code).toBe(
      'FORBIDDEN',
    );
  });
});

describe('closeRisk and realizeRisk', () => {
  it('close with a reason; a closed risk no longer changes', async () => {
    const { p, chen } = await team();
    const r = unwrap(await raise(p, chen.id, 2, 3)).risk;
    expect(refusal(await closeRisk(w.deps, { ...target(p, r, chen), reason: '' })).code).toBe('REASON_REQUIRED');
    const closed = unwrap(await closeRisk(w.deps, { ...target(p, r, chen), reason: 'Season over' }));
    expect(closed.risk.status).toBe('closed');
    expect((await w.changes(p, { entity: 'risk', field: 'status' })).at(-1)).toMatchObject({
      oldValue: 'open',
      newValue: 'closed',
      reason: 'Season over',
    });
    expect(refusal(await updateRisk(w.deps, { ...target(p, closed.risk), reason: 'Again', patch: { impact: 5 } })).code).toBe(
      'RISK_CLOSED',
    );
    expect(refusal(await realizeRisk(w.deps, { ...target(p, closed.risk), reason: 'It happened' })).code).toBe('RISK_CLOSED');
  });

  it('realize: the risk ends and a high-severity action responds to it, owned by the risk’s owner, in one write', async () => {
    const { p, chen } = await team();
    const r = unwrap(await raise(p, chen.id, 4, 4, { title: 'Mould cracks' })).risk;
    const done = unwrap(await realizeRisk(w.deps, { ...target(p, r, chen), reason: 'Cavity 3 cracked on shot 12k' }));
    expect(done.risk.risk.status).toBe('realized');
    expect(done.response.action).toMatchObject({
      key: 'A-1',
      title: 'Respond to: Mould cracks',
      description: 'Cavity 3 cracked on shot 12k',
      ownerId: chen.id,
      severity: 'high',
      riskId: r.id,
      status: 'open',
    });
    expect(done.risk.actions.map((a) => a.key)).toEqual(['A-1']);
    const rows = await w.changes(p);
    const riskRow = rows.find((c) => c.entity === 'risk' && c.field === 'status' && c.newValue === 'realized');
    const actionRow = rows.find((c) => c.entity === 'action' && c.field === 'title');
    for (const row of [riskRow, actionRow]) expect(row).toMatchObject({ actorId: chen.id, reason: 'Cavity 3 cracked on shot 12k' });
    expect(riskRow?.at).toBe(actionRow?.at);
  });

  it('realize writes neither the risk nor the action when the response cannot be opened', async () => {
    const { p, chen } = await team();
    const outsider = await w.person('Olu Adebayo', { role: 'cadence_owner', program: await w.program() });
    const r = unwrap(await raise(p, chen.id, 4, 4)).risk;
    const no = refusal(await realizeRisk(w.deps, { ...target(p, r), reason: 'It happened', action: { ownerId: outsider.id } }));
    expect(no.code).toBe('USER_NOT_FOUND');
    expect(unwrap(await getRisk(w.deps, { programId: p.id, riskId: r.key, actor: w.lead })).view.risk.status).toBe('open');
    expect(unwrap(await listActions(w.deps, { programId: p.id, actor: w.lead })).items).toEqual([]);
  });
});

describe('riskChanges', () => {
  it('tells what happened to the risks in a week: raised, re-scored from the score it had before, realized', async () => {
    const { p, chen } = await team();
    w.setNow('2026-02-26T10:00:00.000Z');
    const old = unwrap(await raise(p, chen.id, 2, 2, { title: 'Old risk' })).risk;
    w.setNow('2026-03-03T10:00:00.000Z');
    unwrap(await updateRisk(w.deps, { ...target(p, old), reason: 'Worse', patch: { likelihood: 4 } }));
    const fresh = unwrap(await raise(p, chen.id, 3, 3, { title: 'New risk' })).risk;
    w.setNow('2026-03-09T10:00:00.000Z');
    unwrap(await realizeRisk(w.deps, { ...target(p, fresh), reason: 'It happened' }));

    const week = unwrap(
      await riskChanges(w.deps, { programId: p.id, actor: chen, since: plainDate('2026-03-02'), until: plainDate('2026-03-08') }),
    );
    expect(week.map((e) => [e.event.kind, e.event.key, e.event.from, e.event.to, e.event.reason])).toEqual([
      ['rescored', 'R-1', 4, 8, 'Worse'],
      ['new', 'R-2', null, 9, null],
    ]);
    expect(week[0]?.actor?.id).toBe(w.lead.id);
    const refused = refusal(
      await riskChanges(w.deps, { programId: p.id, actor: chen, since: plainDate('2026-03-08'), until: plainDate('2026-03-02') }),
    );
    expect(refused.fields?.map((f) => f.path)).toEqual(['until']);
  });
});
