import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { principalOf } from '../../src/app/auth/principal.js';
import { createClient, createProgram, unwrap } from '../../src/app/create-records.js';
import type { AppDeps } from '../../src/app/deps.js';
import { createPerson } from '../../src/app/people/create-person.js';
import { grantRole } from '../../src/app/people/grant-role.js';
import type { FloorEventJson, ImportResultJson } from '../../src/contract/floor-event.js';
import type { Role } from '../../src/domain/roles.js';
import { openStore } from '../../src/store/open-store.js';
import { createTestDatabase, dialects, type TestDatabase } from '../support/databases.js';
import { testPasswords } from '../support/passwords.js';
import { cliNow, jsonOf, problemOf, tollgate } from './run-cli.js';

/** One program with a contributor (Chen) and an observer (Olu), written through the use cases. */
async function seed(db: TestDatabase): Promise<void> {
  const opened = openStore({ databaseUrl: db.databaseUrl, dataDir: db.dataDir });
  try {
    await opened.migrate();
    const deps: AppDeps = { store: opened.store, clock: { now: () => new Date(cliNow) }, newId: uuidv7, passwords: testPasswords };
    const created = unwrap(await createPerson(deps, { actor: null, email: 'admin@example.test', name: 'Ada Admin', isAdmin: true }));
    const admin = await principalOf(opened.store.reads, created);
    const client = unwrap(await createClient(deps, { actor: admin, name: 'Keller', country: 'DE' }));
    const program = unwrap(
      await createProgram(deps, {
        actor: admin,
        code: 'CLI-EVT',
        name: 'CLI floor events',
        clientId: client.id,
        supplierName: 'Ningbo Lisheng Electric Appliance',
        factoryCity: 'Ningbo',
        factoryCountry: 'CN',
        timeZone: 'Asia/Shanghai',
      }),
    );
    const people: [string, string, Role][] = [
      ['chen@example.test', 'Chen Wei', 'contributor'],
      ['olu@example.test', 'Olu Bello', 'observer'],
    ];
    for (const [email, name, role] of people) {
      const u = unwrap(await createPerson(deps, { actor: admin, email, name, timeZone: 'Asia/Shanghai' }));
      unwrap(await grantRole(deps, { actor: admin, userId: u.id, role, programId: program.id }));
    }
  } finally {
    await opened.store.close();
  }
}

// cliNow is Tuesday 1 December 2026, 09:00 in Ningbo.
describe.each(dialects)('tollgate on %s: floor events', (dialect) => {
  let db: TestDatabase;
  const chen = (...args: string[]) => tollgate(db, '--as', 'chen@example.test', ...args);

  beforeAll(async () => {
    db = await createTestDatabase(dialect, { now: cliNow });
    await seed(db);
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('adds a shipment and a measurement, records the arrival, and names the flags at fault', async () => {
    const s = jsonOf<FloorEventJson>(
      await chen('event', 'add', 'cli-evt', '--kind', 'shipment', '--title', 'PPAP samples', '--expected', '2026-11-27', '--json'),
    );
    expect(s).toMatchObject({ key: 'E-1', shipment: { arrivedOn: null, businessDaysLate: 2 } });
    const arrived = jsonOf<FloorEventJson>(await chen('event', 'arrived', 'CLI-EVT', 'e-1', '--on', '2026-11-30', '--json'));
    expect(arrived).toMatchObject({ version: 2, shipment: { arrivedOn: '2026-11-30', businessDaysLate: 1 } });

    const m = await chen(
      'event',
      'add',
      'CLI-EVT',
      '--kind',
      'measurement',
      '--title',
      'Wall',
      '--characteristic',
      'Wall thickness',
      '--unit',
      'mm',
      '--nominal',
      '2',
      '--lower',
      '1.9',
      '--upper',
      '2.1',
      '--values',
      '2.01,1.98 2.03;2.15 1.99',
    );
    expect(m.code, m.stderr).toBe(0);
    expect(m.stdout).toContain('E-2');
    expect(m.stdout).toContain('1 of 5 out of limits');
    expect(m.stdout).toMatch(/Cpk \d\.\d\d/);

    const bad = await chen(
      'event',
      'add',
      'CLI-EVT',
      '--kind',
      'measurement',
      '--title',
      'W',
      '--characteristic',
      'c',
      '--nominal',
      '1',
      '--values',
      '1',
      '--json',
    );
    expect(problemOf(bad)).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ path: '--upper' }] });
    const kind = await chen('event', 'add', 'CLI-EVT', '--kind', 'visit', '--json');
    expect(problemOf(kind)).toMatchObject({ errors: [{ path: '--kind' }] });
    const observer = await tollgate(
      db,
      '--as',
      'olu@example.test',
      'event',
      'add',
      'CLI-EVT',
      '--kind',
      'shipment',
      '--title',
      'S',
      '--expected',
      '2026-12-10',
      '--json',
    );
    expect(problemOf(observer).code).toBe('FORBIDDEN');

    const listed = await tollgate(db, '--as', 'olu@example.test', 'event', 'list', 'CLI-EVT');
    expect(listed.stdout).toMatch(/E-2[\s\S]*E-1/);
  });

  it('imports a CSV file: a dry run prints every row and writes nothing; then all rows at once', async () => {
    const file = join(db.dataDir, 'events.csv');
    writeFileSync(
      file,
      'kind,title,expectedOn,characteristic,nominal,upperLimit,values\nshipment,Golden samples,2026-12-10,,,,\nmeasurement,Gap,,Gap,0.5,0.8,0.4 0.6\nshipment,Broken,someday,,,,\n',
    );
    const dry = await chen('event', 'import', 'CLI-EVT', file, '--dry-run');
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toContain('row 1 (line 2): ok (new) shipment "Golden samples"');
    expect(dry.stdout).toContain('row 3 (line 4): expectedOn: Must be a date, YYYY-MM-DD.');
    expect(dry.stdout).toContain('Nothing was written.');
    const refused = await chen('event', 'import', 'CLI-EVT', file, '--json');
    expect(problemOf(refused)).toMatchObject({ code: 'IMPORT_ROWS_INVALID', errors: [{ path: 'rows.3.expectedOn' }] });
    expect(jsonOf<{ items: unknown[] }>(await chen('event', 'list', 'CLI-EVT', '--json')).items).toHaveLength(2);

    writeFileSync(
      file,
      'kind,title,expectedOn,characteristic,nominal,upperLimit,values\nshipment,Golden samples,2026-12-10,,,,\nmeasurement,Gap,,Gap,0.5,0.8,0.4 0.6\n',
    );
    const done = jsonOf<ImportResultJson>(await chen('event', 'import', 'CLI-EVT', file, '--json'));
    expect(done.rows.map((r) => r.event?.key)).toEqual(['E-3', 'E-4']);
  });
});
