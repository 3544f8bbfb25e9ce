import { describe, expect, it } from 'vitest';
import {
  acceptEvidence,
  type ChecklistItem,
  type EvidenceState,
  evidenceStates,
  type ItemContext,
  mayChangeEvidence,
  rejectEvidence,
  reopenItem,
  submitEvidence,
  waiveItem,
} from '../../../src/domain/gates/checklist-item.js';
import { decideGate } from '../../../src/domain/gates/decide-gate.js';
import type { Gate as StoredGate } from '../../../src/domain/gates/gate.js';
import type { GateStatus } from '../../../src/domain/gates/gate-status.js';
import { recordRecommendation } from '../../../src/domain/gates/record-recommendation.js';
import { asUserId, type UserId } from '../../../src/domain/ids.js';
import { plainDate } from '../../../src/domain/plain-date.js';
import { policy } from '../../../src/domain/policy.js';
import { type Role, roles } from '../../../src/domain/roles.js';
import { type GateFacts, gateRights, itemRights } from './gate-rights.js';
import type { Gate, GateItem } from './gates-api.js';

const me = asUserId('u-me');
const other = asUserId('u-other');
const gateOwnerId = asUserId('u-gate-owner');
const qualityId = asUserId('u-quality');
const deciderId = asUserId('u-decider');
const at = '2026-03-11T04:00:00.000Z';

/** Who I am to the gate, besides my role on the program. */
interface Seat {
  readonly role: Role;
  readonly isItemOwner: boolean;
  readonly isGateOwner: boolean;
  readonly isDecisionOwner: boolean;
  readonly isGatekeeper: boolean;
}

const seats: Seat[] = roles.flatMap((role) =>
  [false, true].flatMap((isItemOwner) =>
    [false, true].flatMap((isGateOwner) =>
      [false, true].map((isDecisionOwner) => ({ role, isItemOwner, isGateOwner, isDecisionOwner, isGatekeeper: isGateOwner })),
    ),
  ),
);

function world(seat: Seat, status: GateStatus, state: EvidenceState, submittedBy: UserId | null) {
  const gateOwner = seat.isGateOwner ? me : gateOwnerId;
  const qualityOwnerIds = seat.role === 'quality_owner' ? [me, qualityId] : [qualityId];
  const decisionOwnerId = seat.isDecisionOwner ? me : deciderId;
  const item: ChecklistItem = {
    id: 'i-1',
    gateId: 'g-1',
    key: 'G1-CAPACITY',
    position: 0,
    title: 'Capacity confirmed',
    description: '',
    isRequired: true,
    ownerId: seat.isItemOwner ? me : other,
    dueDate: plainDate('2026-05-08'),
    state,
    submittedById: submittedBy,
    submittedAt: submittedBy ? at : null,
    submissionNote: null,
    reviewedById: null,
    reviewedAt: null,
    reviewComment: null,
    waiverDecisionId: null,
    version: 3,
  };
  const ctx: ItemContext = { gate: { key: 'G1', status, ownerId: gateOwner, programId: 'p-1' }, qualityOwnerIds, decisionOwnerId };
  const facts: GateFacts = { meId: me, myRoles: [seat.role], decisionOwnerId, qualityOwnerIds };
  const shown: GateItem = { ...item, waiverDecisionKey: null, evidence: [], ppap: null };
  return { item, ctx, facts, shown, gate: { ownerId: gateOwner, status } };
}

/** What the server accepts of each step, for this person: the policy first, then the gate rules. */
function server(seat: Seat, w: ReturnType<typeof world>) {
  const works = policy['gate.work'][seat.role] !== 'no';
  const decision = { id: 'd-1', programId: 'p-1', status: 'decided' as const };
  return {
    attach: works && mayChangeEvidence(w.item, w.ctx, me, 'add', 0).ok,
    submit: works && submitEvidence(w.item, w.ctx, me, 'note', at).ok,
    accept: works && acceptEvidence(w.item, w.ctx, me, '', at).ok,
    reject: works && rejectEvidence(w.item, w.ctx, me, 'Not signed.', at).ok,
    waive: works && waiveItem(w.item, w.ctx, me, decision, at).ok,
    reopen: works && reopenItem(w.item, w.ctx, me, 'Wrong revision.').ok,
  };
}

