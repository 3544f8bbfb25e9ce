import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.js';
import { call, expectProblem, paths } from './helpers.js';

/*
 * GET /api/v1/sampling-plan: the ISO 2859-1 plan calculator, for anyone signed in (no program needed). It reads
 * and writes no data (the tables are domain data), so one dialect is enough; the authorization matrix calls it
 * on both. The tables themselves are tested in src/domain/sampling/.
 */

interface Plan {
  lotSize: number;
  level: string;
  aql: number;
  codeLetter: string;
  planLetter: string;
  sampleSize: number;
  acceptNumber: number;
  rejectNumber: number;
  hundredPercent: boolean;
  unitsToInspect: number;
  steps: { rule: string; text: string; values: Record<string, string | number> }[];
  defectsFound?: number;
  verdict?: string;
}

describe('the sampling plan calculator over HTTP', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('sqlite');
  });
  afterAll(async () => {
    await t?.close();
  });

  const get = async (query: string) => call(t, { method: 'GET', url: `/api/v1/sampling-plan?${query}` });
  const planAt = async (query: string): Promise<Plan> => {
    const res = await get(query);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<Plan>();
  };

  it('answers the plan used and how it was found, to someone with no role on any program', async () => {
    const p = await planAt('lotSize=2000&level=II&aql=2.5');
    expect(p).toEqual({
      lotSize: 2000,
      level: 'II',
      aql: 2.5,
      codeLetter: 'K',
      planLetter: 'K',
      sampleSize: 125,
      acceptNumber: 7,
      rejectNumber: 8,
      hundredPercent: false,
      unitsToInspect: 125,
      steps: [
        {
          rule: 'code-letter',
          text: 'Lot of 2,000 at inspection level II → code letter K (Table I, lots of 1,201 to 3,200)',
          values: { lotSize: 2000, level: 'II', codeLetter: 'K', lotFrom: 1201, lotTo: 3200 },
        },
        {
          rule: 'plan',
          text: 'K at AQL 2.5 → n = 125, Ac 7, Re 8 (Table II-A)',
          values: { letter: 'K', aql: '2.5', sampleSize: 125, acceptNumber: 7, rejectNumber: 8 },
        },
      ],
    });
    expect(t.actor.memberships).toEqual([]);
  });

  it('follows an arrow to the new letter’s sample size, and says when that is the whole lot', async () => {
    expect(await planAt('lotSize=500&level=II&aql=1.0')).toMatchObject({
      codeLetter: 'H',
      sampleSize: 50,
      acceptNumber: 1,
      rejectNumber: 2,
    });
    expect(await planAt('lotSize=1000&level=II&aql=0.65')).toMatchObject({ codeLetter: 'J', sampleSize: 80, acceptNumber: 1 });
    const small = await planAt('lotSize=10&level=II&aql=0.65');
    expect(small).toMatchObject({
      codeLetter: 'B',
      planLetter: 'F',
      sampleSize: 20,
      acceptNumber: 0,
      hundredPercent: true,
      unitsToInspect: 10,
    });
    expect(small.steps.map((s) => s.rule)).toEqual(['code-letter', 'arrow-down', 'hundred-percent']);
    expect(await planAt('lotSize=50&level=S-1&aql=0.010')).toMatchObject({ codeLetter: 'A', planLetter: 'Q', sampleSize: 1250 });
  });

  it('adds the verdict when defects found are given: at most Ac accepts, Re or more rejects', async () => {
    const accept = await planAt('lotSize=2000&level=II&aql=2.5&defectsFound=7');
    expect(accept).toMatchObject({ defectsFound: 7, verdict: 'accept' });
    expect(accept.steps.at(-1)).toMatchObject({ rule: 'verdict', text: '7 defects found, at most Ac 7 → accept the lot' });
    expect(await planAt('lotSize=2000&level=II&aql=2.5&defectsFound=8')).toMatchObject({ verdict: 'reject' });
    const without = await planAt('lotSize=2000&level=II&aql=2.5');
    expect('verdict' in without || 'defectsFound' in without).toBe(false);
  });

  it('refuses a lot size, AQL or defect count out of the table with 422 and its stable code, naming the field', async () => {
    for (const [query, code, field] of [
      ['lotSize=1&level=II&aql=2.5', 'SAMPLING_LOT_SIZE_OUT_OF_RANGE', 'lotSize'],
      ['lotSize=10000001&level=II&aql=2.5', 'SAMPLING_LOT_SIZE_OUT_OF_RANGE', 'lotSize'],
      ['lotSize=2000&level=II&aql=3', 'SAMPLING_AQL_NOT_IN_TABLE', 'aql'],
      ['lotSize=2000&level=II&aql=2.5&defectsFound=-1', 'SAMPLING_DEFECTS_OUT_OF_RANGE', 'defectsFound'],
    ] as const) {
      const p = expectProblem(await get(query), 422, code);
      expect(paths(p), query).toEqual([field]);
    }
    const aql = expectProblem(await get('lotSize=2000&level=II&aql=0.3'), 422, 'SAMPLING_AQL_NOT_IN_TABLE');
    expect(aql.detail).toContain('0.010, 0.015, 0.025, 0.040, 0.065, 0.10');
  });

  it('refuses what is not a number, an unknown level, a missing field or an unknown parameter as VALIDATION_FAILED', async () => {
    for (const [query, field] of [
      ['lotSize=many&level=II&aql=2.5', 'lotSize'],
      ['lotSize=20.5&level=II&aql=2.5', 'lotSize'],
      ['lotSize=2000&level=IV&aql=2.5', 'level'],
      ['lotSize=2000&level=II&aql=lots', 'aql'],
      ['level=II&aql=2.5', 'lotSize'],
      ['lotSize=2000&level=II&aql=2.5&defectsFound=1.5', 'defectsFound'],
    ] as const) {
      const p = expectProblem(await get(query), 422, 'VALIDATION_FAILED');
      expect(paths(p), query).toContain(field);
    }
    expectProblem(await get('lotSize=2000&level=II&aql=2.5&program=KHG'), 422, 'VALIDATION_FAILED');
  });

  it('answers 401 without a caller', async () => {
    expectProblem(
      await call(t, { method: 'GET', url: '/api/v1/sampling-plan?lotSize=2000&level=II&aql=2.5' }, 'anonymous'),
      401,
      'UNAUTHENTICATED',
    );
  });
});
