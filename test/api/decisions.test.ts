import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMilestone } from '../../src/app/create-milestone.js';
import { unwrap } from '../../src/app/create-records.js';
import type { Actor } from '../../src/app/deps.js';
import type { PlainDate } from '../../src/domain/plain-date.js';
import type { Program } from '../../src/domain/program.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { dialects } from '../support/databases.js';
import { type Caller, call, changes, expectProblem, paths, seedProgram, seedUser } from './helpers.js';
import { seedDecision } from './seed-records.js';

interface Ref {
  id: string;
  key: string;
}
interface Person {
  id: string;
  name: string;
  email: string;
}
interface DecisionBody {
  id: string;
  programId: string;
  programCode: string;
  key: string;
  statement: string;
  context: string;
  options: string;
  owner: Person | null;
  requestedBy: Person | null;
  dueDate: string | null;
  isOverdue: boolean;
  flags: string[];
  status: 'open' | 'decided' | 'superseded';
  outcome: string | null;
  rationale: string | null;
  expectedImpact: string | null;
  decidedAt: string | null;
  decidedBy: Person | null;
  supersedes: Ref | null;
  supersededBy: Ref | null;
  links: { entity: string; id: string; key: string; title: string }[];
  version: number;
}

// Wednesday 11 March 2026, noon in Ningbo (Asia/Shanghai); still Tuesday 10 March in Chicago.
const now = new Date('2026-03-11T04:00:00Z');
const verdict = {
  outcome: 'Rework cavity 2',
  rationale: 'Single-cavity output cannot meet the launch volume.',
  expectedImpact: '+6 k USD tooling; T2 one week later',
};

