import { describe, expect, it } from 'vitest';
import { asUserId } from '../ids.js';
import type { PlainDate } from '../plain-date.js';
import type { Result } from '../result.js';
import {
  acceptEvidence,
  type ChecklistItem,
  type EvidenceState,
  evidencePerItemMax,
  type ItemContext,
  mayChangeEvidence,
  missingRequiredItems,
  rejectEvidence,
  reopenItem,
  submitEvidence,
  type WaiverDecision,
  waiveItem,
} from './checklist-item.js';
import type { GateStatus } from './gate-status.js';

const supplier = asUserId('u-supplier');
const gateOwner = asUserId('u-gate-owner');
const quality = asUserId('u-quality');
const decisionOwner = asUserId('u-decision-owner');
const stranger = asUserId('u-stranger');
const at = '2026-03-11T04:00:00.000Z';
const later = '2026-03-12T04:00:00.000Z';

function value<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(`expected ok, got ${r.error.code}: ${r.error.message}`);
  return r.value;
}
function refusal<T>(r: Result<T>) {
  if (r.ok) throw new Error('expected a refusal');
  return r.error;
}

const ctx = (status: GateStatus = 'in_progress'): ItemContext => ({
  gate: { key: 'G1', status, ownerId: gateOwner, programId: 'p-1' },
  qualityOwnerIds: [quality],
  decisionOwnerId: decisionOwner,
});

const open: ChecklistItem = {
  id: 'i-1',
  gateId: 'g-1',
  key: 'G1-TOOLING-T1',
  position: 0,
  title: 'Tooling T1 approved',
  description: '',
  isRequired: true,
  ownerId: supplier,
  dueDate: '2026-03-20' as PlainDate,
  state: 'open',
  submittedById: null,
  submittedAt: null,
  submissionNote: null,
  reviewedById: null,
  reviewedAt: null,
  reviewComment: null,
  waiverDecisionId: null,
  version: 1,
};
const submitted = value(submitEvidence(open, ctx(), supplier, ' T1 report attached ', at)).next;
const accepted = value(acceptEvidence(submitted, ctx(), quality, '', later)).next;
const rejected = value(rejectEvidence(submitted, ctx(), gateOwner, 'Cavity 2 dimensions missing', later)).next;
const decided: WaiverDecision = { id: 'd-7', programId: 'p-1', status: 'decided' };
const waived = value(waiveItem(open, ctx(), gateOwner, decided, later)).next;
const inState: Record<EvidenceState, ChecklistItem> = { open, submitted, accepted, rejected, waived };

describe('submitEvidence', () => {
  it('open → submitted by the item’s owner, recording who, when and the note, logged old → new', () => {
    const { next, changes } = value(submitEvidence(open, ctx(), supplier, ' T1 report attached ', at));
    expect(next).toMatchObject({
      state: 'submitted',
      submittedById: supplier,
      submittedAt: at,
      submissionNote: 'T1 report attached',
      version: 2,
    });
    expect(changes.map((c) => [c.field, c.oldValue, c.newValue])).toEqual([
      ['state', 'open', 'submitted'],
      ['submittedById', null, supplier],
      ['submittedAt', null, at],
      ['submissionNote', null, 'T1 report attached'],
    ]);
  });

  it('rejected → submitted again, clearing the earlier review; a blank note is stored as none', () => {
    const { next } = value(submitEvidence(rejected, ctx(), supplier, '  ', later));
    expect(next).toMatchObject({ state: 'submitted', submittedAt: later, submissionNote: null, reviewedById: null, reviewComment: null });
  });

  it.each(['submitted', 'accepted', 'waived'] as const)('refuses to submit a %s item with EVIDENCE_STATE', (state) => {
    const r = refusal(submitEvidence(inState[state], ctx(), supplier, '', later));
    expect(r.code).toBe('EVIDENCE_STATE');
    expect(r.message).toContain(state === 'submitted' ? 'awaits review' : 'reopen it first');
  });

  it('refuses anyone but the item’s owner with GATE_ROLE_REQUIRED, even the gate owner', () => {
    expect(refusal(submitEvidence(open, ctx(), gateOwner, '', at)).code).toBe('GATE_ROLE_REQUIRED');
    expect(refusal(submitEvidence(open, ctx(), stranger, '', at)).code).toBe('GATE_ROLE_REQUIRED');
  });

  it('refuses an item with no owner with OWNER_REQUIRED, naming the field to fill', () => {
    expect(refusal(submitEvidence({ ...open, ownerId: null }, ctx(), supplier, '', at))).toMatchObject({
      code: 'OWNER_REQUIRED',
      fields: [{ path: 'ownerId', message: 'Name who provides the evidence.' }],
    });
  });

  it.each(['passed', 'passed_with_conditions', 'stopped'] as const)('refuses evidence for a %s gate with GATE_STATE', (status) => {
    expect(refusal(submitEvidence(open, ctx(status), supplier, '', at)).code).toBe('GATE_STATE');
  });

  it('refuses a note with control characters or over 5000 characters, naming the field', () => {
    expect(refusal(submitEvidence(open, ctx(), supplier, 'bad\u0007', at)).fields).toEqual([
      { path: 'note', message: 'Text must not contain control characters other than newline and tab.' },
    ]);
    expect(refusal(submitEvidence(open, ctx(), supplier, 'x'.repeat(5001), at)).fields).toEqual([
      { path: 'note', message: 'At most 5000 characters.' },
    ]);
    expect(value(submitEvidence(open, ctx(), supplier, 'line one\nline two', at)).next.submissionNote).toBe('line one\nline two');
  });
});