describe('the steps the gate page offers on a checklist item', () => {
  it('offers exactly the steps the server takes, for every role, seat, state and gate status', () => {
    let checked = 0;
    for (const seat of seats)
      for (const status of ['in_progress', 'passed'] as const)
        for (const state of evidenceStates)
          for (const submittedBy of state === 'open' ? [null] : [me, other]) {
            const w = world(seat, status, state, submittedBy);
            const page = itemRights(w.gate, w.shown, w.facts);
            const accepts = server(seat, w);
            for (const step of ['attach', 'submit', 'accept', 'reject', 'waive', 'reopen'] as const) {
              const where = `${step} as ${JSON.stringify(seat)} on ${state} (by ${submittedBy}) of a ${status} gate`;
              expect(page[step] === 'yes', where).toBe(accepts[step]);
              checked++;
            }
          }
    expect(checked).toBeGreaterThan(1000);
  });

  it('shows review disabled, saying why, to a reviewer who submitted the evidence themselves', () => {
    const seat: Seat = { role: 'quality_owner', isItemOwner: true, isGateOwner: false, isDecisionOwner: false, isGatekeeper: false };
    const w = world(seat, 'in_progress', 'submitted', me);
    expect(itemRights(w.gate, w.shown, w.facts)).toMatchObject({ accept: 'ownSubmission', reject: 'ownSubmission' });
  });
});

describe('the steps the gate page offers at the review', () => {
  const stored = (seat: Seat, decidedBy: StoredGate['decidedBy'], status: GateStatus): StoredGate => ({
    id: 'g-1',
    programId: 'p-1',
    key: 'G1',
    name: 'Pre-production readiness',
    closeCriteria: '',
    ownerId: seat.isGateOwner ? me : gateOwnerId,
    decidedBy,
    gatekeeperIds: seat.isGatekeeper ? [me, qualityId] : [qualityId],
    reviewMilestoneId: null,
    warningDays: 10,
    status,
    recommendations: [],
    decision: null,
    version: 4,
  });

  it('offers recommending to the named gatekeepers and deciding to the decider the template names; others see who decides', () => {
    for (const seat of seats)
      for (const decidedBy of ['decision_owner', 'gate_owner'] as const)
        for (const status of ['in_progress', 'ready_for_review', 'held', 'passed'] as const) {
          const gate = stored(seat, decidedBy, status);
          const decisionOwnerId = seat.isDecisionOwner ? me : deciderId;
          const facts: GateFacts = { meId: me, myRoles: [seat.role], decisionOwnerId, qualityOwnerIds: [qualityId] };
          const page = gateRights(gate as unknown as Gate, facts);
          const decides = policy['gate.decide'][seat.role] !== 'no';
          const recommends = decides && recordRecommendation(gate, me, 'go', '', at).ok;
          const decided = decideGate(gate, [], {
            outcome: 'hold',
            by: me,
            at,
            today: plainDate('2026-03-11'),
            decisionId: 'd-9',
            people: { decisionOwnerId, qualityOwnerIds: [qualityId] },
            programGates: [],
            openConditions: [],
          });
          const where = `${JSON.stringify(seat)} ${decidedBy} ${status}`;
          expect(page.recommend === 'yes', `recommend: ${where}`).toBe(recommends);
          expect(page.decide === 'yes', `decide: ${where}`).toBe(decides && decided.ok);
          // Someone who takes part in deciding but is not the decider sees the step, with the reason.
          if (decides && !decided.ok && status !== 'passed') expect(page.decide, where).toBe('notDecider');
        }
  });
});
