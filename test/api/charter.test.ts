import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/app/deps.js';
import type { Program } from '../../src/domain/program.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { dialects } from '../support/databases.js';
import { type Caller, call, changes, expectProblem, paths, seedProgram, seedUser } from './helpers.js';

interface CharterBody {
  programId: string;
  programCode: string;
  decisionOwnerId: string | null;
  escalationPath: string[];
  successDefinitions: Record<string, string>;
  weeklyReport: { weekday: number | null; time: string | null; recipientIds: string[]; recipientEmails: string[] };
  leadershipReview: { scoreAtLeast: number | null; unresolvedDays: number | null };
  people: { id: string; name: string; email: string }[];
  gates: string[];
  gaps: { path: string; message: string }[];
  version: number;
}

// Wednesday 11 March 2026, noon in Ningbo.
const now = new Date('2026-03-11T04:00:00Z');

const allGaps = [
  'decisionOwnerId',
  'escalationPath',
  'successDefinitions.G1',
  'successDefinitions.G2',
  'successDefinitions.G3',
  'successDefinitions.G4',
  'weeklyReport.weekday',
  'weeklyReport.time',
  'weeklyReport.recipients',
  'leadershipReview.scoreAtLeast',
  'leadershipReview.unresolvedDays',
];

describe.each(dialects)('kickoff charter API on %s', (dialect) => {
  let t: TestApp;
  let program: Program;
  let jonas: Actor;
  let sophie: Actor;
  let alex: Actor;
  let outsider: Actor;
  const url = () => `/api/v1/programs/${program.code}/charter`;
  const get = (who?: Caller) => call(t, { method: 'GET', url: url() }, who);
  const put = (body: Record<string, unknown>, who?: Caller) => call(t, { method: 'PUT', url: url(), payload: body }, who);
  const complete = () => ({
    decisionOwnerId: jonas.id,
    escalationPath: [sophie.id, jonas.id],
    successDefinitions: {
      G1: 'Golden sample signed, tools make good parts.',
      G2: 'Pilot of 200 at ≤ 1.5 % defects.',
      G3: 'Yield ≥ 97 % for four weeks.',
      G4: 'First shipment released on time.',
    },
    weeklyReport: { weekday: 5, time: '16:00', recipientIds: [jonas.id], recipientEmails: ['buyer@client.example'] },
    leadershipReview: { scoreAtLeast: 15, unresolvedDays: 10 },
  });

  beforeAll(async () => {
    t = await createTestApp(dialect);
    t.setNow(now);
    program = await seedProgram(t, 'KHG-KW500');
    const other = await seedProgram(t, 'NW-TENT2P');
    jonas = await seedUser(t, 'Jonas Keller', 'jonas.keller@example.test', { programId: program.id, role: 'decision_owner' });
    sophie = await seedUser(t, 'Sophie Brandt', 'sophie.brandt@example.test', { programId: program.id, role: 'quality_owner' });
    alex = await seedUser(t, 'Alex Moreno', 'alex.moreno@example.test', { programId: program.id, role: 'observer' });
    outsider = await seedUser(t, 'Olga Nilsson', 'olga.nilsson@example.test', { programId: other.id, role: 'cadence_owner' });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('answers the empty charter, version 0, with every gap, before one is written', async () => {
    const res = await get(alex);
    expect(res.statusCode, res.body).toBe(200);
    const c = res.json<CharterBody>();
    expect(c).toMatchObject({
      programId: program.id,
      programCode: 'KHG-KW500',
      decisionOwnerId: null,
      escalationPath: [],
      successDefinitions: {},
      weeklyReport: { weekday: null, time: null, recipientIds: [], recipientEmails: [] },
      leadershipReview: { scoreAtLeast: null, unresolvedDays: null },
      people: [],
      gates: ['G1', 'G2', 'G3', 'G4'],
      version: 0,
    });
    expect(c.gaps.map((g) => g.path)).toEqual(allGaps);
  });

  it('refuses wrong values by field, whether or not the charter is complete, and saves nothing', async () => {
    const res = await put({
      version: 0,
      ...complete(),
      decisionOwnerId: outsider.id,
      successDefinitions: { G9: 'No such gate.' },
      weeklyReport: { weekday: 8, time: '24:00', recipientIds: [], recipientEmails: [] },
      leadershipReview: { scoreAtLeast: 26, unresolvedDays: null },
    });
    const p = expectProblem(res, 422, 'VALIDATION_FAILED');
    expect(paths(p)).toEqual([
      'decisionOwnerId',
      'successDefinitions.G9',
      'weeklyReport.weekday',
      'weeklyReport.time',
      'leadershipReview.scoreAtLeast',
    ]);
    const bad = expectProblem(
      await put({ version: 0, ...complete(), weeklyReport: { ...complete().weeklyReport, recipientEmails: ['not an address'] } }),
      422,
      'VALIDATION_FAILED',
    );
    expect(paths(bad)).toEqual(['weeklyReport.recipientEmails.0']);
    expect((await get()).json<CharterBody>().version).toBe(0);
  });

  it('refuses the charter to those without charter.edit (403) and those who cannot see the program (404)', async () => {
    for (const who of [jonas, sophie, alex, t.admin]) expectProblem(await put({ version: 0, ...complete() }, who), 403, 'FORBIDDEN');
    expectProblem(await put({ version: 0, ...complete() }, outsider), 404, 'PROGRAM_NOT_FOUND');
    expectProblem(await get(outsider), 404, 'PROGRAM_NOT_FOUND');
    expect((await get()).json<CharterBody>().version).toBe(0);
  });

  it('saves a half-written charter, then a complete one: no gaps left, each change logged with who, when and why', async () => {
    const half = await put({ version: 0, ...complete(), escalationPath: [], successDefinitions: { G1: 'Golden sample signed.' } });
    expect(half.statusCode, half.body).toBe(200);
    const h = half.json<CharterBody>();
    expect(h.version).toBe(1);
    expect(h.gaps.map((g) => g.path)).toEqual([
      'escalationPath',
      'successDefinitions.G2',
      'successDefinitions.G3',
      'successDefinitions.G4',
    ]);

    const res = await put({ version: 1, ...complete(), reason: 'Agreed at kickoff' });
    expect(res.statusCode, res.body).toBe(200);
    const c = res.json<CharterBody>();
    expect(c).toMatchObject({ ...complete(), version: 2, gaps: [] });
    expect(c.people.map((p) => p.name)).toEqual(['Jonas Keller', 'Sophie Brandt']);
    expect((await get(alex)).json<CharterBody>()).toEqual(c);

    const logged = (await changes(t, program.code, '?limit=100')).filter((ch) => ch.entity === 'charter');
    const second = logged.filter((ch) => ch.reason === 'Agreed at kickoff');
    expect(second.map((ch) => ch.field).sort()).toEqual(['escalationPath', 'successDefinitions']);
    expect(second.every((ch) => ch.actor.id === t.actor.id && ch.at === now.toISOString() && ch.entityId === program.id)).toBe(true);
    expect(second.find((ch) => ch.field === 'escalationPath')).toMatchObject({
      oldValue: null,
      newValue: JSON.stringify([sophie.id, jonas.id]),
    });
    const first = logged.filter((ch) => ch.reason === null);
    expect(first.map((ch) => ch.field)).toEqual(expect.arrayContaining(['programId', 'decisionOwnerId', 'reportTime']));
    expect(first.find((ch) => ch.field === 'reportTime')).toMatchObject({ oldValue: null, newValue: '16:00' });
  });

  it('refuses a stale version with 409 and the charter as it is now', async () => {
    const p = expectProblem(
      await put({ version: 1, ...complete(), leadershipReview: { scoreAtLeast: 20, unresolvedDays: 5 } }),
      409,
      'VERSION_CONFLICT',
    );
    expect(p.current).toMatchObject({ version: 2, leadershipReview: { scoreAtLeast: 15, unresolvedDays: 10 }, gaps: [] });
    const fresh = expectProblem(await put({ version: 0, ...complete() }), 409, 'VERSION_CONFLICT');
    expect(fresh.current).toMatchObject({ version: 2 });
  });
});
