import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/app/deps.js';
import { sweepEscalations } from '../../src/app/escalations/sweep-escalations.js';
import type { Program } from '../../src/domain/program.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { dialects } from '../support/databases.js';
import { call, changes, expectProblem, seedProgram, seedUser } from './helpers.js';

// Floor events meet the event triggers in their own transaction (issue 13: "the same business day"); shipments
// that never arrive are found by the sweep.

interface EscalationBody {
  key: string;
  triggerKind: string;
  conditionKey: string;
  subject: { kind: string; ref: string; title: string; link: string };
  owner: { id: string };
  status: string;
  raisedAt: string;
  deadlineAt: string;
}

// Wednesday 11 March 2026, noon in Ningbo (Asia/Shanghai).
const now = new Date('2026-03-11T04:00:00Z');

describe.each(dialects)('floor events raise escalations on %s', (dialect) => {
  let t: TestApp;
  let program: Program;
  let chen: Actor;
  const base = () => `/api/v1/programs/${program.code}`;
  const escalations = async () => {
    const res = await call(t, { method: 'GET', url: `${base()}/escalations?status=all` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{ items: EscalationBody[] }>().items;
  };
  const byKind = async (kind: string) => (await escalations()).filter((e) => e.triggerKind === kind);

  beforeAll(async () => {
    t = await createTestApp(dialect);
    t.setNow(now);
    program = await seedProgram(t, 'KHG-FLX');
    chen = await seedUser(t, 'Chen Wei', 'chen.wei@example.test', { programId: program.id });
  });
  afterAll(() => t.close());

  it('a rejected inspection raises a defect-threshold escalation at once, as the trigger, with its event as the subject', async () => {
    // Lot 2,000 at level II, AQL 2.5: K, n = 125, Ac 7, Re 8; nine major defects reject the lot.
    const res = await call(
      t,
      {
        method: 'POST',
        url: `${base()}/events`,
        payload: { kind: 'inspection', title: 'Pilot lot 4', lotSize: 2000, level: 'II', major: { aql: 2.5, defectsFound: 9 } },
      },
      chen,
    );
    expect(res.statusCode, res.body).toBe(201);
    const event = res.json<{ key: string; inspection: { verdict: string } }>();
    expect(event.inspection.verdict).toBe('reject');
    const [e, ...more] = await byKind('defect_threshold');
    expect(more).toEqual([]);
    expect(e).toMatchObject({
      triggerKind: 'defect_threshold',
      conditionKey: `defect_threshold:${event.key}`,
      status: 'open',
      raisedAt: now.toISOString(),
      subject: { kind: 'event', ref: event.key, title: 'Pilot lot 4', link: `/programs/${program.code}/floor#${event.key}` },
    });
    // The action owner (the cadence owner, Dana, in Chicago) reads it at 23:00 on Tuesday 10 March there: one
    // business day's window ends at close of business on Wednesday 11 March, her time (18:00 CDT).
    expect(e?.deadlineAt).toBe('2026-03-11T23:00:00.000Z');
    // Written by the trigger's system actor, in the change log.
    const logged = await changes(t, program.code, '?limit=50');
    const raise = logged.find((c) => c.entityKey === e?.key);
    expect(raise?.actor.id).toBe('system:trigger/defect_threshold');
  });

  it('an accepted inspection under the defect-rate threshold (10 %) and a refused event raise nothing', async () => {
    const before = (await escalations()).length;
    const ok = await call(
      t,
      {
        method: 'POST',
        url: `${base()}/events`,
        payload: { kind: 'inspection', title: 'Pilot lot 5', lotSize: 2000, level: 'II', major: { aql: 2.5, defectsFound: 2 } },
      },
      chen,
    );
    expect(ok.statusCode, ok.body).toBe(201);
    expectProblem(
      await call(
        t,
        {
          method: 'POST',
          url: `${base()}/events`,
          payload: { kind: 'inspection', title: 'Bad lot', lotSize: 1, level: 'II', major: { aql: 2.5, defectsFound: 9 } },
        },
        chen,
      ),
      422,
      'VALIDATION_FAILED',
    );
    expect((await escalations()).length).toBe(before);
  });

  it('a measurement out of tolerance raises a tolerance miss; a second one on the same event cannot exist, a second event raises its own', async () => {
    const m = async (title: string) => {
      const res = await call(
        t,
        {
          method: 'POST',
          url: `${base()}/events`,
          payload: {
            kind: 'measurement',
            title,
            characteristic: 'Bore Ø',
            unit: 'mm',
            nominal: 12,
            lowerLimit: 11.95,
            upperLimit: 12.05,
            values: [12.01, 11.99, 12.07, 12.0, 12.02],
          },
        },
        chen,
      );
      expect(res.statusCode, res.body).toBe(201);
      return res.json<{ key: string }>().key;
    };
    const first = await m('Bore, cavity 1');
    const second = await m('Bore, cavity 2');
    expect((await byKind('tolerance_miss')).map((e) => e.subject.ref).sort()).toEqual([first, second].sort());
  });

  it('a shipment past its expected day is found by the sweep once; recording its late arrival raises nothing more', async () => {
    // Expected Friday 6 March, not arrived on Wednesday 11 March: three business days late.
    const res = await call(
      t,
      {
        method: 'POST',
        url: `${base()}/events`,
        payload: { kind: 'shipment', title: 'PPAP samples, housing rev C', expectedOn: '2026-03-06' },
      },
      chen,
    );
    expect(res.statusCode, res.body).toBe(201);
    const key = res.json<{ key: string }>().key;
    // Recorded while already late: the event itself raises it, the same business day.
    const late = await byKind('late_sample_arrival');
    expect(late.map((e) => e.subject.ref)).toEqual([key]);
    await sweepEscalations(t.deps);
    await sweepEscalations(t.deps);
    expect((await byKind('late_sample_arrival')).length).toBe(1);
    const arrived = await call(
      t,
      { method: 'PATCH', url: `${base()}/events/${key}`, payload: { version: 1, arrivedOn: '2026-03-10' } },
      chen,
    );
    expect(arrived.statusCode, arrived.body).toBe(200);
    expect((await byKind('late_sample_arrival')).length).toBe(1);
  });

  it('the sweep finds a shipment that became late since it was recorded', async () => {
    // Recorded on time (expected Thursday 12 March); on Monday 16 March it has not arrived.
    const res = await call(
      t,
      { method: 'POST', url: `${base()}/events`, payload: { kind: 'shipment', title: 'Gasket samples', expectedOn: '2026-03-12' } },
      chen,
    );
    expect(res.statusCode, res.body).toBe(201);
    const key = res.json<{ key: string }>().key;
    expect((await byKind('late_sample_arrival')).map((e) => e.subject.ref)).not.toContain(key);
    t.setNow(new Date('2026-03-16T02:00:00Z'));
    try {
      const report = await sweepEscalations(t.deps);
      expect(report.raised).toBeGreaterThanOrEqual(1);
      expect((await byKind('late_sample_arrival')).map((e) => e.subject.ref)).toContain(key);
    } finally {
      t.setNow(now);
    }
  });

  it("a CSV import escalates each row that meets a trigger, in the import's transaction; a refused import raises nothing", async () => {
    const head = 'kind,title,lotSize,level,majorAql,majorFound,characteristic,unit,nominal,lowerLimit,upperLimit,values';
    const rows = [
      'inspection,Import lot A,2000,II,2.5,2,,,,,,',
      'inspection,Import lot B,2000,II,2.5,9,,,,,,',
      'measurement,Import wall,,,,,Wall,mm,2.0,1.9,2.1,2.0;2.3',
      'inspection,Import lot C,2000,II,2.5,12,,,,,,',
    ];
    const before = new Set((await escalations()).map((e) => e.key));
    const refused = await call(
      t,
      {
        method: 'POST',
        url: `${base()}/events/import`,
        payload: { csv: [head, ...rows, 'inspection,Bad lot,1,II,2.5,9,,,,,,'].join('\n'), dryRun: false },
      },
      chen,
    );
    expectProblem(refused, 422, 'IMPORT_ROWS_INVALID');
    expect((await escalations()).filter((e) => !before.has(e.key))).toEqual([]);

    const res = await call(
      t,
      { method: 'POST', url: `${base()}/events/import`, payload: { csv: [head, ...rows].join('\n'), dryRun: false } },
      chen,
    );
    expect(res.statusCode, res.body).toBe(200);
    const written = res.json<{ written: number; rows: { event: { key: string; title: string } }[] }>();
    expect(written.written).toBe(4);
    const keys = written.rows.map((r) => r.event.key);
    // The rows' keys follow one another in the file's order.
    const numbers = keys.map((k) => Number(k.slice(2)));
    expect(numbers).toEqual(numbers.map((_, i) => (numbers[0] ?? 0) + i));
    const raised = (await escalations()).filter((e) => !before.has(e.key));
    expect(raised.map((e) => [e.triggerKind, e.subject.ref, e.subject.title, e.raisedAt]).sort()).toEqual(
      [
        ['defect_threshold', keys[1], 'Import lot B', now.toISOString()],
        ['defect_threshold', keys[3], 'Import lot C', now.toISOString()],
        ['tolerance_miss', keys[2], 'Import wall', now.toISOString()],
      ].sort(),
    );
  });
});
