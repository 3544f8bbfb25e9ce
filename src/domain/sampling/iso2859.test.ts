import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  aqlValues,
  type CodeLetter,
  defectsFoundMax,
  type InspectionLevel,
  inspectionLevels,
  judgeSample,
  lotSizeMax,
  lotSizeMin,
  type SamplingPlan,
  samplingPlan,
  samplingVerdict,
} from './iso2859.js';
import { codeLetters, sampleSizes } from './iso2859-tables.js';

const planOf = (lotSize: number, level: InspectionLevel, aql: number): SamplingPlan => {
  const r = samplingPlan({ lotSize, level, aql });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};

// Table I as published (ISO 2859-1 Table 1 = ANSI/ASQ Z1.4 Table I = MIL-STD-105E Table I): one letter per
// lot-size range, ranges 2–8, 9–15, 16–25, 26–50, 51–90, 91–150, 151–280, 281–500, 501–1,200, 1,201–3,200,
// 3,201–10,000, 10,001–35,000, 35,001–150,000, 150,001–500,000, 500,001 and over.
const publishedTableI: Record<InspectionLevel, string> = {
  'S-1': 'AAAABBBBCCCCDDD',
  'S-2': 'AAABBBCCCDDDEEE',
  'S-3': 'AABBCCDDEEFFGGH',
  'S-4': 'AABCCDEEFGGHJJK',
  I: 'AABCCDEFGHJKLMN',
  II: 'ABCDEFGHJKLMNPQ',
  III: 'BCDEFGHJKLMNPQR',
};
const rangeEnds: readonly (readonly [number, number])[] = [
  [2, 8],
  [9, 15],
  [16, 25],
  [26, 50],
  [51, 90],
  [91, 150],
  [151, 280],
  [281, 500],
  [501, 1200],
  [1201, 3200],
  [3201, 10000],
  [10001, 35000],
  [35001, 150000],
  [150001, 500000],
  [500001, lotSizeMax],
];

describe('Table I: lot size and inspection level → code letter', () => {
  for (const level of inspectionLevels) {
    it(`gives the published letter at both ends of every range at level ${level}`, () => {
      const got = rangeEnds.flatMap(([from, to]) => [planOf(from, level, 1).codeLetter, planOf(to, level, 1).codeLetter]);
      const want = [...publishedTableI[level]].flatMap((l) => [l, l]);
      expect(got.join('')).toBe(want.join(''));
    });
  }

  it('says which range it used, in the first step', () => {
    expect(planOf(2000, 'II', 2.5).steps[0]).toMatchObject({
      rule: 'code-letter',
      text: 'Lot of 2,000 at inspection level II → code letter K (Table I, lots of 1,201 to 3,200)',
      values: { codeLetter: 'K', lotFrom: 1201, lotTo: 3200 },
    });
    expect(planOf(600_000, 'S-3', 2.5).steps[0]?.text).toBe(
      'Lot of 600,000 at inspection level S-3 → code letter H (Table I, lots of 500,001 and over)',
    );
  });
});

/** [code letter, AQL, n, Ac] of plans printed in Table II-A (Re = Ac + 1), at least one in every AQL column. */
const printedPlans: readonly (readonly [CodeLetter, number, number, number])[] = [
  ['A', 6.5, 2, 0],
  ['A', 25, 2, 1],
  ['A', 650, 2, 21],
  ['A', 1000, 2, 30],
  ['B', 4, 3, 0],
  ['B', 15, 3, 1],
  ['B', 1000, 3, 44],
  ['C', 2.5, 5, 0],
  ['C', 10, 5, 1],
  ['C', 650, 5, 44],
  ['D', 1.5, 8, 0],
  ['D', 6.5, 8, 1],
  ['D', 400, 8, 44],
  ['E', 1, 13, 0],
  ['E', 100, 13, 21],
  ['E', 150, 13, 30],
  ['E', 250, 13, 44],
  ['F', 0.65, 20, 0],
  ['F', 10, 20, 5],
  ['F', 65, 20, 21],
  ['G', 0.4, 32, 0],
  ['G', 4, 32, 3],
  ['G', 40, 32, 21],
  ['H', 0.25, 50, 0],
  ['H', 1, 50, 1],
  ['H', 25, 50, 21],
  ['J', 0.15, 80, 0],
  ['J', 0.65, 80, 1],
  ['J', 2.5, 80, 5],
  ['J', 4, 80, 7],
  ['J', 15, 80, 21],
  ['K', 0.1, 125, 0],
  ['K', 2.5, 125, 7],
  ['K', 4, 125, 10],
  ['K', 10, 125, 21],
  ['L', 0.065, 200, 0],
  ['L', 1, 200, 5],
  ['L', 2.5, 200, 10],
  ['L', 6.5, 200, 21],
  ['M', 0.04, 315, 0],
  ['M', 1, 315, 7],
  ['M', 4, 315, 21],
  ['N', 0.025, 500, 0],
  ['N', 0.4, 500, 5],
  ['N', 2.5, 500, 21],
  ['P', 0.015, 800, 0],
  ['P', 0.065, 800, 1],
  ['P', 1.5, 800, 21],
  ['Q', 0.01, 1250, 0],
  ['Q', 0.04, 1250, 1],
  ['Q', 1, 1250, 21],
  ['R', 0.025, 2000, 1],
  ['R', 0.1, 2000, 5],
  ['R', 0.65, 2000, 21],
];

