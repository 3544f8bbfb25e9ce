import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openUseCaseWorld, refusal, type UseCaseWorld, worldStart } from '../../../test/support/use-case-world.js';
import { emptyCharter } from '../../domain/charter.js';
import { defaultTrigger } from '../../domain/escalations/triggers.js';
import { asUserId } from '../../domain/ids.js';
import { plainDate } from '../../domain/plain-date.js';
import type { Program } from '../../domain/program.js';
import { setCharter } from '../charter/set-charter.js';
import { completeMilestone } from '../complete-milestone.js';
import { unwrap } from '../create-records.js';
import { requestDecision } from '../decisions/request-decision.js';
import type { Actor } from '../deps.js';
import { listNotices } from '../notifications/list-notices.js';
import { programWrite } from '../write-sequence.js';
import { listEscalations } from './list-escalations.js';
import { raiseEscalationsForFacts } from './raise-escalations-for-facts.js';
import { sweepEscalations } from './sweep-escalations.js';
import { systemActorId } from './system-actor.js';
import { listTriggers, setTrigger } from './triggers.js';
import { acknowledgeEscalation, reassignEscalation, resolveEscalation } from './work-escalation.js';

let w: UseCaseWorld;
beforeAll(async () => {
  w = await openUseCaseWorld();
});
afterAll(() => w.close());
beforeEach(() => w.setNow(worldStart));

/** A program Dana runs, with Jonas deciding and Mia above him on the escalation path; Li supplies. */
async function escalatingProgram() {
  const decider = await w.person('Jonas Keller');
  const boss = await w.person('Mia Hart');
  const supplier = await w.person('Li Wei');
  const p = await w.program({
    ownerId: w.lead.id,
    owners: { decision_owner: [decider.id], observer: [boss.id], contributor: [supplier.id] },
  });
  unwrap(
    await setCharter(w.deps, {
      programId: p.id,
      actor: w.lead,
      version: 0,
      charter: { ...emptyCharter, decisionOwnerId: decider.id, escalationPath: [decider.id, boss.id] },
    }),
  );
  return { p, decider: await w.reload(decider), boss: await w.reload(boss), supplier: await w.reload(supplier) };
}

const mine = async (who: Actor, p: Program, status: 'open' | 'all' | 'overdue' = 'all') =>
  unwrap(await listEscalations(w.deps, { actor: who, programId: p.id, status, limit: 100 })).items;

const noticeKinds = async (who: Actor, p: Program) =>
  unwrap(await listNotices(w.deps, { actor: who, unreadOnly: false, limit: 200 }))
    .items.filter((n) => n.programId === p.id)
    .map((n) => n.kind);

