import { describe, expect, it } from 'vitest';
import { asUserId } from '../ids.js';
import type { ChecklistItem, EvidenceState } from './checklist-item.js';
import { deriveGateStatus, followEvidence, type Gate, gateOrder } from './gate.js';
import { type GateStatus, isGatePassed, isGateSettled } from './gate-status.js';

const item = (key: string, state: EvidenceState, isRequired = true): ChecklistItem => ({
  id: `i-${key}`,
  gateId: 'g-1',
  key,
  position: 0,
  title: key,
  description: '',
  isRequired,
  ownerId: asUserId('u-supplier'),
  dueDate: null,
  state,
  submittedById: null,
  submittedAt: null,
  submissionNote: null,
  reviewedById: null,
  reviewedAt: null,
  reviewComment: null,
  waiverDecisionId: null,
  version: 1,
});

const gate: Gate = {
  id: 'g-1',
  programId: 'p-1',
  key: 'G1',
  name: 'Pre-production readiness',
  closeCriteria: 'Ready for the pilot run.',
  ownerId: asUserId('u-gate-owner'),
  decidedBy: 'decision_owner',
  gatekeeperIds: [],
  reviewMilestoneId: 'm-1',
  warningDays: 10,
  status: 'not_started',
  recommendations: [],
  decision: null,
  version: 1,
};

describe('deriveGateStatus', () => {
  const none = [item('A', 'open'), item('B', 'open'), item('O', 'open', false)];
  const some = [item('A', 'submitted'), item('B', 'open')];
  const ready = [item('A', 'accepted'), item('B', 'waived'), item('O', 'rejected', false)];

  it('not_started while every item is open', () => {
    expect(deriveGateStatus('not_started', none)).toBe('not_started');
  });

  it('in_progress once any evidence moved (an optional item counts), and back to not_started when all are reopened', () => {
    expect(deriveGateStatus('not_started', some)).toBe('in_progress');
    expect(deriveGateStatus('not_started', [item('A', 'open'), item('O', 'submitted', false)])).toBe('in_progress');
    expect(deriveGateStatus('in_progress', none)).toBe('not_started');
  });

  it('ready_for_review when every required item is accepted or waived, whatever the optional ones', () => {
    expect(deriveGateStatus('in_progress', ready)).toBe('ready_for_review');
    expect(deriveGateStatus('not_started', ready)).toBe('ready_for_review');
  });

  it('back to in_progress from ready_for_review when a required item is reopened or rejected', () => {
    expect(deriveGateStatus('ready_for_review', [item('A', 'accepted'), item('B', 'open')])).toBe('in_progress');
    expect(deriveGateStatus('ready_for_review', [item('A', 'accepted'), item('B', 'rejected')])).toBe('in_progress');
  });

  it('recycled stays recycled until the evidence is ready again', () => {
    expect(deriveGateStatus('recycled', some)).toBe('recycled');
    expect(deriveGateStatus('recycled', none)).toBe('recycled');
    expect(deriveGateStatus('recycled', ready)).toBe('ready_for_review');
  });

  it.each(['held', 'passed', 'passed_with_conditions', 'stopped'] as const)('%s stands whatever the evidence', (status) => {
    for (const items of [none, some, ready]) expect(deriveGateStatus(status, items)).toBe(status);
  });
});

describe('followEvidence', () => {
  it('moves the gate to the derived status, logging the change', () => {
    const { next, changes } = followEvidence(gate, [item('A', 'submitted')]);
    expect(next).toMatchObject({ status: 'in_progress', version: 2 });
    expect(changes).toEqual([{ field: 'status', oldValue: 'not_started', newValue: 'in_progress' }]);
  });

  it('leaves the gate as it is when the status does not move', () => {
    const { next, changes } = followEvidence(gate, [item('A', 'open')]);
    expect(next).toBe(gate);
    expect(changes).toEqual([]);
  });
});

describe('gate status helpers', () => {
  it('a go or conditional go passes; a stop settles the gate too', () => {
    const all: GateStatus[] = [
      'not_started',
      'in_progress',
      'ready_for_review',
      'passed',
      'passed_with_conditions',
      'held',
      'recycled',
      'stopped',
    ];
    expect(all.filter(isGatePassed)).toEqual(['passed', 'passed_with_conditions']);
    expect(all.filter(isGateSettled)).toEqual(['passed', 'passed_with_conditions', 'stopped']);
  });

  it('orders gates by their number, G10 after G9', () => {
    expect(['G10', 'G2', 'G9', 'G1'].sort((a, b) => gateOrder(a) - gateOrder(b))).toEqual(['G1', 'G2', 'G9', 'G10']);
    expect(gateOrder('X1')).toBeNaN();
  });
});
