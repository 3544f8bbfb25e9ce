import { describe, expect, it } from 'vitest';
import { asUserId } from '../ids.js';
import type { PlainDate } from '../plain-date.js';
import type { Result } from '../result.js';
import type { ChecklistItem, EvidenceState } from './checklist-item.js';
import { decideGate, type GateDecisionInput } from './decide-gate.js';
import type { Evidence } from './evidence.js';
import type { Gate, GateOutcome } from './gate.js';
import type { GateStatus } from './gate-status.js';

const d = (s: string) => s as PlainDate;
const decisionOwner = asUserId('u-decision-owner');
const gateOwner = asUserId('u-gate-owner');
const quality = asUserId('u-quality');
const supplier = asUserId('u-supplier');
const at = '2026-03-27T08:00:00.000Z';

function value<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(`expected ok, got ${r.error.code}: ${r.error.message}`);
  return r.value;
}
function refusal<T>(r: Result<T>) {
  if (r.ok) throw new Error('expected a refusal');
  return r.error;
}

const item = (key: string, state: EvidenceState, isRequired = true): ChecklistItem => ({
  id: `i-${key}`,
  gateId: 'g-2',
  key,
  position: 0,
  title: `Item ${key}`,
  description: '',
  isRequired,
  ownerId: supplier,
  dueDate: d('2026-03-20'),
  state,
  submittedById: state === 'open' ? null : supplier,
  submittedAt: state === 'open' ? null : '2026-03-18T02:00:00.000Z',
  submissionNote: null,
  reviewedById: state === 'accepted' || state === 'rejected' ? quality : null,
  reviewedAt: state === 'accepted' || state === 'rejected' ? '2026-03-19T02:00:00.000Z' : null,
  reviewComment: null,
  waiverDecisionId: state === 'waived' ? 'd-3' : null,
  version: 3,
});

const gate: Gate = {
  id: 'g-2',
  programId: 'p-1',
  key: 'G2',
  name: 'Pilot run checks',
  closeCriteria: 'Pilot parts meet the drawing.',
  ownerId: gateOwner,
  decidedBy: 'decision_owner',
  gatekeeperIds: [quality],
  reviewMilestoneId: 'm-g2',
  warningDays: 10,
  status: 'ready_for_review',
  recommendations: [{ gatekeeperId: quality, recommendation: 'go', comment: '', at: '2026-03-26T08:00:00.000Z' }],
  decision: null,
  version: 4,
};
const ready = [item('FAI', 'accepted'), item('DROP', 'waived'), item('SPARE', 'open', false)];
const notReady = [item('FAI', 'submitted'), item('DROP', 'rejected'), item('CPK', 'open'), item('OK', 'accepted')];

const input = (outcome: GateOutcome, over: Partial<GateDecisionInput> = {}): GateDecisionInput => ({
  outcome,
  by: decisionOwner,
  at,
  today: d('2026-03-27'),
  decisionId: 'd-9',
  people: { decisionOwnerId: decisionOwner, qualityOwnerIds: [quality] },
  programGates: [
    { key: 'G1', status: 'passed' },
    { key: 'G2', status: 'ready_for_review' },
    { key: 'G3', status: 'not_started' },
  ],
  openConditions: [],
  ...over,
});

