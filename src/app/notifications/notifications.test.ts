import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openUseCaseWorld, refusal, type UseCaseWorld, worldStart } from '../../../test/support/use-case-world.js';
import type { UserId } from '../../domain/ids.js';
import { plainDate } from '../../domain/plain-date.js';
import type { Program } from '../../domain/program.js';
import { editAction } from '../actions/edit-action.js';
import { openAction } from '../actions/open-action.js';
import { unwrap } from '../create-records.js';
import type { Actor } from '../deps.js';
import { getGate, listGates } from '../gates/get-gates.js';
import { updateGate } from '../gates/update-gate.js';
import { acceptItem, rejectItem, submitItem } from '../gates/work-item.js';
import { submitIntake } from '../intake/submit-intake.js';
import { grantRole } from '../people/grant-role.js';
import type { Notice } from '../ports.js';
import { abort } from '../transact.js';
import { programWrite } from '../write-sequence.js';
import { listNotices } from './list-notices.js';
import { notify } from './notify.js';
import { sweepGateRisks } from './sweep-gate-risks.js';

let w: UseCaseWorld;
beforeAll(async () => {
  w = await openUseCaseWorld();
});
afterAll(() => w.close());
beforeEach(() => w.setNow(worldStart));

/** Everyone's notices of one program, by recipient: [kind, facts] newest first. */
async function noticesOf(p: Program, ...people: Actor[]): Promise<Map<string, Notice[]>> {
  const out = new Map<string, Notice[]>();
  for (const who of people) {
    const page = unwrap(await listNotices(w.deps, { actor: who, unreadOnly: false, limit: 200 }));
    out.set(
      who.id,
      page.items.filter((n) => n.programId === p.id),
    );
  }
  return out;
}

/** A program with a decision owner, a quality owner and a supplier contact; Dana (the world's lead) runs its cadence. */
async function gateProgram() {
  const decider = await w.person('Jonas Keller');
  const quality = await w.person('Sophie Brandt');
  const supplier = await w.person('Li Wei');
  const p = await w.program({
    ownerId: w.lead.id,
    owners: { decision_owner: [decider.id], quality_owner: [quality.id], contributor: [supplier.id] },
  });
  return { p, decider: await w.reload(decider), quality: await w.reload(quality), supplier: await w.reload(supplier) };
}

const itemOf = async (p: Program, gateKey: string, ownerId: string) => {
  const g = unwrap(await getGate(w.deps, { programId: p.id, gateKey, actor: w.lead }));
  const item = g.items.find((i) => i.ownerId === ownerId && i.isRequired);
  if (!item) throw new Error(`no item of ${ownerId} on ${gateKey}`);
  return { gate: g, item };
};