/** A lot at level II whose code letter is the one given, large enough that no plan is 100 % (A and B excepted). */
const lotAtLevelII = (letter: CodeLetter): number => {
  const at = [...publishedTableI.II].indexOf(letter);
  return at >= 0 ? (rangeEnds[at]?.[1] ?? 0) : lotSizeMax; // R: level III's last range
};
const levelFor = (letter: CodeLetter): InspectionLevel => (letter === 'R' ? 'III' : 'II');

describe('Table II-A: code letter and AQL → n, Ac, Re', () => {
  it('covers every AQL column with a printed plan', () => {
    expect(new Set(printedPlans.map(([, aql]) => aql)).size).toBe(aqlValues.length);
    expect(new Set(printedPlans.map(([letter]) => letter)).size).toBe(codeLetters.length);
  });

  it.each(printedPlans)('%s at AQL %s: n = %i, Ac %i', (letter, aql, n, ac) => {
    const p = planOf(lotAtLevelII(letter), levelFor(letter), aql);
    expect(p).toMatchObject({ codeLetter: letter, planLetter: letter, sampleSize: n, acceptNumber: ac, rejectNumber: ac + 1 });
    expect(p.steps.map((s) => s.rule)).toEqual(['code-letter', 'plan']);
  });

  it('gives the well-known plans', () => {
    expect(planOf(2000, 'II', 2.5)).toMatchObject({
      codeLetter: 'K',
      sampleSize: 125,
      acceptNumber: 7,
      rejectNumber: 8,
      hundredPercent: false,
    });
    expect(planOf(2000, 'II', 2.5).steps[1]?.text).toBe('K at AQL 2.5 → n = 125, Ac 7, Re 8 (Table II-A)');
    expect(planOf(500, 'II', 1)).toMatchObject({ codeLetter: 'H', sampleSize: 50, acceptNumber: 1, rejectNumber: 2 });
    expect(planOf(1000, 'II', 0.65)).toMatchObject({ codeLetter: 'J', sampleSize: 80, acceptNumber: 1, rejectNumber: 2 });
    expect(planOf(5000, 'II', 4)).toMatchObject({ codeLetter: 'L', sampleSize: 200, acceptNumber: 14, rejectNumber: 15 });
    expect(planOf(800, 'II', 1.5)).toMatchObject({ codeLetter: 'J', sampleSize: 80, acceptNumber: 3, rejectNumber: 4 });
  });
});

