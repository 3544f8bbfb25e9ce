import { describe, expect, it } from 'vitest';
import { asUserId } from './ids.js';
import type { PlainDate } from './plain-date.js';
import type { Result } from './result.js';
import {
  endRisk,
  heatMap,
  isRiskOpen,
  type Risk,
  type RiskDraft,
  raiseRisk,
  riskBand,
  riskFields,
  riskScore,
  riskStatuses,
  updateRisk,
} from './risk.js';
import { type RiskChangeRow, riskEvents, scoreHistory } from './risk-history.js';

const chen = asUserId('u-chen');
const dana = asUserId('u-dana');

function value<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(`expected ok, got ${r.error.code}: ${r.error.message}`);
  return r.value;
}
function refusal<T>(r: Result<T>) {
  if (r.ok) throw new Error('expected a refusal');
  return r.error;
}

const draft = (over: Partial<RiskDraft> = {}): RiskDraft => ({
  id: 'r-1',
  programId: 'p-kettle',
  key: 'R-1',
  title: 'Resin shortage from single source',
  description: 'One resin grade, one supplier.',
  ownerId: chen,
  category: 'supply',
  likelihood: 4,
  impact: 4,
  earlyWarning: 'Lead time quoted above 6 weeks',
  strategy: 'mitigate',
  mitigation: 'Qualify a second source',
  residualLikelihood: null,
  residualImpact: null,
  reviewDate: '2026-03-20' as PlainDate,
  ...over,
});
const risk = (over: Partial<Risk> = {}): Risk => ({ ...value(raiseRisk(draft())).next, ...over });

describe('score and band', () => {
  it('scores likelihood × impact from 1 to 25', () => {
    expect(riskScore(1, 1)).toBe(1);
    expect(riskScore(4, 4)).toBe(16);
    expect(riskScore(3, 5)).toBe(15);
    expect(riskScore(5, 5)).toBe(25);
  });

  it('bands 15 and above high, 8-14 medium, below 8 low (the edges included)', () => {
    expect([1, 7, 8, 14, 15, 25].map(riskBand)).toEqual(['low', 'low', 'medium', 'medium', 'high', 'high']);
    expect(riskBand(riskScore(2, 4))).toBe('medium');
    expect(riskBand(riskScore(3, 5))).toBe('high');
  });
});

describe('raiseRisk', () => {
  it('opens the risk at version 1, trims the title and logs every field set', () => {
    const { next, changes } = value(raiseRisk(draft({ title: '  Resin shortage  ' })));
    expect(next).toMatchObject({ title: 'Resin shortage', status: 'open', version: 1, likelihood: 4, impact: 4 });
    expect(changes.map((c) => c.field)).toEqual(riskFields.filter((f) => next[f] !== null && next[f] !== undefined));
    expect(changes.every((c) => c.oldValue === null)).toBe(true);
    expect(changes.find((c) => c.field === 'status')).toEqual({ field: 'status', oldValue: null, newValue: 'open' });
  });

  it('refuses a risk without an owner (OWNER_REQUIRED) or without a title', () => {
    expect(refusal(raiseRisk(draft({ ownerId: null }))).code).toBe('OWNER_REQUIRED');
    const r = refusal(raiseRisk(draft({ title: '   ' })));
    expect([r.code, r.fields?.[0]?.path]).toEqual(['VALIDATION_FAILED', 'title']);
  });

  it.each([
    ['likelihood', 0],
    ['likelihood', 6],
    ['impact', -1],
    ['impact', 2.5],
    ['likelihood', Number.NaN],
  ] as const)('refuses %s %s: levels are whole numbers from 1 to 5', (field, level) => {
    const r = refusal(raiseRisk(draft({ [field]: level })));
    expect(r.code).toBe('VALIDATION_FAILED');
    expect(r.fields?.map((f) => f.path)).toEqual([field]);
  });

  it('refuses a missing likelihood or impact (no level is not a level)', () => {
    expect(refusal(raiseRisk(draft({ likelihood: null as unknown as number }))).fields?.[0]?.path).toBe('likelihood');
  });

  it('takes residual levels in pairs, each from 1 to 5', () => {
    expect(value(raiseRisk(draft({ residualLikelihood: 2, residualImpact: 3 }))).next).toMatchObject({
      residualLikelihood: 2,
      residualImpact: 3,
    });
    expect(refusal(raiseRisk(draft({ residualLikelihood: 2 }))).fields).toEqual([
      { path: 'residualImpact', message: 'Give both or neither.' },
    ]);
    expect(refusal(raiseRisk(draft({ residualLikelihood: 6, residualImpact: 2 }))).fields?.map((f) => f.path)).toEqual([
      'residualLikelihood',
    ]);
    expect(refusal(raiseRisk(draft({ residualLikelihood: 1, residualImpact: 0 }))).code).toBe('VALIDATION_FAILED');
  });
});