describe('acceptEvidence and rejectEvidence', () => {
  it('submitted → accepted by a quality owner, with an optional comment', () => {
    expect(accepted).toMatchObject({ state: 'accepted', reviewedById: quality, reviewedAt: later, reviewComment: null, version: 3 });
    const withComment = value(acceptEvidence(submitted, ctx(), gateOwner, ' Checked against drawing rev C ', later)).next;
    expect(withComment).toMatchObject({ state: 'accepted', reviewedById: gateOwner, reviewComment: 'Checked against drawing rev C' });
  });

  it('submitted → rejected by the gate owner, with the comment saying why', () => {
    expect(rejected).toMatchObject({ state: 'rejected', reviewedById: gateOwner, reviewComment: 'Cavity 2 dimensions missing' });
  });

  it('refuses a rejection without a comment with REASON_REQUIRED', () => {
    const r = refusal(rejectEvidence(submitted, ctx(), gateOwner, '  ', later));
    expect(r).toMatchObject({ code: 'REASON_REQUIRED', fields: [{ path: 'comment', message: 'Required.' }] });
  });

  it.each(['open', 'accepted', 'rejected', 'waived'] as const)('refuses to review a %s item with EVIDENCE_STATE', (state) => {
    expect(refusal(acceptEvidence(inState[state], ctx(), quality, '', later)).code).toBe('EVIDENCE_STATE');
    expect(refusal(rejectEvidence(inState[state], ctx(), quality, 'no', later)).code).toBe('EVIDENCE_STATE');
  });

  it('refuses reviewers other than the gate owner or a quality owner, the decision owner included', () => {
    for (const by of [stranger, decisionOwner, supplier]) {
      expect(refusal(acceptEvidence(submitted, ctx(), by, '', later)).code).toBe('GATE_ROLE_REQUIRED');
      expect(refusal(rejectEvidence(submitted, ctx(), by, 'no', later)).code).toBe('GATE_ROLE_REQUIRED');
    }
  });

  it('lets the decision owner review only when the submitter is the one gate owner and quality owner there is', () => {
    const alone: ItemContext = { ...ctx(), gate: { ...ctx().gate, ownerId: quality }, qualityOwnerIds: [quality] };
    const own = value(submitEvidence({ ...open, ownerId: quality }, alone, quality, 'report', at)).next;
    expect(value(acceptEvidence(own, alone, decisionOwner, '', later)).next.reviewedById).toBe(decisionOwner);
    expect(refusal(acceptEvidence(own, alone, quality, '', later)).code).toBe('GATE_ROLE_REQUIRED');
    expect(refusal(acceptEvidence(own, alone, stranger, '', later)).code).toBe('GATE_ROLE_REQUIRED');
  });

  it('refuses a quality owner reviewing evidence they submitted themselves', () => {
    const own = value(submitEvidence({ ...open, ownerId: quality }, ctx(), quality, '', at)).next;
    const r = refusal(acceptEvidence(own, ctx(), quality, '', later));
    expect(r.code).toBe('GATE_ROLE_REQUIRED');
    expect(r.message).toContain('someone else reviews it');
    expect(value(acceptEvidence(own, ctx(), gateOwner, '', later)).next.state).toBe('accepted');
  });

  it('refuses reviews on a settled gate with GATE_STATE, and an over-long comment', () => {
    expect(refusal(acceptEvidence(submitted, ctx('passed'), quality, '', later)).code).toBe('GATE_STATE');
    expect(refusal(rejectEvidence(submitted, ctx('stopped'), quality, 'no', later)).code).toBe('GATE_STATE');
    expect(refusal(rejectEvidence(submitted, ctx(), quality, 'x'.repeat(5001), later)).fields?.[0]?.path).toBe('comment');
  });
});

