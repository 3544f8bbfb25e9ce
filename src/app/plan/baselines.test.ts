import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { writeCompleteCharter } from '../../../test/support/charter.js';
import { openUseCaseWorld, refusal, type UseCaseWorld, worldStart } from '../../../test/support/use-case-world.js';
import { plainDate } from '../../domain/plain-date.js';
import type { Program } from '../../domain/program.js';
import { completeMilestone } from '../complete-milestone.js';
import { unwrap } from '../create-records.js';
import { decideDecision } from '../decisions/decide-decision.js';
import { requestDecision } from '../decisions/request-decision.js';
import type { Actor } from '../deps.js';
import { getProgram } from '../get-program.js';
import { listMilestones } from '../list-milestones.js';
import { moveMilestone } from '../move-milestone.js';
import { updateMilestone } from '../update-milestone.js';
import { activateProgram, listBaselines, takeBaseline } from './baselines.js';
import { getPlan } from './get-plan.js';

let w: UseCaseWorld;
beforeAll(async () => {
  w = await openUseCaseWorld();
});
afterAll(() => w.close());
beforeEach(() => w.setNow(worldStart));

const activate = (p: Program, over: Partial<Parameters<typeof activateProgram>[1]> = {}) =>
  activateProgram(w.deps, { programId: p.id, actor: w.lead, version: p.version, ...over });

const program = async (p: Program) => unwrap(await getProgram(w.deps, { programId: p.id, actor: w.lead })).program;

/** A decision owned by `owner`, decided by them. */
async function decided(p: Program, owner: Actor, statement = 'Re-plan after the tooling delay?') {
  const d = unwrap(
    await requestDecision(w.deps, { programId: p.id, actor: w.lead, statement, ownerId: owner.id, dueDate: plainDate('2026-03-20') }),
  ).decision;
  const verdict = { outcome: 'Yes', rationale: 'Tooling three weeks late', expectedImpact: 'SOP in April' };
  return unwrap(await decideDecision(w.deps, { programId: p.id, decisionId: d.key, version: d.version, actor: owner, ...verdict }))
    .decision;
}

/** A draft program with M-1 (10 Mar) and M-2 (20 Mar), and a complete kickoff charter unless told. */
async function draft({ charter = true } = {}) {
  const p = await w.program({ status: 'draft' });
  await w.milestone(p, 'Pilot run', '2026-03-10');
  await w.milestone(p, 'PPAP submission', '2026-03-20');
  if (charter) await writeCompleteCharter(w.deps, p.id, w.lead);
  return p;
}