describe('updateRisk', () => {
  it('re-scores an open risk with a reason, bumping the version and logging old → new', () => {
    const { next, changes } = value(updateRisk(risk(), { likelihood: 2 }, 'Second source confirmed'));
    expect(next).toMatchObject({ likelihood: 2, impact: 4, version: 2 });
    expect(changes).toEqual([{ field: 'likelihood', oldValue: '4', newValue: '2' }]);
  });

  it('moves a risk to mitigating and back, and ignores fields given as undefined', () => {
    const mitigating = value(updateRisk(risk(), { status: 'mitigating', impact: undefined }, 'Working on it')).next;
    expect(mitigating).toMatchObject({ status: 'mitigating', impact: 4 });
    expect(value(updateRisk(mitigating, { status: 'open' }, 'Stalled')).next.status).toBe('open');
  });

  it('clears the residual pair together, and refuses clearing half of it', () => {
    const withResidual = risk({ residualLikelihood: 2, residualImpact: 2 });
    expect(value(updateRisk(withResidual, { residualLikelihood: null, residualImpact: null }, 'Reset')).next.residualImpact).toBeNull();
    expect(refusal(updateRisk(withResidual, { residualLikelihood: null }, 'Half')).code).toBe('VALIDATION_FAILED');
  });

  it('refuses without a reason (REASON_REQUIRED), blank or missing', () => {
    for (const reason of [undefined, '', '   ']) expect(refusal(updateRisk(risk(), { impact: 2 }, reason)).code).toBe('REASON_REQUIRED');
  });

  it('refuses taking the owner away (OWNER_REQUIRED), but hands over to another', () => {
    expect(refusal(updateRisk(risk(), { ownerId: null }, 'Nobody')).code).toBe('OWNER_REQUIRED');
    expect(value(updateRisk(risk(), { ownerId: dana }, 'Dana takes it')).next.ownerId).toBe(dana);
  });

  it('refuses levels outside 1-5 and a change that changes nothing', () => {
    expect(refusal(updateRisk(risk(), { impact: 6 }, 'Worse')).code).toBe('VALIDATION_FAILED');
    expect(refusal(updateRisk(risk(), { likelihood: 0 }, 'Gone')).code).toBe('VALIDATION_FAILED');
    expect(refusal(updateRisk(risk(), { likelihood: 4, impact: 4 }, 'Same')).code).toBe('NOTHING_TO_CHANGE');
  });

  it.each(['closed', 'realized'] as const)('refuses to change a %s risk (RISK_CLOSED), reason or not', (status) => {
    expect(refusal(updateRisk(risk({ status }), { impact: 2 }, 'Late')).code).toBe('RISK_CLOSED');
    expect(refusal(updateRisk(risk({ status }), { impact: 2 }, undefined)).code).toBe('RISK_CLOSED');
  });
});