describe('the arrows of Table II-A: the new letter’s sample size with the Ac and Re found there', () => {
  /** [lot, level, AQL, code letter, plan letter, n, Ac, rule] */
  const arrows: readonly (readonly [number, InspectionLevel, number, CodeLetter, CodeLetter, number, number, string])[] = [
    // ↓ from the top row: A at 0.65 falls to F, A at 0.010 all the way to Q.
    [2000, 'S-1', 0.65, 'C', 'F', 20, 0, 'arrow-down'],
    [8, 'II', 0.65, 'A', 'F', 20, 0, 'arrow-down'],
    [8, 'II', 0.01, 'A', 'Q', 1250, 0, 'arrow-down'],
    // A has no row above: after its 0/1 the arrows point down (A at 10 → C, at 15 → B).
    [8, 'II', 10, 'A', 'C', 5, 1, 'arrow-down'],
    [8, 'II', 15, 'A', 'B', 3, 1, 'arrow-down'],
    // The ↑ right after a row's 0/1, and the ↓ after that.
    [15, 'II', 6.5, 'B', 'A', 2, 0, 'arrow-up'],
    [2000, 'II', 0.15, 'K', 'J', 80, 0, 'arrow-up'],
    [2000, 'II', 0.25, 'K', 'L', 200, 1, 'arrow-down'],
    [5000, 'II', 0.04, 'L', 'M', 315, 0, 'arrow-down'],
    [200_000, 'II', 0.025, 'P', 'N', 500, 0, 'arrow-up'],
    [600_000, 'II', 0.025, 'Q', 'R', 2000, 1, 'arrow-down'],
    // ↑ in the upper right: the high AQLs (nonconformities per 100 units) end at 21/22, 30/31 or 44/45.
    [2000, 'II', 15, 'K', 'J', 80, 21, 'arrow-up'],
    [2000, 'II', 1000, 'K', 'B', 3, 44, 'arrow-up'],
    [150, 'II', 100, 'F', 'E', 13, 21, 'arrow-up'],
    [25, 'II', 1000, 'C', 'B', 3, 44, 'arrow-up'],
    // R has no row below: its first two cells point up.
    [600_000, 'III', 0.01, 'R', 'Q', 1250, 0, 'arrow-up'],
    [600_000, 'III', 0.015, 'R', 'P', 800, 0, 'arrow-up'],
  ];

  it.each(arrows)('lot %i, level %s, AQL %s: %s → %s (n = %i, Ac %i) by %s', (lot, level, aql, code, planLetter, n, ac, rule) => {
    const p = planOf(lot, level, aql);
    expect(p).toMatchObject({ codeLetter: code, planLetter, sampleSize: n, acceptNumber: ac, rejectNumber: ac + 1 });
    expect(p.sampleSize).toBe(sampleSizes[planLetter]);
    expect(p.steps[1]?.rule).toBe(rule);
  });

  it('says which way the arrow went and which plan it used', () => {
    expect(planOf(5000, 'II', 0.04).steps[1]).toMatchObject({
      rule: 'arrow-down',
      text: "↓ at L, AQL 0.040: use the first plan below the arrow: M (n = 315, Ac 0, Re 1), its sample size instead of L's 200",
      values: { from: 'L', letter: 'M', sampleSize: 315, acceptNumber: 0, rejectNumber: 1, aql: '0.040' },
    });
    expect(planOf(15, 'II', 6.5).steps[1]?.text).toBe(
      "↑ at B, AQL 6.5: use the first plan above the arrow: A (n = 2, Ac 0, Re 1), its sample size instead of B's 3",
    );
  });
});

describe('100 % inspection: a sample of the lot or more', () => {
  it('inspects every unit when the arrow leads to a sample larger than the lot, and says so', () => {
    const p = planOf(10, 'II', 0.65);
    expect(p).toMatchObject({
      codeLetter: 'B',
      planLetter: 'F',
      sampleSize: 20,
      acceptNumber: 0,
      hundredPercent: true,
      unitsToInspect: 10,
    });
    expect(p.steps.map((s) => s.rule)).toEqual(['code-letter', 'arrow-down', 'hundred-percent']);
    expect(p.steps[2]?.text).toBe(
      'The sample of 20 is not smaller than the lot of 10: inspect every unit (100 %), accepting with Ac 0, rejecting with Re 1',
    );
  });

  it('inspects every unit when the sample equals the lot, or the code letter’s own sample exceeds it', () => {
    expect(planOf(2, 'II', 6.5)).toMatchObject({ sampleSize: 2, hundredPercent: true, unitsToInspect: 2 });
    expect(planOf(2, 'III', 4)).toMatchObject({ codeLetter: 'B', sampleSize: 3, hundredPercent: true, unitsToInspect: 2 });
    expect(planOf(3, 'II', 6.5)).toMatchObject({ sampleSize: 2, hundredPercent: false, unitsToInspect: 2 });
  });

  it('does not when the sample is smaller than the lot', () => {
    const p = planOf(2000, 'II', 0.65);
    expect(p.hundredPercent).toBe(false);
    expect(p.steps.some((s) => s.rule === 'hundred-percent')).toBe(false);
  });
});

describe('refusals name the field', () => {
  it('refuses lot sizes below 2, above 10,000,000 and not whole', () => {
    for (const lotSize of [1, 0, -5, 10_000_001, 2.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      const r = samplingPlan({ lotSize, level: 'II', aql: 1 });
      expect(r.ok, String(lotSize)).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe('SAMPLING_LOT_SIZE_OUT_OF_RANGE');
        expect(r.error.fields?.[0]?.path).toBe('lotSize');
      }
    }
    expect(samplingPlan({ lotSize: lotSizeMin, level: 'II', aql: 1 }).ok).toBe(true);
    expect(samplingPlan({ lotSize: lotSizeMax, level: 'II', aql: 1 }).ok).toBe(true);
  });

  it('refuses an AQL that is not one of the table’s, listing them', () => {
    for (const aql of [0, 2, 3, 0.1001, 1001, -1]) {
      const r = samplingPlan({ lotSize: 100, level: 'II', aql });
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe('SAMPLING_AQL_NOT_IN_TABLE');
        expect(r.error.fields?.[0]?.path).toBe('aql');
        expect(r.error.message).toContain('0.010, 0.015, 0.025');
        expect(r.error.message).toContain('650, 1000');
      }
    }
  });

  it('refuses an unknown inspection level', () => {
    const r = samplingPlan({ lotSize: 100, level: 'IV' as InspectionLevel, aql: 1 });
    expect(r.ok ? null : r.error).toMatchObject({ code: 'SAMPLING_LEVEL_UNKNOWN', fields: [{ path: 'level' }] });
  });

  it('refuses a defect count that is not a whole number from 0 to the limit', () => {
    const plan = planOf(2000, 'II', 2.5);
    for (const d of [-1, 1.5, defectsFoundMax + 1, Number.NaN]) {
      const r = judgeSample(plan, d);
      expect(r.ok ? null : r.error, String(d)).toMatchObject({ code: 'SAMPLING_DEFECTS_OUT_OF_RANGE', fields: [{ path: 'defectsFound' }] });
    }
  });
});

