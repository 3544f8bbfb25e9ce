import { isGateSettled } from '../../../src/domain/gates/gate-status.js';
import { policy } from '../../../src/domain/policy.js';
import type { Role } from '../../../src/domain/roles.js';
import type { Gate, GateItem } from './gates-api.js';

/** Who the signed-in person is to a gate: their roles on the program and the people the gate rules name. */
export interface GateFacts {
  readonly meId: string;
  readonly myRoles: readonly Role[];
  /** The program's decision owner: the charter's, else the one who holds the role. */
  readonly decisionOwnerId: string | null;
  readonly qualityOwnerIds: readonly string[];
}

/** A step offered (`yes`), shown but refused with the reason's key, or not shown at all. */
export type StepRight = 'yes' | 'hidden' | 'ownSubmission' | 'notDecider';

export const itemSteps = ['attach', 'submit', 'accept', 'reject', 'waive', 'reopen'] as const;
export type ItemStep = (typeof itemSteps)[number];
export type ItemRights = Record<ItemStep, StepRight>;

export const gateSteps = ['recommend', 'decide'] as const;
export type GateStep = (typeof gateSteps)[number];
export type GateRights = Record<GateStep, StepRight>;

const holds = (facts: GateFacts, permission: 'gate.work' | 'gate.decide') => facts.myRoles.some((r) => policy[permission][r] !== 'no');

const isReviewer = (gate: Pick<Gate, 'ownerId'>, facts: GateFacts) =>
  facts.meId === gate.ownerId || facts.qualityOwnerIds.includes(facts.meId);

/** The decision owner reviews only when nobody else who reviews is left besides the one who submitted. */
function mayReview(gate: Pick<Gate, 'ownerId'>, item: GateItem, facts: GateFacts): boolean {
  if (isReviewer(gate, facts)) return true;
  const others = [gate.ownerId, ...facts.qualityOwnerIds].filter((u) => u !== null && u !== item.submittedById);
  return others.length === 0 && facts.meId === facts.decisionOwnerId;
}

const when = (isOffered: boolean, right: StepRight = 'yes'): StepRight => (isOffered ? right : 'hidden');

/**
 * What the person may do to one checklist item, as the gate rules (domain/gates/checklist-item.ts)
 * will decide it: the item's owner submits its evidence; they, the gate owner or a quality owner attach
 * and remove evidence while it is open or rejected; the gate owner or a quality owner accepts or rejects
 * it, never their own submission; they or the decision owner waive it; they reopen
 * it. Nothing moves once the gate passed or stopped.
 */
export function itemRights(gate: Pick<Gate, 'ownerId' | 'status'>, item: GateItem, facts: GateFacts): ItemRights {
  const works = holds(facts, 'gate.work') && !isGateSettled(gate.status);
  const isOwner = item.ownerId !== null && item.ownerId === facts.meId;
  const reviews = works && item.state === 'submitted' && mayReview(gate, item, facts);
  const review = when(reviews, item.submittedById === facts.meId ? 'ownSubmission' : 'yes');
  return {
    attach: when(works && (isOwner || isReviewer(gate, facts)) && (item.state === 'open' || item.state === 'rejected')),
    submit: when(works && isOwner && (item.state === 'open' || item.state === 'rejected')),
    accept: review,
    reject: review,
    waive: when(
      works && item.state !== 'accepted' && item.state !== 'waived' && (isReviewer(gate, facts) || facts.meId === facts.decisionOwnerId),
    ),
    reopen: when(works && (item.state === 'accepted' || item.state === 'waived') && isReviewer(gate, facts)),
  };
}

/**
 * What the person may do at the gate's review: its named gatekeepers recommend; the decider the
 * template names (the decision owner, or the gate owner) records the outcome. Another who takes part
 * in deciding sees the step, saying who decides.
 */
export function gateRights(gate: Pick<Gate, 'ownerId' | 'status' | 'decidedBy' | 'gatekeeperIds'>, facts: GateFacts): GateRights {
  const open = holds(facts, 'gate.decide') && !isGateSettled(gate.status);
  const deciderId = gate.decidedBy === 'gate_owner' ? gate.ownerId : facts.decisionOwnerId;
  return {
    recommend: when(open && gate.gatekeeperIds.includes(facts.meId)),
    decide: when(open, deciderId !== null && deciderId === facts.meId ? 'yes' : 'notDecider'),
  };
}

/** Who decides the gate, by id (null: nobody holds the role yet). */
export const deciderOf = (gate: Pick<Gate, 'ownerId' | 'decidedBy'>, facts: Pick<GateFacts, 'decisionOwnerId'>): string | null =>
  gate.decidedBy === 'gate_owner' ? gate.ownerId : facts.decisionOwnerId;