describe('endRisk', () => {
  it.each(['closed', 'realized'] as const)('ends an open or mitigating risk as %s, with a reason', (outcome) => {
    for (const from of ['open', 'mitigating'] as const) {
      const { next, changes } = value(endRisk(risk({ status: from }), outcome, 'It is over'));
      expect(next).toMatchObject({ status: outcome, version: 2 });
      expect(changes).toEqual([{ field: 'status', oldValue: from, newValue: outcome }]);
    }
  });

  it.each([
    ['closed', 'closed'],
    ['closed', 'realized'],
    ['realized', 'closed'],
    ['realized', 'realized'],
  ] as const)('refuses to end a %s risk again as %s (RISK_CLOSED)', (status, outcome) => {
    expect(refusal(endRisk(risk({ status }), outcome, 'Again')).code).toBe('RISK_CLOSED');
  });

  it.each(['closed', 'realized'] as const)('refuses to end a risk as %s without a reason', (outcome) => {
    expect(refusal(endRisk(risk(), outcome, ' ')).code).toBe('REASON_REQUIRED');
    expect(refusal(endRisk(risk(), outcome, undefined)).code).toBe('REASON_REQUIRED');
  });

  it('counts open and mitigating risks as live, closed and realized ones not', () => {
    expect(riskStatuses.filter((status) => isRiskOpen({ status }))).toEqual(['open', 'mitigating']);
  });
});

describe('heatMap', () => {
  const risks = [
    risk({ key: 'R-1', likelihood: 4, impact: 4, residualLikelihood: 2, residualImpact: 3 }),
    risk({ key: 'R-2', likelihood: 4, impact: 4 }),
    risk({ key: 'R-3', likelihood: 1, impact: 5, status: 'mitigating', residualLikelihood: 1, residualImpact: 2 }),
    risk({ key: 'R-4', likelihood: 5, impact: 5, status: 'closed' }),
    risk({ key: 'R-5', likelihood: 5, impact: 5, status: 'realized' }),
  ];
  const cell = (map: ReturnType<typeof heatMap>, l: number, i: number) => map.find((c) => c.likelihood === l && c.impact === i)?.keys;

  it('has 25 cells, likelihood then impact from 1 to 5', () => {
    const map = heatMap([], 'current');
    expect(map).toHaveLength(25);
    expect(map.map((c) => `${c.likelihood}${c.impact}`)).toEqual([1, 2, 3, 4, 5].flatMap((l) => [1, 2, 3, 4, 5].map((i) => `${l}${i}`)));
    expect(map.every((c) => c.keys.length === 0)).toBe(true);
  });

  it('places live risks by current score; closed and realized ones nowhere', () => {
    const map = heatMap(risks, 'current');
    expect(cell(map, 4, 4)).toEqual(['R-1', 'R-2']);
    expect(cell(map, 1, 5)).toEqual(['R-3']);
    expect(cell(map, 5, 5)).toEqual([]);
    expect(map.flatMap((c) => c.keys).sort()).toEqual(['R-1', 'R-2', 'R-3']);
  });

  it('places live risks by residual score, falling back to current where none is set', () => {
    const map = heatMap(risks, 'residual');
    expect(cell(map, 2, 3)).toEqual(['R-1']);
    expect(cell(map, 4, 4)).toEqual(['R-2']);
    expect(cell(map, 1, 2)).toEqual(['R-3']);
    expect(map.flatMap((c) => c.keys)).toHaveLength(3);
  });

  it('leaves out a risk whose levels lie outside 1-5 (no cell holds it)', () => {
    const odd = [risk({ key: 'R-9', likelihood: 6, impact: 0 })];
    expect(heatMap(odd, 'current').flatMap((c) => c.keys)).toEqual([]);
    expect(heatMap(odd, 'residual').flatMap((c) => c.keys)).toEqual([]);
  });
});

/** Change-log rows of one write: the fields given old → new. */
let n = 0;
function write(
  at: string,
  riskId: string,
  key: string,
  fields: Record<string, [string | null, string | null]>,
  reason: string | null = null,
): RiskChangeRow[] {
  const correlationId = `c-${++n}`;
  return Object.entries(fields).map(([field, [oldValue, newValue]]) => ({
    at,
    actorId: 'u-dana',
    entityId: riskId,
    entityKey: key,
    correlationId,
    field,
    oldValue,
    newValue,
    reason,
  }));
}
const raised = (at: string, id: string, key: string, title: string, l: number, i: number) =>
  write(at, id, key, { title: [null, title], likelihood: [null, String(l)], impact: [null, String(i)], status: [null, 'open'] });