describe('the escalation sweep', () => {
  it('raises a missed milestone once, as the trigger’s system actor, and tells the owner', async () => {
    const { p, decider, boss } = await escalatingProgram();
    const m = await w.milestone(p, 'Pilot run', '2026-03-06');
    // Monday 2026-03-09 09:00 UTC: the forecast (Friday) passed without an actual date.
    w.setNow('2026-03-09T09:00:00.000Z');
    const first = await sweepEscalations(w.deps);
    expect(first.raised).toBeGreaterThanOrEqual(1);
    const [e] = (await mine(w.lead, p)).filter((v) => v.escalation.conditionKey === `missed_milestone:${m.key}`);
    expect(e?.escalation).toMatchObject({ key: 'X-1', status: 'open', level: 0, ownerId: w.lead.id, severity: 'high', subjectRef: m.key });
    // Two business days on the program's calendar, in Dana's zone (UTC): Wednesday 18:00Z.
    expect(e?.escalation.deadlineAt).toBe('2026-03-11T18:00:00.000Z');
    expect(await noticeKinds(w.lead, p)).toContain('escalation_raised');
    const logged = await w.changes(p, { entity: 'escalation', entityKey: 'X-1' });
    expect(new Set(logged.map((c) => c.actorId))).toEqual(new Set([systemActorId('missed_milestone')]));

    // Again, and again later the same day: nothing new.
    expect((await sweepEscalations(w.deps)).raised).toBe(0);
    w.setNow('2026-03-09T15:00:00.000Z');
    expect((await sweepEscalations(w.deps)).raised).toBe(0);
    expect((await mine(w.lead, p)).filter((v) => v.escalation.conditionKey === `missed_milestone:${m.key}`)).toHaveLength(1);

    // Past its deadline, not acknowledged: it climbs to Jonas (level 1), with a new deadline on his day, and he is told.
    w.setNow('2026-03-11T18:30:00.000Z');
    const climb = await sweepEscalations(w.deps);
    expect(climb.climbed).toBe(1);
    const [up] = await mine(decider, p);
    expect(up?.escalation).toMatchObject({ key: 'X-1', status: 'escalated', level: 1, ownerId: decider.id });
    expect(up?.escalation.deadlineAt).toBe('2026-03-13T18:00:00.000Z');
    expect(await noticeKinds(decider, p)).toContain('escalation_climbed');
    // A second sweep at the same moment climbs nothing more.
    expect((await sweepEscalations(w.deps)).climbed).toBe(0);

    // Mia (an observer on the path) may not act on Jonas's escalation; Jonas acknowledges it, and it climbs no more.
    expect(
      refusal(
        await acknowledgeEscalation(w.deps, { programId: p.id, escalationId: 'X-1', version: up?.escalation.version ?? 0, actor: boss }),
      ).code,
    ).toBe('FORBIDDEN');
    const acked = unwrap(
      await acknowledgeEscalation(w.deps, { programId: p.id, escalationId: 'x-1', version: up?.escalation.version ?? 0, actor: decider }),
    );
    expect(acked.escalation.status).toBe('acknowledged');
    w.setNow('2026-03-20T17:30:00.000Z');
    await sweepEscalations(w.deps);
    expect((await mine(decider, p))[0]?.escalation).toMatchObject({ status: 'acknowledged', level: 1 });

    // Resolved with a decision of the program; an outcome is required; the condition still holds, so nothing is raised again.
    const d = unwrap(
      await requestDecision(w.deps, {
        programId: p.id,
        actor: w.lead,
        statement: 'Air freight?',
        ownerId: decider.id,
        dueDate: plainDate('2026-03-27'),
      }),
    );
    const v = acked.escalation.version;
    expect(
      refusal(await resolveEscalation(w.deps, { programId: p.id, escalationId: 'X-1', version: v, actor: w.lead, outcome: ' ' })).code,
    ).toBe('OUTCOME_REQUIRED');
    expect(
      refusal(
        await resolveEscalation(w.deps, {
          programId: p.id,
          escalationId: 'X-1',
          version: v,
          actor: w.lead,
          outcome: 'x',
          decisionId: 'D-99',
        }),
      ).code,
    ).toBe('LINK_TARGET_NOT_FOUND');
    const done = unwrap(
      await resolveEscalation(w.deps, {
        programId: p.id,
        escalationId: 'X-1',
        version: v,
        actor: w.lead,
        outcome: 'Ship by air',
        decisionId: d.decision.key,
      }),
    );
    expect(done).toMatchObject({ decisionKey: d.decision.key, escalation: { status: 'resolved', outcome: 'Ship by air' } });
    expect((await sweepEscalations(w.deps)).raised).toBe(0);
    expect((await mine(w.lead, p)).filter((x) => x.escalation.conditionKey === `missed_milestone:${m.key}`)).toHaveLength(1);

    // Done: the condition clears and its spell ends; it cannot recur for a done milestone.
    unwrap(
      await completeMilestone(w.deps, {
        programId: p.id,
        milestoneId: m.id,
        version: m.version,
        actor: w.lead,
        actualDate: plainDate('2026-03-20'),
      }),
    );
    await sweepEscalations(w.deps);
    expect((await mine(w.lead, p, 'open')).filter((x) => x.escalation.conditionKey === `missed_milestone:${m.key}`)).toHaveLength(0);
  });

  it('climbs to the top of the path and stays expired there; reassigning needs the cadence owner and a reason', async () => {
    const { p, decider, boss, supplier } = await escalatingProgram();
    unwrap(
      await setTrigger(w.deps, {
        programId: p.id,
        actor: w.lead,
        version: 0,
        setting: {
          ...defaultTrigger('missed_milestone'),
          owner: { kind: 'person', userId: supplier.id },
          window: { unit: 'business_hours', amount: 4 },
        },
      }),
    );
    await w.milestone(p, 'Tooling', '2026-03-05');
    w.setNow('2026-03-06T08:00:00.000Z');
    await sweepEscalations(w.deps);
    const [e] = await mine(supplier, p, 'open');
    expect(e?.escalation).toMatchObject({ ownerId: supplier.id, level: 0 });
    // Four business hours from 08:00 on Friday in Li's zone (UTC).
    expect(e?.escalation.deadlineAt).toBe('2026-03-06T12:00:00.000Z');
    expect(
      refusal(
        await reassignEscalation(w.deps, {
          programId: p.id,
          escalationId: e?.escalation.key ?? '',
          version: 1,
          actor: supplier,
          ownerId: decider.id,
          reason: 'x',
        }),
      ).code,
    ).toBe('FORBIDDEN');
    expect(
      refusal(
        await reassignEscalation(w.deps, {
          programId: p.id,
          escalationId: e?.escalation.key ?? '',
          version: 1,
          actor: w.lead,
          ownerId: decider.id,
          reason: ' ',
        }),
      ).code,
    ).toBe('REASON_REQUIRED');
    w.setNow('2026-03-06T12:00:00.000Z');
    expect((await sweepEscalations(w.deps)).climbed).toBe(1);
    w.setNow('2026-03-09T16:00:00.000Z');
    expect((await sweepEscalations(w.deps)).climbed).toBe(1);
    w.setNow('2026-03-12T16:00:00.000Z');
    const last = await sweepEscalations(w.deps);
    expect(last.expired).toBe(1);
    const [top] = (await mine(boss, p, 'overdue')).filter((x) => x.escalation.key === e?.escalation.key);
    expect(top?.escalation).toMatchObject({ status: 'expired', level: 2, ownerId: boss.id });
    expect(top?.isOverdue).toBe(true);
    expect((await sweepEscalations(w.deps)).expired).toBe(0);
    // The cadence owner hands it back to Jonas, with a reason logged; Jonas is told it is his to answer.
    const before = (await noticeKinds(decider, p)).filter((k) => k === 'escalation_raised').length;
    const moved = unwrap(
      await reassignEscalation(w.deps, {
        programId: p.id,
        escalationId: e?.escalation.key ?? '',
        version: top?.escalation.version ?? 0,
        actor: w.lead,
        ownerId: decider.id,
        reason: 'Jonas owns supplier issues',
      }),
    );
    expect(moved.escalation.ownerId).toBe(decider.id);
    expect((await noticeKinds(decider, p)).filter((k) => k === 'escalation_raised')).toHaveLength(before + 1);
    const rows = await w.changes(p, { entity: 'escalation', field: 'ownerId' });
    expect(rows.at(-1)).toMatchObject({ actorId: w.lead.id, reason: 'Jonas owns supplier issues', newValue: decider.id });
  });
});