describe('decideGate: go', () => {
  it('passes a gate whose required items are all accepted or waived, recording who, when and the recommendations', () => {
    const { gate: edit, items, conditions } = value(decideGate(gate, ready, input('go')));
    expect(edit.next).toMatchObject({ status: 'passed', recommendations: [], version: 5 });
    expect(edit.next.decision).toMatchObject({
      outcome: 'go',
      decisionId: 'd-9',
      decidedById: decisionOwner,
      decidedAt: at,
      recommendations: gate.recommendations,
      conditions: [],
      reasons: [],
    });
    expect(edit.changes.map((c) => c.field)).toEqual(['status', 'recommendations', 'decision']);
    expect(items).toEqual([]);
    expect(conditions).toEqual([]);
  });

  it('returns a frozen snapshot of every item’s evidence as it stood', () => {
    const evidence = value(decideGate(gate, ready, input('go'))).gate.next.decision?.evidence;
    expect(evidence?.map((e) => [e.key, e.state, e.reviewedById, e.waiverDecisionId])).toEqual([
      ['FAI', 'accepted', quality, null],
      ['DROP', 'waived', null, 'd-3'],
      ['SPARE', 'open', null, null],
    ]);
    expect(Object.isFrozen(evidence)).toBe(true);
    expect(Object.isFrozen(evidence?.[0])).toBe(true);
  });

  it('freezes each item’s attached evidence with it: files by their hash, removed pieces left out', () => {
    const piece = (id: string, itemId: string, over: Partial<Evidence> = {}): Evidence => ({
      id,
      programId: 'p-1',
      itemId,
      kind: 'file',
      title: `FAI report ${id}`,
      url: null,
      note: null,
      fileId: `f-${id}`,
      fileName: `${id}.pdf`,
      contentType: 'application/pdf',
      sizeBytes: 1200,
      sha256: 'ab'.repeat(32),
      eventId: null,
      addedById: supplier,
      addedAt: '2026-03-18T01:00:00.000Z',
      removedAt: null,
      version: 1,
      ...over,
    });
    const evidence = [piece('e-1', 'i-FAI'), piece('e-2', 'i-FAI', { removedAt: '2026-03-18T01:30:00.000Z' }), piece('e-3', 'i-DROP')];
    const snap = value(decideGate(gate, ready, input('go', { evidence }))).gate.next.decision?.evidence;
    expect(snap?.map((e) => [e.key, e.pieces.map((p) => [p.id, p.sha256, p.fileName])])).toEqual([
      ['FAI', [['e-1', 'ab'.repeat(32), 'e-1.pdf']]],
      ['DROP', [['e-3', 'ab'.repeat(32), 'e-3.pdf']]],
      ['SPARE', []],
    ]);
    expect(Object.isFrozen(snap?.[0]?.pieces)).toBe(true);
    expect(value(decideGate(gate, ready, input('hold', { evidence }))).gate.next.decision?.evidence).toBeNull();
  });

  it.each(['not_started', 'in_progress', 'held', 'recycled'] as const)('passes from %s too once the evidence is complete', (status) => {
    expect(value(decideGate({ ...gate, status }, ready, input('go'))).gate.next.status).toBe('passed');
  });

  it('refuses a pass with required items neither accepted nor waived with GATE_NOT_READY, listing every one', () => {
    for (const outcome of ['go', 'conditional_go'] as const) {
      const r = refusal(
        decideGate(gate, notReady, input(outcome, { conditions: [{ text: 'x', ownerId: supplier, dueDate: d('2026-04-10') }] })),
      );
      expect(r.code).toBe('GATE_NOT_READY');
      expect(r.message).toBe('G2 cannot pass: 3 required item(s) neither accepted nor waived.');
      expect(r.fields).toEqual([
        { path: 'items.FAI', message: 'Item FAI: submitted.' },
        { path: 'items.DROP', message: 'Item DROP: rejected.' },
        { path: 'items.CPK', message: 'Item CPK: open.' },
      ]);
    }
  });

  const laterCondition = { gateKey: 'G3', actionKey: 'A-9', title: 'Not relevant to G2' };
  it('refuses a pass while a condition of an earlier gate is open with GATE_CONDITION_OPEN; later gates’ conditions do not block', () => {
    const openConditions = [{ gateKey: 'G1', actionKey: 'A-4', title: 'Re-run drop test with new inserts' }, laterCondition];
    const r = refusal(decideGate(gate, ready, input('go', { openConditions })));
    expect(r).toMatchObject({
      code: 'GATE_CONDITION_OPEN',
      fields: [{ path: 'conditions.A-4', message: 'G1: Re-run drop test with new inserts' }],
    });
    expect(value(decideGate(gate, ready, input('go', { openConditions: [laterCondition] }))).gate.next.status).toBe('passed');
  });

  it('refuses a pass before the gates ahead have passed with GATE_STATE', () => {
    const r = refusal(decideGate(gate, ready, input('go', { programGates: [{ key: 'G1', status: 'held' }] })));
    expect(r).toMatchObject({ code: 'GATE_STATE', fields: [{ path: 'gates.G1', message: 'G1 is held.' }] });
    expect(
      value(decideGate(gate, ready, input('go', { programGates: [{ key: 'G1', status: 'passed_with_conditions' }] }))).gate.next.status,
    ).toBe('passed');
  });

  it('refuses conditions on a plain go', () => {
    const r = refusal(decideGate(gate, ready, input('go', { conditions: [{ text: 'x', ownerId: supplier, dueDate: d('2026-04-10') }] })));
    expect(r).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ path: 'conditions' }] });
  });
});

describe('decideGate: conditional go', () => {
  const condition = { text: ' Close the 3 cosmetic NCRs from the pilot ', ownerId: supplier, dueDate: d('2026-04-10') };

  it('passes with conditions, each to become an action with its owner and due date', () => {
    const r = value(decideGate(gate, ready, input('conditional_go', { conditions: [condition] })));
    expect(r.gate.next.status).toBe('passed_with_conditions');
    expect(r.conditions).toEqual([{ text: 'Close the 3 cosmetic NCRs from the pilot', ownerId: supplier, dueDate: '2026-04-10' }]);
    expect(r.gate.next.decision?.conditions).toEqual(r.conditions);
    expect(r.gate.next.decision?.evidence).toHaveLength(3);
  });

  it('refuses a conditional go without conditions', () => {
    for (const conditions of [undefined, []]) {
      expect(refusal(decideGate(gate, ready, input('conditional_go', { conditions }))).fields).toEqual([
        { path: 'conditions', message: 'Required.' },
      ]);
    }
  });

  it('refuses a condition without text, owner or due date, or due before the decision, naming each', () => {
    const bad = (over: object) =>
      refusal(decideGate(gate, ready, input('conditional_go', { conditions: [condition, { ...condition, ...over }] })));
    expect(bad({ text: ' ' })).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ path: 'conditions[1].text' }] });
    expect(bad({ ownerId: null })).toMatchObject({ code: 'OWNER_REQUIRED', fields: [{ path: 'conditions[1].ownerId' }] });
    expect(bad({ dueDate: null })).toMatchObject({ code: 'DUE_DATE_REQUIRED', fields: [{ path: 'conditions[1].dueDate' }] });
    expect(bad({ dueDate: d('2026-03-26') })).toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: [{ path: 'conditions[1].dueDate', message: 'Today (2026-03-27) or later.' }],
    });
    expect(bad({ text: 'x'.repeat(5001) }).fields?.[0]?.message).toBe('At most 5000 characters.');
  });
});

