import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/app/deps.js';
import type { FloorEventJson, ImportResultJson } from '../../src/contract/floor-event.js';
import type { Program } from '../../src/domain/program.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { dialects } from '../support/databases.js';
import { type Caller, call, changes, expectProblem, paths, seedProgram, seedUser } from './helpers.js';

// Wednesday 11 March 2026, noon in Ningbo (Asia/Shanghai).
const now = new Date('2026-03-11T04:00:00Z');

describe.each(dialects)('floor events API on %s', (dialect) => {
  let t: TestApp;
  let program: Program;
  let chen: Actor;
  let alex: Actor;
  const base = () => `/api/v1/programs/${program.code}/events`;
  const post = (body: Record<string, unknown>, who?: Caller) => call(t, { method: 'POST', url: base(), payload: body }, who);
  const recorded = async (body: Record<string, unknown>, who?: Caller) => {
    const res = await post(body, who);
    expect(res.statusCode, res.body).toBe(201);
    return res.json<FloorEventJson>();
  };
  const importCsv = (csv: string, dryRun: boolean, who?: Caller) =>
    call(t, { method: 'POST', url: `${base()}/import`, payload: { csv, dryRun } }, who);
  const listAll = async (query = '') => {
    const res = await call(t, { method: 'GET', url: `${base()}${query}` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{ items: FloorEventJson[]; nextCursor: string | null }>();
  };

  beforeAll(async () => {
    t = await createTestApp(dialect);
    t.setNow(now);
    program = await seedProgram(t, 'KHG-FLOOR');
    chen = await seedUser(t, 'Chen Wei', 'chen.wei@example.test', { programId: program.id });
    alex = await seedUser(t, 'Alex Moreno', 'alex@example.test', { programId: program.id, role: 'observer' });
  });
  afterAll(() => t.close());

  it('a contributor reports a shipment under the next key; it reads late on business days until it arrives', async () => {
    // Expected Friday 6 March; on Wednesday 11 March it is three business days late.
    const s = await recorded(
      { kind: 'shipment', title: 'PPAP samples, housing rev C', expectedOn: '2026-03-06', shippedOn: '2026-03-02' },
      chen,
    );
    expect(s).toMatchObject({ key: 'E-1', kind: 'shipment', occurredOn: '2026-03-11', recordedBy: { id: chen.id }, version: 1 });
    expect(s.shipment).toEqual({ expectedOn: '2026-03-06', shippedOn: '2026-03-02', arrivedOn: null, businessDaysLate: 3 });

    const arrived = await call(t, { method: 'PATCH', url: `${base()}/e-1`, payload: { version: 1, arrivedOn: '2026-03-09' } }, chen);
    expect(arrived.statusCode, arrived.body).toBe(200);
    expect(arrived.json<FloorEventJson>()).toMatchObject({ version: 2, shipment: { arrivedOn: '2026-03-09', businessDaysLate: 1 } });

    const stale = await call(t, { method: 'PATCH', url: `${base()}/E-1`, payload: { version: 1, arrivedOn: '2026-03-10' } }, chen);
    expect(expectProblem(stale, 409, 'VERSION_CONFLICT').current).toMatchObject({ key: 'E-1', version: 2 });

    const logged = await changes(t, program.code, '?limit=20');
    expect(logged.filter((c) => c.entityKey === 'E-1').map((c) => [c.field, c.newValue])).toEqual(
      expect.arrayContaining([
        ['arrivedOn', '2026-03-09'],
        ['expectedOn', '2026-03-06'],
      ]),
    );
  });

  it('judges an inspection per defect class on the ISO 2859-1 plan, critical defects accepting none, and says how', async () => {
    // Lot of 1,200 at level II: code letter J, n = 80; AQL 2.5 → Ac 5 Re 6; AQL 0.65 → Ac 1 Re 2 (critical: Ac 0 Re 1).
    const i = await recorded(
      {
        kind: 'inspection',
        title: 'Pilot lot 3 incoming inspection',
        lotRef: 'LOT-031',
        lotSize: 1200,
        level: 'II',
        critical: { aql: 0.65, defectsFound: 0 },
        major: { aql: 2.5, defectsFound: 6 },
      },
      chen,
    );
    expect(i.inspection).toMatchObject({ lotSize: 1200, level: 'II', criticalAcceptsNone: true, verdict: 'reject' });
    expect(
      i.inspection?.classes.map((c) => [
        c.defectClass,
        c.codeLetter,
        c.sampleSize,
        c.acceptNumber,
        c.rejectNumber,
        c.defectsFound,
        c.verdict,
      ]),
    ).toEqual([
      ['critical', 'J', 80, 0, 1, 0, 'accept'],
      ['major', 'J', 80, 5, 6, 6, 'reject'],
    ]);
    expect(i.inspection?.classes[0]).toMatchObject({ planAcceptNumber: 1, planRejectNumber: 2 });
    expect(i.inspection?.classes[1]?.defectRatePercent).toBe(7.5);
    expect(i.inspection?.classes[1]?.steps.map((s) => s.rule)).toEqual(['code-letter', 'plan']);

    const badAql = await post({ kind: 'inspection', title: 'Lot', lotSize: 1200, level: 'II', minor: { aql: 3, defectsFound: 0 } });
    expect(paths(expectProblem(badAql, 422, 'VALIDATION_FAILED'))).toEqual(['minor.aql']);
    const tooMany = await post({ kind: 'inspection', title: 'Lot', lotSize: 1200, level: 'II', minor: { aql: 4, defectsFound: 81 } });
    expect(paths(expectProblem(tooMany, 422, 'VALIDATION_FAILED'))).toEqual(['minor.defectsFound']);
    const none = await post({ kind: 'inspection', title: 'Lot', lotSize: 1200, level: 'II' });
    expect(paths(expectProblem(none, 422, 'VALIDATION_FAILED'))).toEqual(['major']);
  });

  it('judges critical defects on the plan once the cadence owner says so; inspections recorded before keep their verdict', async () => {
    const critical = { kind: 'inspection', title: 'Lot', lotSize: 1200, level: 'II', critical: { aql: 0.65, defectsFound: 1 } };
    const before = await recorded(critical);
    expect(before.inspection).toMatchObject({ criticalAcceptsNone: true, verdict: 'reject' });
    const version = (await call(t, { method: 'GET', url: `/api/v1/programs/${program.code}` })).json<{ version: number }>().version;
    const settings = (payload: Record<string, unknown>, who?: Caller) =>
      call(
        t,
        {
          method: 'PATCH',
          url: `/api/v1/programs/${program.code}/plan-settings`,
          payload: { version, reason: 'Client quality agreement §4', ...payload },
        },
        who,
      );
    expectProblem(await settings({ criticalDefectsAcceptNone: false }, chen), 403, 'FORBIDDEN');
    const changed = await settings({ criticalDefectsAcceptNone: false });
    expect(changed.statusCode, changed.body).toBe(200);
    const after = await recorded(critical);
    expect(after.inspection).toMatchObject({
      criticalAcceptsNone: false,
      verdict: 'accept',
      classes: [{ acceptNumber: 1, rejectNumber: 2 }],
    });
    const again = await call(t, { method: 'GET', url: `${base()}/${before.key}` });
    expect(again.json<FloorEventJson>().inspection?.verdict).toBe('reject');
    const logged = await changes(t, program.code, '?limit=50');
    expect(logged.find((c) => c.field === 'criticalDefectsAcceptNone')).toMatchObject({
      oldValue: 'true',
      newValue: 'false',
      reason: 'Client quality agreement §4',
    });
    const back = (await call(t, { method: 'GET', url: `/api/v1/programs/${program.code}` })).json<{ version: number }>().version;
    expect(
      (
        await call(t, {
          method: 'PATCH',
          url: `/api/v1/programs/${program.code}/plan-settings`,
          payload: { version: back, reason: 'Back', criticalDefectsAcceptNone: true },
        })
      ).statusCode,
    ).toBe(200);
  });

  it('previews the documented example file: every row recorded as it would be', async () => {
    const csv = readFileSync(new URL('../../docs/examples/floor-events.csv', import.meta.url), 'utf8');
    const res = await importCsv(csv, true);
    expect(res.statusCode, res.body).toBe(200);
    const rows = res.json<ImportResultJson>().rows;
    expect(rows.map((r) => [r.isOk, r.event?.kind, r.errors])).toEqual([
      [true, 'shipment', []],
      [true, 'shipment', []],
      [true, 'inspection', []],
      [true, 'measurement', []],
      [true, 'measurement', []],
    ]);
    expect(rows[2]?.event?.inspection?.verdict).toBe('accept');
    expect(rows[4]?.event?.measurement).toMatchObject({ noCpk: 'too_few_values', isOneSided: true });
  });

  it('works out a measurement: values out of limits, mean, σ and Cpk from five values', async () => {
    const m = await recorded({
      kind: 'measurement',
      title: 'Pilot run wall thickness',
      characteristic: 'Wall thickness',
      unit: 'mm',
      nominal: 2,
      lowerLimit: 1.9,
      upperLimit: 2.1,
      values: [2.0, 2.02, 1.98, 2.01, 2.15],
    });
    expect(m.measurement).toMatchObject({
      outOfLimits: [{ index: 4, value: 2.15, side: 'above' }],
      isOneSided: false,
      noCpk: null,
      cpkMinValues: 5,
    });
    expect(m.measurement?.mean).toBeCloseTo(2.032, 10);
    expect(m.measurement?.cpk).toBeCloseTo((2.1 - 2.032) / (3 * (m.measurement?.stdDev ?? 0)), 10);
    const few = await recorded({
      kind: 'measurement',
      title: 'First off',
      characteristic: 'Lid gap',
      nominal: 0.5,
      upperLimit: 0.8,
      values: [0.4, 0.6],
    });
    expect(few.measurement).toMatchObject({ cpk: null, noCpk: 'too_few_values', isOneSided: true });
  });

  it('refuses bad fields naming each, an observer, an unknown event, and the arrival of a non-shipment', async () => {
    const bad = await post({ kind: 'measurement', title: '', characteristic: 'c', nominal: 1, upperLimit: 2e9, values: [] });
    expect(paths(expectProblem(bad, 422, 'VALIDATION_FAILED'))).toEqual(expect.arrayContaining(['title', 'upperLimit', 'values']));
    const noLimit = await post({ kind: 'measurement', title: 'T', characteristic: 'c', nominal: 1, values: [1] });
    expect(paths(expectProblem(noLimit, 422, 'VALIDATION_FAILED'))).toEqual(['upperLimit']);
    const future = await post({ kind: 'shipment', title: 'S', expectedOn: '2026-03-20', arrivedOn: '2026-03-12' });
    expect(paths(expectProblem(future, 422, 'VALIDATION_FAILED'))).toEqual(['arrivedOn']);
    const lot = await post({ kind: 'inspection', title: 'Lot', lotSize: 1, level: 'IV', major: { aql: 1, defectsFound: 0 } });
    expect(paths(expectProblem(lot, 422, 'VALIDATION_FAILED'))).toEqual(expect.arrayContaining(['lotSize', 'level']));
    expectProblem(await post({ kind: 'shipment', title: 'S', expectedOn: '2026-03-20' }, alex), 403, 'FORBIDDEN');
    expectProblem(await call(t, { method: 'GET', url: `${base()}/E-999` }), 404, 'EVENT_NOT_FOUND');
    const m = (await listAll('?kind=measurement')).items[0];
    const wrong = await call(t, { method: 'PATCH', url: `${base()}/${m?.key}`, payload: { version: 1, arrivedOn: '2026-03-10' } });
    expectProblem(wrong, 409, 'EVENT_NOT_A_SHIPMENT');
    // The observer reads them.
    expect((await call(t, { method: 'GET', url: `${base()}/E-1` }, alex)).statusCode).toBe(200);
  });

  it('previews a CSV import row by row and writes nothing; writes every row or none', async () => {
    const before = (await listAll()).items.length;
    const csv = [
      'kind,title,expectedOn,arrivedOn,characteristic,nominal,lowerLimit,upperLimit,values',
      'shipment,Golden samples,2026-03-16,,,,,,',
      'measurement,Lid torque,,,Torque,1.2,1.0,1.4,1.1;1.25 1.3;1.22;1.19',
      'measurement,Bad row,,,Torque,abc,,,1',
      'shipment,Late,2026-03-20,2026-03-12,,,,,',
    ].join('\n');
    const preview = await importCsv(csv, true);
    expect(preview.statusCode, preview.body).toBe(200);
    const p = preview.json<ImportResultJson>();
    expect(p).toMatchObject({ dryRun: true, written: 0 });
    expect(p.rows.map((r) => [r.row, r.line, r.isOk])).toEqual([
      [1, 2, true],
      [2, 3, true],
      [3, 4, false],
      [4, 5, false],
    ]);
    expect(p.rows[1]?.event).toMatchObject({
      key: '',
      kind: 'measurement',
      measurement: { values: [1.1, 1.25, 1.3, 1.22, 1.19], cpk: expect.any(Number) },
    });
    expect(p.rows[2]?.errors).toEqual([{ column: 'nominal', message: expect.stringContaining('not a number') }]);
    expect(p.rows[3]?.errors.map((e) => e.column)).toEqual(['arrivedOn']);
    expect((await listAll()).items.length).toBe(before);

    const refused = expectProblem(await importCsv(csv, false), 422, 'IMPORT_ROWS_INVALID');
    expect(paths(refused)).toEqual(['rows.3.nominal', 'rows.4.arrivedOn']);
    expect((await listAll()).items.length).toBe(before);

    const good = csv.split('\n').slice(0, 3).join('\n');
    const written = await importCsv(good, false, chen);
    expect(written.statusCode, written.body).toBe(200);
    const w = written.json<ImportResultJson>();
    expect(w.written).toBe(2);
    expect(w.rows.map((r) => r.event?.key)).toEqual([`E-${before + 1}`, `E-${before + 2}`]);
    expect((await listAll()).items.slice(0, 2).map((e) => e.title)).toEqual(['Lid torque', 'Golden samples']);
  });

  it('refuses a file that is not a floor-event table, and an observer even for a preview', async () => {
    expectProblem(await importCsv('kind,title,colour\nshipment,S,red', true), 422, 'CSV_UNREADABLE');
    expectProblem(await importCsv('kind,title\nshipment,"S', true), 422, 'CSV_UNREADABLE');
    expectProblem(await importCsv('title\nS', true), 422, 'CSV_UNREADABLE');
    const tooMany = ['kind,title,expectedOn', ...Array.from({ length: 2001 }, (_, i) => `shipment,S${i},2026-03-20`)].join('\n');
    expectProblem(await importCsv(tooMany, true), 422, 'CSV_UNREADABLE');
    expectProblem(await importCsv('kind,title,expectedOn\nshipment,S,2026-03-20', true, alex), 403, 'FORBIDDEN');
  });

  it('pages the list newest first by key with a cursor, one kind or all', async () => {
    const all = (await listAll()).items.map((e) => e.key);
    const first = await listAll('?limit=2');
    expect(first.items.map((e) => e.key)).toEqual(all.slice(0, 2));
    const second = await listAll(`?limit=2&cursor=${first.nextCursor}`);
    expect(second.items.map((e) => e.key)).toEqual(all.slice(2, 4));
    const shipments = (await listAll('?kind=shipment')).items;
    expect(shipments.length).toBeGreaterThan(0);
    expect(shipments.every((e) => e.kind === 'shipment')).toBe(true);
    expectProblem(await call(t, { method: 'GET', url: `${base()}?cursor=bm9wZQ` }), 422, 'VALIDATION_FAILED');
  });
});