describe('activateProgram', () => {
  it('takes a draft program active and baseline 0 of its planned dates, in one write named by its reason', async () => {
    const p = await draft();
    const b = unwrap(await activate(p, { reason: 'Kickoff signed' }));
    expect(b.baseline).toMatchObject({ number: 0, name: 'Baseline 0', decisionId: null, takenById: w.lead.id, takenAt: worldStart });
    expect(Object.values(b.baseline.dates).sort()).toEqual(['2026-03-10', '2026-03-20']);
    expect((await program(p)).status).toBe('active');
    const rows = await w.changes(p);
    expect(rows.find((c) => c.entity === 'program' && c.field === 'status' && c.oldValue !== null)).toMatchObject({
      oldValue: 'draft',
      newValue: 'active',
      reason: 'Kickoff signed',
    });
    expect(rows.find((c) => c.entity === 'baseline' && c.field === 'number')).toMatchObject({ entityKey: 'B-0', reason: 'Kickoff signed' });
  });

  it('refuses a program without a complete kickoff charter, naming every part missing, and writes nothing', async () => {
    const p = await draft({ charter: false });
    const before = await w.changes(p);
    const none = refusal(await activate(p, { reason: 'Kickoff signed' }));
    expect(none.code).toBe('CHARTER_INCOMPLETE');
    expect(none.fields?.map((f) => f.path)).toEqual([
      'decisionOwnerId',
      'escalationPath',
      'successDefinitions.G1',
      'successDefinitions.G2',
      'successDefinitions.G3',
      'successDefinitions.G4',
      'weeklyReport.weekday',
      'weeklyReport.time',
      'weeklyReport.recipients',
      'leadershipReview.scoreAtLeast',
      'leadershipReview.unresolvedDays',
    ]);
    // A half-written charter is refused for what it still lacks, and only that.
    const half = await writeCompleteCharter(w.deps, p.id, w.lead, {
      successDefinitions: { G1: 'Golden sample signed.', G2: 'Pilot passed.', G4: 'Released.' },
      leadershipReview: { scoreAtLeast: 15, unresolvedDays: null },
    });
    const some = refusal(await activate(p));
    expect(some.code).toBe('CHARTER_INCOMPLETE');
    expect(some.fields?.map((f) => f.path)).toEqual(['successDefinitions.G3', 'leadershipReview.unresolvedDays']);
    expect((await program(p)).status).toBe('draft');
    expect(unwrap(await listBaselines(w.deps, { programId: p.id, actor: w.lead }))).toEqual([]);
    expect((await w.changes(p)).filter((c) => c.entity !== 'charter')).toEqual(before);
    // Once complete, the same program goes active.
    await writeCompleteCharter(w.deps, p.id, w.lead, { escalationPath: half.escalationPath });
    expect(unwrap(await activate(p)).baseline.number).toBe(0);
    expect((await program(p)).status).toBe('active');
  });

  it('refuses baseline 0 of an active program without a charter too: taking it is activation', async () => {
    const p = await w.program();
    expect(refusal(await activate(p)).code).toBe('CHARTER_INCOMPLETE');
    expect(unwrap(await listBaselines(w.deps, { programId: p.id, actor: w.lead }))).toEqual([]);
  });

  it('gives an active program without a baseline its baseline 0, and refuses a second one', async () => {
    const p = await w.program();
    await w.milestone(p, 'Pilot run', '2026-03-10');
    await writeCompleteCharter(w.deps, p.id, w.lead);
    const b = unwrap(await activate(p));
    expect(b.baseline.number).toBe(0);
    expect((await w.changes(p, { entity: 'baseline', field: 'number' }))[0]?.reason).toBe(`${p.code} goes active`);
    const again = refusal(await activate(await program(p)));
    expect(again.code).toBe('PROGRAM_STATE');
    expect(unwrap(await listBaselines(w.deps, { programId: p.id, actor: w.lead }))).toHaveLength(1);
  });

  it('refuses a program on hold, a stale version and anyone but the cadence owner', async () => {
    const held = await w.program({ status: 'on_hold' });
    expect(refusal(await activate(held)).code).toBe('PROGRAM_STATE');
    const p = await draft();
    expect(refusal(await activate(p, { version: p.version + 1 })).code).toBe('VERSION_CONFLICT');
    const jonas = await w.person('Jonas Keller', { role: 'decision_owner', program: p });
    expect(refusal(await activate(p, { actor: jonas })).code).toBe('FORBIDDEN');
    expect((await program(p)).status).toBe('draft');
  });

  it('locks the planned dates: once baseline 0 is taken they change only by a re-baseline', async () => {
    const p = await draft();
    const edit = async (date: string) => {
      const m1 = unwrap(await listMilestones(w.deps, { programId: p.id, actor: w.lead }))[0]?.milestone;
      if (!m1) throw new Error('no M-1');
      return updateMilestone(w.deps, {
        programId: p.id,
        milestoneId: m1.key,
        version: m1.version,
        actor: w.lead,
        patch: { baselineDate: plainDate(date) },
        reason: 'Customer moved the pilot',
      });
    };
    expect(unwrap(await edit('2026-03-11')).milestone.baselineDate).toBe('2026-03-11');
    unwrap(await activate(await program(p)));
    const r = refusal(await edit('2026-03-12'));
    expect(r.code).toBe('BASELINE_LOCKED');
    expect(r.fields?.map((f) => f.path)).toEqual(['baselineDate']);
  });
});