describe('decideGate: hold, recycle, stop', () => {
  it('holds a gate, whatever its evidence, with no snapshot', () => {
    const { gate: edit } = value(decideGate({ ...gate, status: 'in_progress' }, notReady, input('hold')));
    expect(edit.next).toMatchObject({ status: 'held', decision: { outcome: 'hold', evidence: null } });
  });

  it('recycles with reasons, reopening the items they name', () => {
    const reasons = [
      { text: 'FAI sampled the wrong cavity', itemKey: 'FAI' },
      { text: 'Re-check the drop test', itemKey: 'DROP' },
      { text: 'General' },
    ];
    const r = value(decideGate(gate, ready, input('recycle', { reasons })));
    expect(r.gate.next).toMatchObject({ status: 'recycled', decision: { outcome: 'recycle', reasons } });
    expect(r.items.map((e) => [e.next.key, e.next.state, e.next.waiverDecisionId])).toEqual([
      ['FAI', 'open', null],
      ['DROP', 'open', null],
    ]);
    expect(r.items[0]?.changes[0]).toEqual({ field: 'state', oldValue: 'accepted', newValue: 'open' });
  });

  it('refuses a recycle without reasons with REASON_REQUIRED, and reasons that are blank or name another gate’s item', () => {
    expect(refusal(decideGate(gate, ready, input('recycle'))).code).toBe('REASON_REQUIRED');
    const r = refusal(decideGate(gate, ready, input('recycle', { reasons: [{ text: ' ' }, { text: 'x', itemKey: 'G1-GOLDEN-SAMPLE' }] })));
    expect(r.fields?.map((f) => f.path)).toEqual(['reasons[0].text', 'reasons[1].itemKey']);
  });

  it('stops the program at the gate', () => {
    expect(value(decideGate(gate, notReady, input('stop', { reasons: [{ text: 'Client cancelled the product' }] }))).gate.next.status).toBe(
      'stopped',
    );
  });

  it('refuses conditions on anything but a conditional go', () => {
    for (const outcome of ['hold', 'recycle', 'stop'] as const) {
      const conditions = [{ text: 'x', ownerId: supplier, dueDate: d('2026-04-10') }];
      expect(refusal(decideGate(gate, ready, input(outcome, { conditions, reasons: [{ text: 'r' }] }))).code).toBe('VALIDATION_FAILED');
    }
  });
});

describe('decideGate: who and when', () => {
  it.each(['passed', 'passed_with_conditions', 'stopped'] as const)(
    'refuses any outcome for a %s gate with GATE_STATE',
    (status: GateStatus) => {
      for (const outcome of ['go', 'hold', 'stop'] as const)
        expect(refusal(decideGate({ ...gate, status }, ready, input(outcome))).code).toBe('GATE_STATE');
    },
  );

  it('only the program’s decision owner decides a gate the template gives to the decision owner', () => {
    const r = refusal(decideGate(gate, ready, input('go', { by: gateOwner })));
    expect(r).toMatchObject({ code: 'GATE_ROLE_REQUIRED', message: 'Only the program’s decision owner decides G2.' });
    expect(refusal(decideGate(gate, ready, input('go', { people: { decisionOwnerId: null, qualityOwnerIds: [] } }))).code).toBe(
      'GATE_ROLE_REQUIRED',
    );
  });

  it('only the gate owner decides a gate the template gives to the gate owner', () => {
    const owned = { ...gate, decidedBy: 'gate_owner' as const };
    expect(value(decideGate(owned, ready, input('go', { by: gateOwner }))).gate.next.decision?.decidedById).toBe(gateOwner);
    expect(refusal(decideGate(owned, ready, input('go'))).message).toBe('Only the gate owner decides G2.');
  });

  it('refuses an outcome not recorded in the decision log', () => {
    expect(refusal(decideGate(gate, ready, input('go', { decisionId: ' ' }))).fields).toEqual([
      { path: 'decisionId', message: 'Required.' },
    ]);
  });
});