describe('the verdict', () => {
  it('accepts with at most Ac defects and rejects with Re or more', () => {
    const plan = planOf(2000, 'II', 2.5);
    expect(samplingVerdict(plan, 0)).toBe('accept');
    expect(samplingVerdict(plan, 7)).toBe('accept');
    expect(samplingVerdict(plan, 8)).toBe('reject');
    expect(judgeSample(plan, 8)).toEqual({
      ok: true,
      value: {
        verdict: 'reject',
        step: {
          rule: 'verdict',
          text: '8 defects found, at least Re 8 → reject the lot',
          values: { defectsFound: 8, verdict: 'reject', acceptNumber: 7, rejectNumber: 8 },
        },
      },
    });
    const one = judgeSample(plan, 1);
    expect(one.ok && one.value.step.text).toBe('1 defect found, at most Ac 7 → accept the lot');
  });

  it('counts nonconformities beyond the sample for the AQLs per 100 units (A at 1000: n = 2, Re 31)', () => {
    const plan = planOf(8, 'II', 1000);
    expect(plan).toMatchObject({ sampleSize: 2, acceptNumber: 30, rejectNumber: 31 });
    const r = judgeSample(plan, 31);
    expect(r.ok && r.value.verdict).toBe('reject');
    expect(samplingVerdict(plan, 30)).toBe('accept');
  });
});

describe('properties over every lot, level and AQL', () => {
  const lot = fc.integer({ min: lotSizeMin, max: lotSizeMax });
  const level = fc.constantFrom(...inspectionLevels);
  const aql = fc.constantFrom(...aqlValues);

  it('gives a single sampling plan: 0 ≤ Ac < Re = Ac + 1, n the plan letter’s, 100 % exactly when n ≥ lot', () => {
    fc.assert(
      fc.property(lot, level, aql, (lotSize, lv, a) => {
        const p = planOf(lotSize, lv, a);
        expect(p.acceptNumber).toBeGreaterThanOrEqual(0);
        expect(p.acceptNumber).toBeLessThan(p.rejectNumber);
        expect(p.rejectNumber).toBe(p.acceptNumber + 1);
        expect(p.sampleSize).toBe(sampleSizes[p.planLetter]);
        expect(p.hundredPercent).toBe(p.sampleSize >= lotSize);
        expect(p.unitsToInspect).toBe(Math.min(p.sampleSize, lotSize));
        expect(p.steps[0]?.rule).toBe('code-letter');
        expect(p.steps.some((s) => s.rule === 'hundred-percent')).toBe(p.hundredPercent);
        expect(p.planLetter === p.codeLetter).toBe(p.steps[1]?.rule === 'plan');
      }),
      { numRuns: 2000 },
    );
  });

  it('never takes a smaller sample, nor an earlier code letter, for a larger lot at the same level and AQL', () => {
    fc.assert(
      fc.property(lot, lot, level, aql, (x, y, lv, a) => {
        const [small, large] = x <= y ? [x, y] : [y, x];
        const p = planOf(small, lv, a);
        const q = planOf(large, lv, a);
        expect(codeLetters.indexOf(p.codeLetter)).toBeLessThanOrEqual(codeLetters.indexOf(q.codeLetter));
        expect(p.sampleSize).toBeLessThanOrEqual(q.sampleSize);
      }),
      { numRuns: 2000 },
    );
  });

  it('accepts up to Ac and rejects from Re on', () => {
    fc.assert(
      fc.property(lot, level, aql, fc.integer({ min: 0, max: 100 }), (lotSize, lv, a, d) => {
        const p = planOf(lotSize, lv, a);
        const verdict = samplingVerdict(p, d);
        expect(verdict).toBe(d <= p.acceptNumber ? 'accept' : 'reject');
        if (d >= p.rejectNumber) expect(verdict).toBe('reject');
        const judged = judgeSample(p, d);
        expect(judged.ok && judged.value.verdict).toBe(verdict);
      }),
    );
  });
});