describe('takeBaseline (re-baseline)', () => {
  /** An active program with baseline 0, M-1 slipped to 17 Mar, M-2 on plan, M-3 done late; Jonas decides. */
  async function slipped() {
    const p = await draft();
    unwrap(await activate(p));
    const jonas = await w.person('Jonas Keller', { role: 'decision_owner', program: p });
    const ms = unwrap(await listMilestones(w.deps, { programId: p.id, actor: w.lead })).map((v) => v.milestone);
    const [m1] = ms;
    if (!m1) throw new Error('no M-1');
    unwrap(
      await moveMilestone(w.deps, {
        programId: p.id,
        milestoneId: m1.key,
        version: m1.version,
        actor: w.lead,
        forecastDate: plainDate('2026-03-17'),
        reason: 'Tooling late',
      }),
    );
    return { p, jonas };
  }

  const rebaseline = (p: Program, decisionId: string, over: Partial<Parameters<typeof takeBaseline>[1]> = {}) =>
    takeBaseline(w.deps, { programId: p.id, actor: w.lead, name: 'After tooling delay', decisionId, ...over });

  it('makes the open milestones’ forecasts their planned dates, each logged with the approving decision', async () => {
    const { p, jonas } = await slipped();
    const d = await decided(p, jonas);
    const b = unwrap(await rebaseline(p, d.key, { reason: 'Customer agreed' }));
    expect(b).toMatchObject({ moved: 1, baseline: { number: 1, name: 'After tooling delay', decisionId: d.id }, decision: { key: d.key } });
    const plan = unwrap(await getPlan(w.deps, { programId: p.id, actor: w.lead }));
    expect(plan.rows.map((r) => [r.milestone.key, r.milestone.baselineDate, r.varianceDays])).toEqual([
      ['M-1', '2026-03-17', 0],
      ['M-2', '2026-03-20', 0],
    ]);
    // Against baseline 0 the slip still shows.
    const vs0 = unwrap(await getPlan(w.deps, { programId: p.id, actor: w.lead, baseline: 0 }));
    expect(vs0.rows.map((r) => [r.milestone.key, r.baselineDate, r.varianceDays])).toEqual([
      ['M-1', '2026-03-10', 5],
      ['M-2', '2026-03-20', 0],
    ]);
    const row = (await w.changes(p, { entityKey: 'M-1', field: 'baselineDate' })).at(-1);
    expect(row).toMatchObject({
      oldValue: '2026-03-10',
      newValue: '2026-03-17',
      reason: `Re-baseline 1 "After tooling delay", approved by ${d.key}: Customer agreed`,
    });
  });

  it('keeps the planned date of a milestone already done', async () => {
    const { p, jonas } = await slipped();
    w.setNow('2026-03-18T09:00:00.000Z');
    const m1 = unwrap(await listMilestones(w.deps, { programId: p.id, actor: w.lead }))[0]?.milestone;
    if (!m1) throw new Error('no M-1');
    unwrap(
      await completeMilestone(w.deps, {
        programId: p.id,
        milestoneId: m1.key,
        version: m1.version,
        actor: w.lead,
        actualDate: plainDate('2026-03-18'),
      }),
    );
    const b = unwrap(await rebaseline(p, (await decided(p, jonas)).key));
    expect(b.moved).toBe(0);
    expect(b.baseline.dates[m1.id]).toBe('2026-03-10');
  });

  it('needs baseline 0 first', async () => {
    const p = await draft();
    const jonas = await w.person('Jonas Keller', { role: 'decision_owner', program: p });
    expect(refusal(await rebaseline(p, (await decided(p, jonas)).key)).code).toBe('BASELINE_MISSING');
  });

  it('refuses an open decision, one decided by someone who is not a decision owner, and one used before', async () => {
    const { p, jonas } = await slipped();
    const open = unwrap(
      await requestDecision(w.deps, {
        programId: p.id,
        actor: w.lead,
        statement: 'Re-plan?',
        ownerId: jonas.id,
        dueDate: plainDate('2026-03-20'),
      }),
    );
    const notDecided = refusal(await rebaseline(p, open.decision.key));
    expect(notDecided).toMatchObject({ code: 'BASELINE_DECISION_INVALID', fields: [{ path: 'decisionId' }] });
    expect(notDecided.message).toContain('open');

    // The cadence owner may decide a decision she owns, but that does not approve a re-baseline.
    const byLead = await decided(p, w.lead, 'Re-plan on my own say-so?');
    expect(refusal(await rebaseline(p, byLead.key)).message).toContain('not decided by a decision owner');

    const d = await decided(p, jonas);
    unwrap(await rebaseline(p, d.key));
    const reused = refusal(await rebaseline(p, d.key, { name: 'Again' }));
    expect(reused.message).toBe(`${d.key} already approved baseline 1 ("After tooling delay").`);
    expect(unwrap(await listBaselines(w.deps, { programId: p.id, actor: w.lead })).map((b) => b.baseline.number)).toEqual([0, 1]);
  });

  it('refuses a decision of another program as unknown here', async () => {
    const { p } = await slipped();
    const other = await w.program();
    const priya = await w.person('Priya Nair', { role: 'decision_owner', program: other });
    const theirs = await decided(other, priya);
    const r = refusal(await rebaseline(p, theirs.id));
    expect(r.code).toBe('BASELINE_DECISION_INVALID');
    expect(r.message).toContain('No decision');
  });
});
