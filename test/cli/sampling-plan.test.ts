import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SamplingPlanJson } from '../../src/contract/sampling.js';
import { createTestDatabase, type TestDatabase } from '../support/databases.js';
import { cliNow, jsonOf, problemOf, type Serving, serveInProcess, tollgate, tollgateWith } from './run-cli.js';

// `tollgate sampling-plan`: the ISO 2859-1 plan as a table with its steps, or the API's JSON; on the database
// and over a server's API alike (both backends come from the operation table). The tables are domain data.
describe('tollgate sampling-plan', () => {
  let db: TestDatabase;
  let server: Serving;
  let token: string;
  const quality = (...args: string[]) => tollgate(db, '--as', 'quality@demo.test', ...args);

  beforeAll(async () => {
    db = await createTestDatabase('sqlite', { now: cliNow, from: 'demo' });
    server = await serveInProcess(db);
    token = jsonOf<{ token: string }>(await quality('token', 'create', '--name', 'CLI sampling', '--json')).token;
  });
  afterAll(async () => {
    if (server) expect(await server.stop()).toBe(0);
    await db?.drop();
  });

  it('prints the plan as a table and how it was found, step by step', async () => {
    const r = await tollgateWith(
      db,
      { env: { COLUMNS: '200' } },
      '--as',
      'quality@demo.test',
      'sampling-plan',
      '--lot',
      '2000',
      '--level',
      'II',
      '--aql',
      '2.5',
    );
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/│ 2,000\s+│ II\s+│ 2.5\s+│ K\s+│ K\s+│ 125\s+│ 7\s+│ 8\s+│/);
    expect(r.stdout).toContain('1. Lot of 2,000 at inspection level II → code letter K (Table I, lots of 1,201 to 3,200)');
    expect(r.stdout).toContain('2. K at AQL 2.5 → n = 125, Ac 7, Re 8 (Table II-A)');
    expect(r.stdout).not.toContain('100 %');
  });

  it('says when the arrow leads to inspecting the whole lot, and gives the verdict on the defects found', async () => {
    const r = await quality('sampling-plan', '--lot', '10', '--aql', '0.65', '--defects', '1');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('100 % inspection: inspect every unit of the lot (10).');
    expect(r.stdout).toContain(
      "↓ at B, AQL 0.65: use the first plan below the arrow: F (n = 20, Ac 0, Re 1), its sample size instead of B's 3",
    );
    expect(r.stdout).toContain('1 defect found, at least Re 1 → reject the lot');
  });

  it('prints the same JSON as the API, on the database and over a server', async () => {
    const args = ['sampling-plan', '--lot', '500', '--level', 'ii', '--aql', '1.0', '--defects', '1', '--json'];
    const local = jsonOf<SamplingPlanJson>(await quality(...args));
    expect(local).toMatchObject({ codeLetter: 'H', planLetter: 'H', sampleSize: 50, acceptNumber: 1, rejectNumber: 2, verdict: 'accept' });
    const remote = jsonOf<SamplingPlanJson>(await tollgateWith(db, { env: { TOLLGATE_TOKEN: token } }, '--server', server.url, ...args));
    expect(remote).toEqual(local);
  });

  it('refuses values out of the table naming the option, and a mistyped value with exit 2', async () => {
    const lot = await quality('sampling-plan', '--lot', '1', '--aql', '2.5', '--json');
    expect(lot.code).toBe(1);
    expect(problemOf(lot)).toMatchObject({ code: 'SAMPLING_LOT_SIZE_OUT_OF_RANGE', errors: [{ path: '--lot' }] });
    const aql = await quality('sampling-plan', '--lot', '2000', '--aql', '3');
    expect(aql.code).toBe(1);
    expect(aql.stderr).toContain('SAMPLING_AQL_NOT_IN_TABLE');
    expect(aql.stderr).toContain('0.010, 0.015');
    const defects = await quality('sampling-plan', '--lot', '2000', '--aql', '2.5', '--defects', '-2', '--json');
    expect(problemOf(defects)).toMatchObject({ code: 'SAMPLING_DEFECTS_OUT_OF_RANGE', errors: [{ path: '--defects' }] });
    const level = await quality('sampling-plan', '--lot', '2000', '--level', 'IV', '--aql', '2.5', '--json');
    expect(level.code).toBe(2);
    expect(problemOf(level)).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ path: '--level' }] });
    const notNumber = await quality('sampling-plan', '--lot', 'lots', '--aql', '2.5');
    expect(notNumber.code).toBe(2);
    expect(notNumber.stderr).toContain('--lot');
  });
});