describe('waiveItem', () => {
  it.each(['open', 'submitted', 'rejected'] as const)('%s → waived by linking a decided decision', (state) => {
    const { next, changes } = value(waiveItem(inState[state], ctx(), gateOwner, decided, later));
    expect(next).toMatchObject({ state: 'waived', waiverDecisionId: 'd-7', reviewedById: gateOwner, reviewedAt: later });
    expect(changes.find((c) => c.field === 'waiverDecisionId')).toEqual({ field: 'waiverDecisionId', oldValue: null, newValue: 'd-7' });
  });

  it('is linked by the gate owner, a quality owner or the decision owner', () => {
    for (const by of [gateOwner, quality, decisionOwner])
      expect(value(waiveItem(open, ctx(), by, decided, later)).next.state).toBe('waived');
    expect(refusal(waiveItem(open, ctx(), supplier, decided, later)).code).toBe('GATE_ROLE_REQUIRED');
  });

  it.each(['open', 'superseded'] as const)('refuses a %s decision with WAIVER_NEEDS_DECISION', (status) => {
    const r = refusal(waiveItem(open, ctx(), gateOwner, { ...decided, status }, later));
    expect(r).toMatchObject({ code: 'WAIVER_NEEDS_DECISION', fields: [{ path: 'decisionId', message: 'Choose a decided decision.' }] });
  });

  it('refuses a decision of another program with WAIVER_NEEDS_DECISION', () => {
    expect(refusal(waiveItem(open, ctx(), gateOwner, { ...decided, programId: 'p-2' }, later)).code).toBe('WAIVER_NEEDS_DECISION');
  });

  it.each(['accepted', 'waived'] as const)('refuses to waive an item already %s with EVIDENCE_STATE', (state) => {
    expect(refusal(waiveItem(inState[state], ctx(), gateOwner, decided, later)).code).toBe('EVIDENCE_STATE');
  });

  it('refuses a waiver on a settled gate with GATE_STATE', () => {
    expect(refusal(waiveItem(open, ctx('passed'), gateOwner, decided, later)).code).toBe('GATE_STATE');
  });
});

describe('reopenItem', () => {
  it.each(['accepted', 'waived'] as const)('%s → open with a reason, evidence and review cleared; it can be submitted again', (state) => {
    const { next, changes } = value(reopenItem(inState[state], ctx(), quality, 'Drawing revision changed'));
    expect(next).toMatchObject({ state: 'open', submittedById: null, reviewedById: null, waiverDecisionId: null });
    expect(changes[0]).toEqual({ field: 'state', oldValue: state, newValue: 'open' });
    expect(value(submitEvidence(next, ctx(), supplier, '', later)).next.state).toBe('submitted');
  });

  it.each(['open', 'submitted', 'rejected'] as const)('refuses to reopen a %s item with EVIDENCE_STATE', (state) => {
    expect(refusal(reopenItem(inState[state], ctx(), quality, 'why')).code).toBe('EVIDENCE_STATE');
  });

  it('refuses without a reason, by someone who does not review, or on a settled gate', () => {
    expect(refusal(reopenItem(accepted, ctx(), quality, ' ')).code).toBe('REASON_REQUIRED');
    expect(refusal(reopenItem(accepted, ctx(), supplier, 'why')).code).toBe('GATE_ROLE_REQUIRED');
    expect(refusal(reopenItem(accepted, ctx('passed_with_conditions'), quality, 'why')).code).toBe('GATE_STATE');
  });
});