describe('scoreHistory', () => {
  it('lists every scoring oldest first: raised, re-scored, residual set; not a change of words or status', () => {
    const rows = [
      ...raised('2026-03-02T04:00:00.000Z', 'r-1', 'R-1', 'Resin', 4, 4),
      ...write('2026-03-03T04:00:00.000Z', 'r-1', 'R-1', { mitigation: ['', 'Dual source'] }, 'Plan'),
      ...write('2026-03-04T04:00:00.000Z', 'r-1', 'R-1', { likelihood: ['4', '2'] }, 'Second source'),
      ...write('2026-03-05T04:00:00.000Z', 'r-1', 'R-1', { residualLikelihood: [null, '1'], residualImpact: [null, '3'] }, 'Target'),
      ...write('2026-03-06T04:00:00.000Z', 'r-1', 'R-1', { status: ['open', 'closed'] }, 'Over'),
    ];
    expect(scoreHistory(rows).map((p) => [p.at.slice(0, 10), p.likelihood, p.impact, p.score, p.residualScore, p.reason])).toEqual([
      ['2026-03-02', 4, 4, 16, null, null],
      ['2026-03-04', 2, 4, 8, null, 'Second source'],
      ['2026-03-05', 2, 4, 8, 3, 'Target'],
    ]);
  });

  it('is empty without rows', () => {
    expect(scoreHistory([])).toEqual([]);
  });
});

describe('riskEvents', () => {
  const rows = [
    ...raised('2026-03-02T04:00:00.000Z', 'r-1', 'R-1', 'Resin', 4, 4),
    ...write('2026-03-04T04:00:00.000Z', 'r-1', 'R-1', { impact: ['4', '3'] }, 'Smaller order'),
    ...write('2026-03-05T04:00:00.000Z', 'r-1', 'R-1', { residualLikelihood: [null, '1'], residualImpact: [null, '1'] }, 'Target'),
    ...raised('2026-03-06T04:00:00.000Z', 'r-2', 'R-2', 'Customs hold', 2, 3),
    ...write('2026-03-06T05:00:00.000Z', 'r-1', 'R-1', { title: ['Resin', 'Resin (PP)'], likelihood: ['4', '2'] }, 'Approved'),
    ...write('2026-03-07T04:00:00.000Z', 'r-1', 'R-1', { status: ['open', 'closed'] }, 'Running'),
    ...write('2026-03-08T04:00:00.000Z', 'r-2', 'R-2', { status: ['open', 'mitigating'] }, 'Broker on it'),
    ...write('2026-03-09T04:00:00.000Z', 'r-2', 'R-2', { status: ['mitigating', 'realized'] }, 'Held'),
  ];
  const kinds = (from: string, until: string) => riskEvents(rows, from, until).map((e) => [e.kind, e.key, e.from, e.to, e.reason]);

  it('names each raise, re-scoring (from → to, using the score set before), closing and realizing, oldest first', () => {
    expect(kinds('2026-03-01T00:00:00.000Z', '2026-03-10T00:00:00.000Z')).toEqual([
      ['new', 'R-1', null, 16, null],
      ['rescored', 'R-1', 16, 12, 'Smaller order'],
      ['new', 'R-2', null, 6, null],
      ['rescored', 'R-1', 12, 6, 'Approved'],
      ['closed', 'R-1', null, null, 'Running'],
      ['realized', 'R-2', null, null, 'Held'],
    ]);
  });

  it('keeps only the period: from inclusive, until exclusive, scores known from before it', () => {
    expect(kinds('2026-03-06T04:00:00.000Z', '2026-03-07T04:00:00.000Z')).toEqual([
      ['new', 'R-2', null, 6, null],
      ['rescored', 'R-1', 12, 6, 'Approved'],
    ]);
    expect(kinds('2026-03-05T00:00:00.000Z', '2026-03-06T00:00:00.000Z')).toEqual([]);
  });

  it('gives the title as it was at the time', () => {
    const titles = riskEvents(rows, '2026-03-01T00:00:00.000Z', '2026-03-10T00:00:00.000Z')
      .filter((e) => e.key === 'R-1')
      .map((e) => e.title);
    expect(titles).toEqual(['Resin', 'Resin', 'Resin (PP)', 'Resin (PP)']);
  });
});