describe('triggers and floor-event facts', () => {
  it('lists defaults, sets one at its version, and raises an AQL reject in the event’s own transaction, once', async () => {
    const { p, supplier } = await escalatingProgram();
    const listed = unwrap(await listTriggers(w.deps, { programId: p.id, actor: supplier }));
    expect(listed.triggers).toHaveLength(9);
    expect(listed.triggers.every((t) => t.isDefault && t.version === 0)).toBe(true);
    expect(
      refusal(await setTrigger(w.deps, { programId: p.id, actor: supplier, version: 0, setting: defaultTrigger('risk_score') })).code,
    ).toBe('FORBIDDEN');
    const bad = refusal(
      await setTrigger(w.deps, { programId: p.id, actor: w.lead, version: 0, setting: { ...defaultTrigger('risk_score'), threshold: 30 } }),
    );
    expect(bad.fields?.map((f) => f.path)).toEqual(['threshold']);
    const set = unwrap(
      await setTrigger(w.deps, { programId: p.id, actor: w.lead, version: 0, setting: { ...defaultTrigger('risk_score'), threshold: 20 } }),
    );
    expect(set.triggers.find((t) => t.setting.kind === 'risk_score')).toMatchObject({
      isDefault: false,
      version: 1,
      setting: { threshold: 20 },
    });
    expect(
      refusal(await setTrigger(w.deps, { programId: p.id, actor: w.lead, version: 0, setting: defaultTrigger('risk_score') })).code,
    ).toBe('VERSION_CONFLICT');
    expect(
      refusal(
        await setTrigger(w.deps, {
          programId: p.id,
          actor: w.lead,
          version: 0,
          setting: { ...defaultTrigger('gate_at_risk'), owner: { kind: 'person', userId: asUserId('nobody') } },
        }),
      ).code,
    ).toBe('USER_NOT_FOUND');

    const record = () =>
      programWrite(w.deps, { programId: p.id, actor: supplier, permission: 'program.read' }, async ({ tx, program, meta }) =>
        raiseEscalationsForFacts(w.deps, tx, program, [{ eventId: 'ev-7', title: 'Housing lot 7', inspectionVerdict: 'reject' }], meta),
      );
    const raised = unwrap(await record());
    expect(raised.map((e) => [e.triggerKind, e.severity, e.conditionKey])).toEqual([
      ['defect_threshold', 'critical', 'defect_threshold:ev-7'],
    ]);
    // One business day: the end of the next business day in Dana's zone (UTC), on the program's calendar.
    expect(raised[0]?.deadlineAt).toBe('2026-03-05T18:00:00.000Z');
    expect(unwrap(await record())).toEqual([]);
  });
});