describe('missingRequiredItems', () => {
  it('names the required items neither accepted nor waived; optional items never block', () => {
    const items = [
      { ...open, key: 'A' },
      { ...submitted, key: 'B' },
      { ...accepted, key: 'C' },
      { ...rejected, key: 'D' },
      { ...waived, key: 'E' },
      { ...open, key: 'F', isRequired: false },
    ];
    expect(missingRequiredItems(items).map((i) => i.key)).toEqual(['A', 'B', 'D']);
  });
});

describe('who changes an item’s evidence (mayChangeEvidence)', () => {
  const states: EvidenceState[] = ['open', 'submitted', 'accepted', 'rejected', 'waived'];
  const inState = (state: EvidenceState): ChecklistItem => ({ ...open, state });

  it.each([
    ['the item’s owner', supplier],
    ['the gate’s owner', gateOwner],
    ['a quality owner', quality],
  ])('lets %s add and remove evidence on an open or rejected item', (_who, by) => {
    for (const state of ['open', 'rejected'] as const) {
      expect(value(mayChangeEvidence(inState(state), ctx(), by, 'add', 0))).toBe(true);
      expect(value(mayChangeEvidence(inState(state), ctx(), by, 'remove', 3))).toBe(true);
    }
  });

  it.each([
    ['the decision owner', decisionOwner],
    ['someone else', stranger],
  ])('refuses %s (GATE_ROLE_REQUIRED)', (_who, by) => {
    for (const change of ['add', 'remove'] as const)
      expect(refusal(mayChangeEvidence(open, ctx(), by, change, 0)).code).toBe('GATE_ROLE_REQUIRED');
  });

  it('refuses while the evidence is under review, and on accepted or waived items until they are reopened', () => {
    for (const state of states.filter((s) => s === 'submitted' || s === 'accepted' || s === 'waived')) {
      const r = refusal(mayChangeEvidence(inState(state), ctx(), supplier, 'add', 0));
      expect(r.code).toBe('EVIDENCE_STATE');
      expect(r.message).toContain(state === 'submitted' ? 'under review' : 'reopen');
      expect(refusal(mayChangeEvidence(inState(state), ctx(), gateOwner, 'remove', 1)).code).toBe('EVIDENCE_STATE');
    }
  });

  it.each(['passed', 'passed_with_conditions', 'stopped'] as const)('freezes the evidence of a %s gate (GATE_STATE)', (status) => {
    expect(refusal(mayChangeEvidence(open, ctx(status), supplier, 'add', 0)).code).toBe('GATE_STATE');
    expect(refusal(mayChangeEvidence(open, ctx(status), quality, 'remove', 1)).code).toBe('GATE_STATE');
  });

  it(`holds at most ${evidencePerItemMax} pieces: the next one is refused, a removal still allowed`, () => {
    expect(value(mayChangeEvidence(open, ctx(), supplier, 'add', evidencePerItemMax - 1))).toBe(true);
    const r = refusal(mayChangeEvidence(open, ctx(), supplier, 'add', evidencePerItemMax));
    expect(r.code).toBe('EVIDENCE_LIMIT_REACHED');
    expect(r.message).toContain(String(evidencePerItemMax));
    expect(value(mayChangeEvidence(open, ctx(), supplier, 'remove', evidencePerItemMax))).toBe(true);
  });

  it('lets nobody but the gate’s reviewers change evidence of an item without an owner', () => {
    const unowned = { ...open, ownerId: null };
    expect(value(mayChangeEvidence(unowned, ctx(), gateOwner, 'add', 0))).toBe(true);
    expect(refusal(mayChangeEvidence(unowned, ctx(), supplier, 'add', 0)).code).toBe('GATE_ROLE_REQUIRED');
  });
});