describe.each(dialects)('decisions API on %s', (dialect) => {
  let t: TestApp;
  let program: Program;
  let other: Program;
  let jonas: Actor;
  let sophie: Actor;
  let chen: Actor;
  let alex: Actor;
  let m1: { id: string; key: string };
  let otherMilestone: { id: string; key: string };
  const base = () => `/api/v1/programs/${program.code}/decisions`;

  const request = (body: Record<string, unknown>, who?: Caller) => call(t, { method: 'POST', url: base(), payload: body }, who);
  const get = (d: string, who?: Caller) => call(t, { method: 'GET', url: `${base()}/${d}` }, who);
  const patch = (d: string, body: Record<string, unknown>, who?: Caller) =>
    call(t, { method: 'PATCH', url: `${base()}/${d}`, payload: body }, who);
  const decide = (d: string, body: Record<string, unknown>, who?: Caller) =>
    call(t, { method: 'POST', url: `${base()}/${d}/decide`, payload: body }, who);
  const supersede = (d: string, body: Record<string, unknown>, who?: Caller) =>
    call(t, { method: 'POST', url: `${base()}/${d}/supersede`, payload: body }, who);
  const list = async (who?: Caller) => (await call(t, { method: 'GET', url: base() }, who)).json<{ items: DecisionBody[] }>().items;
  const queue = async (query: string, who?: Caller) => {
    const res = await call(t, { method: 'GET', url: `/api/v1/decision-queue${query}` }, who);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{ items: DecisionBody[] }>().items;
  };
  /** Requests a decision owned by Jonas (as Dana, the cadence owner) and returns it, failing unless created. */
  const requested = async (body: Record<string, unknown> = {}) => {
    const res = await request({
      statement: 'Accept T1 cosmetic deviation on inner lid',
      ownerId: jonas.id,
      dueDate: '2026-03-13',
      ...body,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<DecisionBody>();
  };
  const decided = async (body: Record<string, unknown> = {}) => {
    const d = await requested(body);
    const res = await decide(d.key, { version: d.version, ...verdict }, jonas);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<DecisionBody>();
  };

  beforeAll(async () => {
    t = await createTestApp(dialect);
    t.setNow(now);
    program = await seedProgram(t, 'KHG-KW500');
    other = await seedProgram(t, 'NW-TENT2P');
    jonas = await seedUser(t, 'Jonas Keller', 'jonas.keller@example.test', { programId: program.id, role: 'decision_owner' });
    sophie = await seedUser(t, 'Sophie Brandt', 'sophie.brandt@example.test', { programId: program.id, role: 'quality_owner' });
    chen = await seedUser(t, 'Chen Wei', 'chen.wei@example.test', { programId: program.id, role: 'contributor' });
    alex = await seedUser(t, 'Alex Moreno', 'alex.moreno@example.test', { programId: program.id, role: 'observer' });
    const ms = (p: Program, name: string) =>
      createMilestone(t.deps, {
        programId: p.id,
        actor: t.actor,
        ownerId: t.actor.id,
        name,
        phase: 'G1',
        baselineDate: '2026-03-20' as PlainDate,
      });
    m1 = unwrap(await ms(program, 'T1 samples shipped')).milestone;
    otherMilestone = unwrap(await ms(other, 'Tent T1 samples shipped')).milestone;
  });
  afterAll(async () => {
    await t?.close();
  });

  describe('request', () => {
    it('answers 201 with D-1, the owner, who asked, the due date and the linked milestone', async () => {
      const res = await request({
        statement: '  Approve tooling rework on cavity 2 (+6 k USD) ',
        context: 'Sink marks on T1 parts from cavity 2.',
        options: 'Rework cavity 2\nRun on cavity 1 only',
        ownerId: jonas.id,
        dueDate: '2026-03-13',
        links: [{ entity: 'milestone', id: m1.key }],
      });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json()).toEqual({
        id: expect.any(String),
        programId: program.id,
        programCode: 'KHG-KW500',
        key: 'D-1',
        statement: 'Approve tooling rework on cavity 2 (+6 k USD)',
        context: 'Sink marks on T1 parts from cavity 2.',
        options: 'Rework cavity 2\nRun on cavity 1 only',
        owner: { id: jonas.id, name: 'Jonas Keller', email: 'jonas.keller@example.test' },
        requestedBy: { id: t.actor.id, name: 'Dana Whitfield', email: 'dana.whitfield@example.test' },
        dueDate: '2026-03-13',
        isOverdue: false,
        flags: [],
        status: 'open',
        outcome: null,
        rationale: null,
        expectedImpact: null,
        decidedAt: null,
        decidedBy: null,
        supersedes: null,
        supersededBy: null,
        links: [{ entity: 'milestone', id: m1.id, key: m1.key, title: 'T1 samples shipped' }],
        version: 1,
      });
    });

    it('logs the decision and its link, each a write of its own, each field from nothing', async () => {
      const d = await requested({ links: [{ entity: 'milestone', id: m1.id }] });
      const all = await changes(t, program.code);
      const rows = all.filter((c) => c.entityId === d.id);
      expect(rows.map((c) => [c.field, c.oldValue, c.newValue]).sort()).toEqual(
        [
          ['statement', null, 'Accept T1 cosmetic deviation on inner lid'],
          ['context', null, ''],
          ['options', null, ''],
          ['ownerId', null, jonas.id],
          ['dueDate', null, '2026-03-13'],
          ['status', null, 'open'],
        ].sort(),
      );
      const link = all.filter((c) => c.entity === 'link' && c.entityKey === `${d.key} → ${m1.key}`);
      expect(link.map((c) => [c.field, c.newValue]).sort()).toEqual(
        [
          ['fromEntity', 'decision'],
          ['fromId', d.id],
          ['toEntity', 'milestone'],
          ['toId', m1.id],
        ].sort(),
      );
      // One write, one record: the decision's rows share a correlation id, the link's another one.
      expect(new Set(rows.map((c) => c.correlationId)).size).toBe(1);
      expect(new Set(link.map((c) => c.correlationId)).size).toBe(1);
      expect(link[0]?.correlationId).not.toBe(rows[0]?.correlationId);
      expect([...rows, ...link].every((c) => c.at === now.toISOString() && c.actor.id === t.actor.id)).toBe(true);
    });

    it('flags an open decision without a due date, as one imported before every decision had one', async () => {
      const legacy = await seedDecision(t, program, t.actor, { statement: 'Imported, undated', ownerId: jonas.id, dueDate: null });
      expect((await get(legacy.key)).json<DecisionBody>().flags).toEqual(['no_due_date']);
    });

    it('refuses a decision without an owner or a due date with 422 VALIDATION_FAILED naming the field, missing, null or blank', async () => {
      for (const ownerId of [undefined, null, '', '   ']) {
        const p = expectProblem(
          await request({ statement: 'Who decides this?', ownerId, dueDate: '2026-03-27' }),
          422,
          'VALIDATION_FAILED',
        );
        expect(p.errors).toEqual([{ path: 'ownerId', message: 'Name the decision owner: every decision has one.' }]);
      }
      for (const dueDate of [undefined, null]) {
        const p = expectProblem(await request({ statement: 'By when?', ownerId: jonas.id, dueDate }), 422, 'VALIDATION_FAILED');
        expect(p.errors).toEqual([{ path: 'dueDate', message: 'Say by when it must be decided: every decision has a due date.' }]);
      }
    });

    it('refuses an owner who may not decide (a contributor, an observer, an outsider, nobody) with 422 USER_NOT_FOUND', async () => {
      const outsider = await t.addPerson({ email: 'outsider@example.test', name: 'Olga Outsider' });
      for (const ownerId of [chen.id, alex.id, outsider.id, 'no-such-person']) {
        const p = expectProblem(
          await request({ statement: 'Switch resin to second source', ownerId, dueDate: '2026-03-13' }),
          422,
          'USER_NOT_FOUND',
        );
        expect(paths(p)).toEqual(['ownerId']);
        expect(p.detail).toContain(ownerId);
      }
    });

    it('accepts a quality owner and the cadence owner as owners', async () => {
      expect((await requested({ ownerId: sophie.id })).owner?.id).toBe(sophie.id);
      expect((await requested({ ownerId: t.actor.id })).owner?.id).toBe(t.actor.id);
    });

    it('refuses links to a milestone of another program or to nothing: 422 LINK_TARGET_NOT_FOUND, nothing written, no key used', async () => {
      const before = { decisions: await list(), changes: await changes(t, program.code) };
      const lastKey = Math.max(...before.decisions.map((d) => Number(d.key.slice(2))));
      for (const links of [
        [{ entity: 'milestone', id: otherMilestone.id }],
        [
          { entity: 'milestone', id: m1.key },
          { entity: 'milestone', id: 'M-999' },
        ],
        [{ entity: 'risk', id: 'R-1' }],
      ]) {
        const p = expectProblem(
          await request({ statement: 'Linked wrongly', ownerId: jonas.id, dueDate: '2026-03-13', links }),
          422,
          'LINK_TARGET_NOT_FOUND',
        );
        expect(paths(p)).toEqual([`links.${links.length - 1}`]);
      }
      expect(await list()).toEqual(before.decisions);
      expect(await changes(t, program.code)).toEqual(before.changes);
      expect((await requested()).key).toBe(`D-${lastKey + 1}`);
    });

    it('links to another decision of the program and shows the link on both', async () => {
      const first = await requested();
      const second = await requested({
        links: [
          { entity: 'decision', id: first.key },
          { entity: 'decision', id: first.id },
        ],
      });
      expect(second.links).toEqual([{ entity: 'decision', id: first.id, key: first.key, title: first.statement }]);
      expect((await get(first.key)).json<DecisionBody>().links).toEqual([
        { entity: 'decision', id: second.id, key: second.key, title: second.statement },
      ]);
    });

    it('validates the body with 422, naming the fields', async () => {
      const p = expectProblem(
        await request({ statement: ' ', ownerId: jonas.id, dueDate: '2026-02-30', links: [{ entity: 'gate', id: 'G-1' }] }),
        422,
        'VALIDATION_FAILED',
      );
      expect(paths(p)).toEqual(expect.arrayContaining(['statement', 'dueDate']));
    });
  });

  describe('read', () => {
    it('finds a decision by key (any case) or id; an unknown one is 404 DECISION_NOT_FOUND', async () => {
      const d = await requested();
      expect((await get(d.key.toLowerCase())).json()).toEqual(d);
      expect((await get(d.id)).json()).toEqual(d);
      expectProblem(await get('D-999'), 404, 'DECISION_NOT_FOUND');
    });

    it("never shows another program's decision under this program", async () => {
      const res = await call(t, {
        method: 'POST',
        url: `/api/v1/programs/${other.code}/decisions`,
        payload: { statement: 'Tent fabric colour', ownerId: t.actor.id, dueDate: '2026-03-27' },
      });
      expect(res.statusCode, res.body).toBe(201);
      expectProblem(await get(res.json<DecisionBody>().id), 404, 'DECISION_NOT_FOUND');
      expect((await list()).some((d) => d.programCode !== program.code)).toBe(false);
    });

    it('lists the log by key in number order', async () => {
      const keys = (await list()).map((d) => Number(d.key.slice(2)));
      expect(keys).toEqual([...keys].sort((a, b) => a - b));
    });
  });

  describe('edit', () => {
    it('the cadence owner rewords, re-assigns and re-dates an open decision; logged old → new', async () => {
      const d = await requested({ dueDate: '2026-03-20' });
      const res = await patch(d.key, {
        version: 1,
        statement: 'Accept the inner-lid deviation for T1 only',
        ownerId: sophie.id,
        dueDate: '2026-03-25',
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({
        statement: 'Accept the inner-lid deviation for T1 only',
        dueDate: '2026-03-25',
        flags: [],
        version: 2,
      });
      expect(res.json<DecisionBody>().owner?.id).toBe(sophie.id);
      const rows = (await changes(t, program.code)).filter((c) => c.entityId === d.id && c.oldValue !== null);
      expect(rows.map((c) => [c.field, c.oldValue, c.newValue]).sort()).toEqual(
        [
          ['statement', 'Accept T1 cosmetic deviation on inner lid', 'Accept the inner-lid deviation for T1 only'],
          ['ownerId', jonas.id, sophie.id],
          ['dueDate', '2026-03-20', '2026-03-25'],
        ].sort(),
      );
    });

    it('its owner (a decision owner) may edit it, nobody else but the cadence owner', async () => {
      const d = await requested();
      expect((await patch(d.key, { version: 1, context: 'Owner adds context' }, jonas)).statusCode).toBe(200);
      for (const who of [sophie, chen, alex]) expectProblem(await patch(d.key, { version: 2, context: 'Not mine' }, who), 403, 'FORBIDDEN');
      const dana = await requested({ ownerId: t.actor.id });
      expectProblem(await patch(dana.key, { version: 1, context: 'Not mine either' }, jonas), 403, 'FORBIDDEN');
    });

    it('refuses a new owner who may not decide, a stale version (with the current state) and a no-op', async () => {
      const d = await requested();
      expect(paths(expectProblem(await patch(d.key, { version: 1, ownerId: chen.id }), 422, 'USER_NOT_FOUND'))).toEqual(['ownerId']);
      expect(paths(expectProblem(await patch(d.key, { version: 1, dueDate: null }), 422, 'VALIDATION_FAILED'))).toEqual(['dueDate']);
      expect((await patch(d.key, { version: 1, dueDate: '2026-03-18' })).statusCode).toBe(200);
      const stale = expectProblem(await patch(d.key, { version: 1, dueDate: '2026-03-19' }), 409, 'VERSION_CONFLICT');
      expect(stale.current).toMatchObject({ key: d.key, dueDate: '2026-03-18', version: 2 });
      expectProblem(await patch(d.key, { version: 2, dueDate: '2026-03-18' }), 422, 'NOTHING_TO_CHANGE');
    });
  });

  describe('decide, then immutable, then superseded', () => {
    it('walks the whole lifecycle and keeps the chain on both decisions', async () => {
      const d = await requested({ dueDate: '2026-03-13', links: [{ entity: 'milestone', id: m1.key }] });

      // Only its owner decides: not a contributor, not the cadence owner, not an observer.
      for (const who of [chen, t.actor, sophie, alex]) {
        expectProblem(await decide(d.key, { version: 1, ...verdict }, who), 403, 'FORBIDDEN');
      }
      expect(paths(expectProblem(await decide(d.key, { version: 1, outcome: 'Yes' }, jonas), 422, 'VALIDATION_FAILED'))).toEqual(
        expect.arrayContaining(['rationale', 'expectedImpact']),
      );

      const res = await decide(d.key, { version: 1, ...verdict }, jonas);
      expect(res.statusCode, res.body).toBe(200);
      const done = res.json<DecisionBody>();
      expect(done).toMatchObject({
        status: 'decided',
        ...verdict,
        decidedAt: now.toISOString(),
        decidedBy: { id: jonas.id, name: 'Jonas Keller', email: 'jonas.keller@example.test' },
        isOverdue: false,
        flags: [],
        version: 2,
      });

      // Immutable: no second verdict, no edit, not even by the cadence owner.
      expectProblem(await decide(d.key, { version: 2, ...verdict, outcome: 'Changed my mind' }, jonas), 409, 'DECISION_CLOSED');
      expectProblem(await patch(d.key, { version: 2, statement: 'Quietly reworded' }), 409, 'DECISION_CLOSED');
      expectProblem(await patch(d.key, { version: 2, dueDate: '2026-04-01' }, jonas), 409, 'DECISION_CLOSED');
      expect((await get(d.key)).json()).toEqual(done);

      // Changing course: not an open decision, not without a reason, only by the owner.
      const open = await requested();
      expectProblem(await supersede(open.key, { version: 1, reason: 'Too early', ...verdict }, jonas), 409, 'DECISION_NOT_DECIDED');
      expect(
        paths(expectProblem(await supersede(d.key, { version: 2, reason: ' ', ...verdict }, jonas), 422, 'VALIDATION_FAILED')),
      ).toEqual(['reason']);
      expectProblem(await supersede(d.key, { version: 2, reason: 'Mine now', ...verdict }), 403, 'FORBIDDEN');
      expectProblem(await supersede(d.key, { version: 2, reason: 'Mine now', ...verdict }, chen), 403, 'FORBIDDEN');
      const stale = expectProblem(await supersede(d.key, { version: 1, reason: 'Stale', ...verdict }, jonas), 409, 'VERSION_CONFLICT');
      expect(stale.current).toMatchObject({ key: d.key, status: 'decided', version: 2 });

      const reason = 'Toolmaker quoted five weeks for the rework';
      const s = await supersede(
        d.key,
        {
          version: 2,
          reason,
          statement: 'Run on cavity 1 only until the rework is done',
          outcome: 'Run on cavity 1 only',
          rationale: 'Five weeks of rework would miss the launch.',
          expectedImpact: 'Half output until W16; no tooling cost now',
        },
        jonas,
      );
      expect(s.statusCode, s.body).toBe(201);
      const { replaced, replacement } = s.json<{ replaced: DecisionBody; replacement: DecisionBody }>();
      expect(replaced).toEqual({ ...done, status: 'superseded', supersededBy: { id: replacement.id, key: replacement.key }, version: 3 });
      expect(replacement).toMatchObject({
        key: `D-${Number(open.key.slice(2)) + 1}`,
        statement: 'Run on cavity 1 only until the rework is done',
        status: 'decided',
        outcome: 'Run on cavity 1 only',
        owner: { id: jonas.id },
        requestedBy: { id: jonas.id },
        decidedBy: { id: jonas.id },
        supersedes: { id: d.id, key: d.key },
        supersededBy: null,
        links: [{ entity: 'milestone', id: m1.id, key: m1.key, title: 'T1 samples shipped' }],
        version: 1,
      });

      // Both show the chain when read again; the superseded one is closed for good.
      expect((await get(d.key)).json()).toEqual(replaced);
      expect((await get(replacement.key)).json()).toEqual(replacement);
      expectProblem(await supersede(d.key, { version: 3, reason: 'Again', ...verdict }, jonas), 409, 'DECISION_NOT_DECIDED');
      expectProblem(await decide(replacement.key, { version: 1, ...verdict }, jonas), 409, 'DECISION_CLOSED');

      // The change log holds each step: requested, decided (no reason), superseded (the reason on both).
      const log = (await changes(t, program.code, '?limit=5000')).reverse();
      const of = (id: string) => log.filter((c) => c.entityId === id);
      const steps = (id: string) => [...new Map(of(id).map((c) => [c.correlationId, c])).values()];
      expect(steps(d.id).map((c) => [c.actor.id, c.reason])).toEqual([
        [t.actor.id, null],
        [jonas.id, null],
        [jonas.id, reason],
      ]);
      expect(
        of(d.id)
          .filter((c) => c.reason === reason)
          .map((c) => [c.field, c.oldValue, c.newValue]),
      ).toEqual([
        ['status', 'decided', 'superseded'],
        ['supersededById', null, replacement.id],
      ]);
      expect(of(d.id).find((c) => c.field === 'status' && c.newValue === 'decided')).toMatchObject({ oldValue: 'open', reason: null });
      const made = of(replacement.id);
      expect(made.every((c) => c.reason === reason && c.oldValue === null)).toBe(true);
      expect(made.map((c) => c.field)).toEqual(expect.arrayContaining(['status', 'outcome', 'supersedesId', 'decidedById']));
      expect(new Set(made.map((c) => c.correlationId)).size).toBe(1);
      // The replacement takes over the link to M-1, logged with the same reason.
      expect(log.filter((c) => c.entity === 'link' && c.field === 'fromId' && c.newValue === replacement.id)).toEqual([
        expect.objectContaining({ reason, entityKey: `${replacement.key} → ${m1.key}`, actor: expect.objectContaining({ id: jonas.id }) }),
      ]);
    });
  });

  describe('observer', () => {
    it('reads the log and a decision, and may do nothing else', async () => {
      const d = await requested();
      expect((await list(alex)).map((x) => x.key)).toContain(d.key);
      expect((await get(d.key, alex)).statusCode).toBe(200);
      expectProblem(await request({ statement: 'Observer asks', ownerId: jonas.id, dueDate: '2026-03-13' }, alex), 403, 'FORBIDDEN');
      expectProblem(await patch(d.key, { version: 1, context: 'x' }, alex), 403, 'FORBIDDEN');
      expectProblem(await decide(d.key, { version: 1, ...verdict }, alex), 403, 'FORBIDDEN');
      expect((await queue('', alex)).map((x) => x.key)).toContain(d.key);
    });

    it('a contributor may ask for a decision, for someone who decides', async () => {
      const res = await request({ statement: 'Approve the alternative gasket', ownerId: jonas.id, dueDate: '2026-03-13' }, chen);
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json<DecisionBody>().requestedBy?.id).toBe(chen.id);
    });
  });

  describe('the decision queue', () => {
    it("lists exactly the owner's open decisions: overdue first, then by due date, undated last, in every program's time zone", async () => {
      // A second program in Chicago, where it is still 10 March: a decision due 10 March is not overdue there.
      const chicago = await seedProgram(t, 'BLA-PULSE', { timeZone: 'America/Chicago' });
      await t.grant(jonas, { programId: chicago.id, role: 'decision_owner' });
      const inChicago = await call(t, {
        method: 'POST',
        url: `/api/v1/programs/${chicago.code}/decisions`,
        payload: { statement: 'Approve the speaker grille colour', ownerId: jonas.id, dueDate: '2026-03-10' },
      });
      expect(inChicago.statusCode, inChicago.body).toBe(201);
      const chicagoKey = inChicago.json<DecisionBody>();

      const due10 = await requested({ statement: 'Switch resin to second source', dueDate: '2026-03-10' });
      const due02 = await requested({ statement: 'Accept golden sample with minor scratch', dueDate: '2026-03-02' });
      const due11 = await requested({ statement: 'Approve packaging dieline v3', dueDate: '2026-03-11' });
      const due30 = await requested({ statement: 'Release the mass production PO', dueDate: '2026-03-30' });
      await decided({ dueDate: '2026-03-01' });
      await requested({ ownerId: sophie.id, dueDate: '2026-03-01' });

      const mine = await queue('?ownerId=me', jonas);
      const all = (await list(jonas)).filter((d) => d.status === 'open' && d.owner?.id === jonas.id);
      expect(mine.map((d) => d.id).sort()).toEqual([...all.map((d) => d.id), chicagoKey.id].sort());
      expect(mine.every((d) => d.status === 'open' && d.owner?.id === jonas.id)).toBe(true);

      const dated = mine.filter((d) => d.dueDate !== null);
      const undated = mine.filter((d) => d.dueDate === null);
      expect(mine).toEqual([...dated, ...undated]);
      expect(undated.length).toBeGreaterThan(0);
      expect(undated.every((d) => d.flags.includes('no_due_date') && !d.isOverdue)).toBe(true);
      expect(dated.map((d) => [d.programCode, d.key, d.dueDate, d.isOverdue])).toEqual([
        ['KHG-KW500', due02.key, '2026-03-02', true],
        ['KHG-KW500', due10.key, '2026-03-10', true],
        ['BLA-PULSE', chicagoKey.key, '2026-03-10', false],
        ['KHG-KW500', due11.key, '2026-03-11', false],
        ...dated
          .filter((d) => d.dueDate === '2026-03-13' || d.dueDate === '2026-03-18')
          .map((d) => [d.programCode, d.key, d.dueDate, false]),
        ['KHG-KW500', due30.key, '2026-03-30', false],
      ]);

      // The same queue by e-mail address or id, asked by anyone who sees the programs.
      expect(await queue(`?ownerId=${encodeURIComponent('Jonas.Keller@example.test')}`, jonas)).toEqual(mine);
      expect(await queue(`?ownerId=${jonas.id}`)).toEqual(mine);
      expect((await queue('?ownerId=nobody@example.test')).length).toBe(0);
      const everyone = await queue('');
      expect(everyone.some((d) => d.owner?.id === sophie.id)).toBe(true);
      expect(everyone.every((d) => d.status === 'open')).toBe(true);
    });

    it('shows nothing of programs the caller does not see', async () => {
      const outsider = await seedUser(t, 'Ola Other', 'ola.other@example.test', { programId: other.id, role: 'cadence_owner' });
      const seen = await queue('', outsider);
      expect(seen.every((d) => d.programCode === other.code)).toBe(true);
      expect(seen.length).toBeGreaterThan(0);
      expect(await queue(`?ownerId=${jonas.id}`, outsider)).toEqual([]);
      const res = await call(t, { method: 'GET', url: '/api/v1/decision-queue' }, 'anonymous');
      expectProblem(res, 401, 'UNAUTHENTICATED');
    });
  });
});