describe('notices of the gate steps', () => {
  it('a submission tells who may accept it, the gate moving tells its owner, gatekeepers and cadence owners; never the one who did it', async () => {
    const { p, decider, quality } = await gateProgram();
    const { gate, item } = await itemOf(p, 'G1', decider.id);
    expect(gate.ownerId).toBe(w.lead.id);
    unwrap(
      await submitItem(w.deps, {
        programId: p.id,
        gateKey: 'G1',
        itemKey: item.key,
        version: item.version,
        actor: decider,
        note: 'Signed golden sample #3',
      }),
    );
    const got = await noticesOf(p, w.lead, quality, decider);
    expect(got.get(decider.id)).toEqual([]);
    // Sophie reviews quality evidence (and, as a gatekeeper of G1, hears of its status too).
    expect(
      got
        .get(quality.id)
        ?.filter((n) => n.kind !== 'gate_status_changed')
        .map((n) => [n.kind, n.facts]),
    ).toEqual([['evidence_awaits_review', { programCode: p.code, gateKey: 'G1', itemKey: item.key, itemTitle: item.title }]]);
    const lead = got.get(w.lead.id) ?? [];
    expect(lead.map((n) => n.kind).sort()).toEqual(['evidence_awaits_review', 'gate_status_changed']);
    const moved = lead.find((n) => n.kind === 'gate_status_changed');
    expect(moved).toMatchObject({
      facts: { gateKey: 'G1', fromStatus: 'not_started', toStatus: 'in_progress' },
      actorId: decider.id,
      link: `/programs/${p.code}/gates/G1`,
      readAt: null,
    });
    const awaits = lead.find((n) => n.kind === 'evidence_awaits_review');
    expect(awaits?.link).toBe(`/programs/${p.code}/gates/G1#${item.key}`);
    // The gatekeepers the template names are told of the status too (unless they moved it).
    for (const k of gate.gatekeeperIds.filter((id) => id !== decider.id)) {
      const keeper = await w.reload({ id: k as UserId } as Actor);
      expect((await noticesOf(p, keeper)).get(k)?.some((n) => n.kind === 'gate_status_changed')).toBe(true);
    }
  });

  it("a rejection tells the item's owner, with the comment; an acceptance tells nobody of evidence", async () => {
    const { p, decider, quality } = await gateProgram();
    const { item } = await itemOf(p, 'G1', decider.id);
    unwrap(
      await submitItem(w.deps, {
        programId: p.id,
        gateKey: 'G1',
        itemKey: item.key,
        version: item.version,
        actor: decider,
        note: 'Sample',
      }),
    );
    const submitted = (await itemOf(p, 'G1', decider.id)).item;
    unwrap(
      await rejectItem(w.deps, {
        programId: p.id,
        gateKey: 'G1',
        itemKey: item.key,
        version: submitted.version,
        actor: quality,
        comment: 'The sample is not signed by the client.',
      }),
    );
    const rejected = (await noticesOf(p, decider)).get(decider.id) ?? [];
    expect(rejected.map((n) => [n.kind, n.facts])).toEqual([
      [
        'evidence_rejected',
        {
          programCode: p.code,
          gateKey: 'G1',
          itemKey: item.key,
          itemTitle: item.title,
          comment: 'The sample is not signed by the client.',
        },
      ],
    ]);
    const evidence = (n: Notice) => n.kind.startsWith('evidence_');
    expect(
      (await noticesOf(p, quality))
        .get(quality.id)
        ?.filter(evidence)
        .map((n) => n.kind),
    ).toEqual(['evidence_awaits_review']);
    const again = (await itemOf(p, 'G1', decider.id)).item;
    unwrap(
      await submitItem(w.deps, {
        programId: p.id,
        gateKey: 'G1',
        itemKey: item.key,
        version: again.version,
        actor: decider,
        note: 'Signed',
      }),
    );
    const resubmitted = (await itemOf(p, 'G1', decider.id)).item;
    unwrap(await acceptItem(w.deps, { programId: p.id, gateKey: 'G1', itemKey: item.key, version: resubmitted.version, actor: quality }));
    expect(
      (await noticesOf(p, decider))
        .get(decider.id)
        ?.filter(evidence)
        .map((n) => n.kind),
    ).toEqual(['evidence_rejected']);
  });

  it('notices are written in the change’s transaction: a write refused after notify() leaves none', async () => {
    const { p, quality } = await gateProgram();
    const r = await programWrite(w.deps, { programId: p.id, actor: w.lead, permission: 'gate.edit' }, async ({ tx, program, meta }) => {
      const kept = await notify(w.deps, tx, { actorId: meta.actorId, at: meta.at }, [
        {
          kind: 'gate_status_changed',
          programId: program.id,
          recipients: [quality.id, w.lead.id, null],
          facts: { programCode: program.code, gateKey: 'G1', gateName: 'x', fromStatus: 'not_started', toStatus: 'in_progress' },
        },
      ]);
      expect(kept).toBe(1);
      return abort({ code: 'VALIDATION_FAILED', message: 'refused after the notice' });
    });
    expect(refusal(r).code).toBe('VALIDATION_FAILED');
    expect((await noticesOf(p, quality)).get(quality.id)).toEqual([]);
  });
});

describe('actions', () => {
  it("a new action's owner is told it is theirs, and so is the next owner when it is handed on; not who did it", async () => {
    const { p, decider, supplier } = await gateProgram();
    const opened = unwrap(
      await openAction(w.deps, {
        programId: p.id,
        actor: w.lead,
        title: 'Send the signed golden sample',
        ownerId: supplier.id,
        dueDate: plainDate('2026-03-20'),
      }),
    );
    const mine = unwrap(
      await openAction(w.deps, {
        programId: p.id,
        actor: w.lead,
        title: 'Book the pilot line',
        ownerId: w.lead.id,
        dueDate: plainDate('2026-03-20'),
      }),
    );
    const got = await noticesOf(p, supplier, w.lead);
    expect(got.get(supplier.id)?.map((n) => [n.kind, n.facts, n.link])).toEqual([
      [
        'action_assigned',
        { programCode: p.code, actionKey: opened.action.key, title: 'Send the signed golden sample' },
        `/programs/${p.code}/actions#${opened.action.key}`,
      ],
    ]);
    expect(got.get(w.lead.id)?.filter((n) => n.kind === 'action_assigned')).toEqual([]);
    unwrap(
      await editAction(w.deps, {
        programId: p.id,
        actionId: mine.action.key,
        version: mine.action.version,
        actor: w.lead,
        patch: { ownerId: decider.id },
      }),
    );
    expect(
      (await noticesOf(p, decider))
        .get(decider.id)
        ?.filter((n) => n.kind === 'action_assigned')
        .map((n) => n.facts),
    ).toEqual([{ programCode: p.code, actionKey: mine.action.key, title: 'Book the pilot line' }]);
  });
});

describe('intake', () => {
  it("a program submitted through intake is told to the client's cadence owners, not to the one who submitted it", async () => {
    const buyer = await w.person('Jonas Buyer');
    unwrap(await grantRole(w.deps, { actor: w.admin, userId: buyer.id, clientId: w.client.id, role: 'contributor' }));
    const receipt = unwrap(
      await submitIntake(w.deps, {
        via: { actor: await w.reload(buyer), clientId: w.client.id },
        answers: {
          product: 'Kettle KW900',
          name: 'Kettle KW900 launch',
          supplierName: 'Bosch Thermotechnik',
          factoryCity: 'Stuttgart',
          factoryCountry: 'DE',
          timeZone: 'Europe/Berlin',
          targetReleaseDate: null,
          currentPhase: 'G1',
          knownRisks: [],
          contacts: [],
          note: '',
        },
      }),
    );
    const lead = unwrap(await listNotices(w.deps, { actor: w.lead, unreadOnly: true, limit: 200 })).items;
    expect(lead.filter((n) => n.kind === 'intake_submitted').map((n) => [n.facts, n.link, n.actorId])).toEqual([
      [
        { programCode: receipt.reference, programName: 'Kettle KW900 launch', clientName: w.client.name },
        `/programs/${receipt.reference}`,
        buyer.id,
      ],
    ]);
    const own = unwrap(await listNotices(w.deps, { actor: buyer, unreadOnly: false, limit: 200 })).items;
    expect(own.filter((n) => n.kind === 'intake_submitted')).toEqual([]);
  });
});

describe('gate at risk', () => {
  /** G1 reviewed on Friday 13 March 2026 (7 business days after Wednesday 4 March: inside the 10-day warning period). */
  async function riskyProgram() {
    const made = await gateProgram();
    const review = await w.milestone(made.p, 'G1 review: pre-production readiness', '2026-03-13', { phase: 'G1' });
    const g1 = unwrap(await listGates(w.deps, { programId: made.p.id, actor: w.lead })).gates[0];
    return { ...made, review, g1Version: g1?.version ?? 0 };
  }

  it('the write that makes a gate at risk tells its owner and the owners of the items off course, once per spell', async () => {
    const { p, decider, quality, review, g1Version } = await riskyProgram();
    // Dana sets the review: the items fall due 5–10 business days before it, the earliest already overdue.
    unwrap(await updateGate(w.deps, { programId: p.id, gateKey: 'G1', actor: w.lead, version: g1Version, reviewMilestoneId: review.key }));
    const got = await noticesOf(p, w.lead, decider, quality);
    // Dana made the change: she is not told; the owners of overdue items are.
    expect(got.get(w.lead.id)?.filter((n) => n.kind === 'gate_at_risk')).toEqual([]);
    const atRisk = [...(got.get(decider.id) ?? []), ...(got.get(quality.id) ?? [])].filter((n) => n.kind === 'gate_at_risk');
    expect(atRisk.length).toBeGreaterThan(0);
    for (const n of atRisk) {
      expect(n).toMatchObject({ actorId: w.lead.id, facts: { gateKey: 'G1', plannedReviewDate: '2026-03-13' } });
      if (n.kind === 'gate_at_risk') expect(n.facts.items.length).toBeGreaterThan(0);
    }
    // The sweep finds the same spell open: nothing more.
    const before = atRisk.length;
    await sweepGateRisks(w.deps);
    await sweepGateRisks(w.deps);
    const after = await noticesOf(p, w.lead, decider, quality);
    expect([...after.values()].flat().filter((n) => n.kind === 'gate_at_risk').length).toBe(before);
  });

  it('the sweep finds a gate the date made at risk, tells its owner once, and a new spell after it was on course again tells again', async () => {
    // Before the warning period: nothing to tell.
    w.setNow('2026-02-02T09:00:00.000Z');
    const { p, decider, review, g1Version } = await riskyProgram();
    unwrap(await updateGate(w.deps, { programId: p.id, gateKey: 'G1', actor: w.lead, version: g1Version, reviewMilestoneId: review.key }));
    await sweepGateRisks(w.deps);
    const atRiskOf = async (who: Actor) => ((await noticesOf(p, who)).get(who.id) ?? []).filter((n) => n.kind === 'gate_at_risk');
    expect(await atRiskOf(w.lead)).toEqual([]);
    // The date moves into the warning period with items overdue: the sweep (Tollgate itself) tells the gate owner.
    w.setNow('2026-03-10T09:00:00.000Z');
    await sweepGateRisks(w.deps);
    await sweepGateRisks(w.deps);
    const first = await atRiskOf(w.lead);
    expect(first).toHaveLength(1);
    expect(first[0]).toMatchObject({ actorId: null, link: `/programs/${p.code}/gates/G1` });
    expect((await atRiskOf(decider)).length).toBe(1);
    // Back before the window (the spell ends), then inside it again: a new spell, a new notice, but not twice a day.
    w.setNow('2026-02-02T09:00:00.000Z');
    await sweepGateRisks(w.deps);
    w.setNow('2026-03-10T15:00:00.000Z');
    await sweepGateRisks(w.deps);
    expect(await atRiskOf(w.lead)).toHaveLength(1);
    w.setNow('2026-02-02T09:00:00.000Z');
    await sweepGateRisks(w.deps);
    w.setNow('2026-03-11T09:00:00.000Z');
    await sweepGateRisks(w.deps);
    expect(await atRiskOf(w.lead)).toHaveLength(2);
  });
});
