import { createHash } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { principalOf } from '../../src/app/auth/principal.js';
import { createClient, createProgram, unwrap } from '../../src/app/create-records.js';
import type { AppDeps } from '../../src/app/deps.js';
import { createPerson } from '../../src/app/people/create-person.js';
import type { EvidenceJson } from '../../src/cli/backend.js';
import { dateInZone, type PlainDate } from '../../src/domain/plain-date.js';
import { openStore } from '../../src/store/open-store.js';
import { createTestDatabase, dialects, type TestDatabase } from '../support/databases.js';
import { testPasswords } from '../support/passwords.js';
import { cliNow, jsonOf, problemOf, type Serving, serveInProcess, tollgate, tollgateWith } from './run-cli.js';

const zone = 'Asia/Shanghai';
const people = {
  dana: { email: 'dana@example.test', name: 'Dana Whitfield' },
  li: { email: 'li.wei@example.test', name: '李伟' },
  chen: { email: 'chen@example.test', name: 'Chen Wei' },
  alex: { email: 'alex@example.test', name: 'Alex Moreno' },
} as const;
type Who = keyof typeof people;

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const pdf = Buffer.from('%PDF-1.4\n% Capacity study, line 3, two shifts\n%%EOF\n');

/** A program of the default four gates: Dana runs it (G1's owner), 李伟 is the quality owner, Chen (the factory) owns capacity, Alex observes. */
async function seed(db: TestDatabase): Promise<void> {
  const opened = openStore({ databaseUrl: db.databaseUrl, dataDir: db.dataDir });
  try {
    await opened.migrate();
    const deps: AppDeps = { store: opened.store, clock: { now: () => new Date(cliNow) }, newId: uuidv7, passwords: testPasswords };
    const admin = await principalOf(
      opened.store.reads,
      unwrap(await createPerson(deps, { actor: null, email: 'admin@example.test', name: 'Ada Admin', isAdmin: true })),
    );
    const ids = {} as Record<Who, string>;
    for (const [key, p] of Object.entries(people) as [Who, (typeof people)[Who]][])
      ids[key] = unwrap(await createPerson(deps, { actor: admin, ...p, timeZone: zone })).id;
    const client = unwrap(await createClient(deps, { actor: admin, name: 'Keller Haushaltsgeräte GmbH', country: 'DE' }));
    unwrap(
      await createProgram(deps, {
        actor: admin,
        code: 'CLI-EVID',
        name: 'Kettle KW500',
        clientId: client.id,
        supplierName: 'Ningbo Lisheng Electric Appliance',
        factoryCity: 'Ningbo',
        factoryCountry: 'CN',
        timeZone: zone,
        ownerId: ids.dana,
        owners: { cadence_owner: [ids.dana], quality_owner: [ids.li], contributor: [ids.chen], observer: [ids.alex] },
        planStart: dateInZone(new Date(cliNow), zone) as PlainDate,
      }),
    );
  } finally {
    await opened.store.close();
  }
}

describe.each(dialects)('tollgate gate evidence on %s', (dialect) => {
  let db: TestDatabase;
  const as = (who: Who, ...args: string[]) => tollgate(db, '--as', people[who].email, ...args);
  const inData = (name: string, bytes: Buffer) => {
    writeFileSync(join(db.dataDir, name), bytes);
    return name;
  };

  beforeAll(async () => {
    db = await createTestDatabase(dialect, { now: cliNow });
    await seed(db);
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('attaches a file, a link and a note, lists them, downloads the file and takes one off', async () => {
    const file = inData('capacity study.pdf', pdf);
    const added = jsonOf<EvidenceJson>(
      await as('chen', 'gate', 'evidence', 'add', 'CLI-EVID', 'G1', 'g1-capacity', '--file', file, '--title', 'Capacity study', '--json'),
    );
    expect(added).toMatchObject({ kind: 'file', title: 'Capacity study', fileName: 'capacity study.pdf', sha256: sha256(pdf) });
    const link = await as(
      'chen',
      'gate',
      'evidence',
      'add',
      'CLI-EVID',
      'G1',
      'G1-CAPACITY',
      '--link',
      'https://erp.example.com/capacity/KW500',
    );
    expect(link.code, link.stderr).toBe(0);
    expect(link.stdout).toMatch(
      /^Attached link "https:\/\/erp\.example\.com\/capacity\/KW500" to G1-CAPACITY of CLI-EVID \(evidence [0-9a-f-]+\)\.\n$/,
    );
    const note = jsonOf<EvidenceJson>(
      await as('li', 'gate', 'evidence', 'add', 'CLI-EVID', 'G1', 'G1-CAPACITY', '--note', 'Two shifts confirmed on line 3.', '--json'),
    );

    const table = await as('alex', 'gate', 'evidence', 'list', 'CLI-EVID', 'G1', 'G1-CAPACITY');
    expect(table.code, table.stderr).toBe(0);
    expect(table.stdout).toContain('capacity study.pdf (1 KB)');
    expect(table.stdout).toContain('https://erp.example.com/capacity/KW500');
    expect(table.stdout).toContain('Two shifts confirmed on line 3.');
    const listed = jsonOf<(EvidenceJson & { itemKey: string })[]>(await as('alex', 'gate', 'evidence', 'list', 'CLI-EVID', 'G1', '--json'));
    expect(listed.map((e) => [e.itemKey, e.kind])).toEqual([
      ['G1-CAPACITY', 'file'],
      ['G1-CAPACITY', 'link'],
      ['G1-CAPACITY', 'note'],
    ]);

    const got = await as('alex', 'gate', 'evidence', 'get', 'CLI-EVID', added.id, '--out', 'downloaded.pdf');
    expect(got.code, got.stderr).toBe(0);
    expect(got.stdout).toContain('(application/pdf)');
    expect(Buffer.compare(readFileSync(join(db.dataDir, 'downloaded.pdf')), pdf)).toBe(0);

    const removed = await as(
      'dana',
      'gate',
      'evidence',
      'remove',
      'CLI-EVID',
      'G1',
      'G1-CAPACITY',
      note.id,
      '--reason',
      'Said in the file',
    );
    expect(removed.code, removed.stderr).toBe(0);
    expect(removed.stdout).toBe('Took note "Two shifts confirmed on line 3." off G1-CAPACITY of CLI-EVID.\n');
    expect(jsonOf<unknown[]>(await as('alex', 'gate', 'evidence', 'list', 'CLI-EVID', 'G1', '--json'))).toHaveLength(2);
    expect(jsonOf<unknown[]>(await as('alex', 'gate', 'evidence', 'list', 'CLI-EVID', 'G1', '--all', '--json'))).toHaveLength(3);
  });

  it('refuses what the API refuses, naming the option', async () => {
    const both = await as('chen', 'gate', 'evidence', 'add', 'CLI-EVID', 'G1', 'G1-CAPACITY', '--link', 'https://a.example', '--note', 'x');
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('--file');
    const js = await as('chen', 'gate', 'evidence', 'add', 'CLI-EVID', 'G1', 'G1-CAPACITY', '--link', 'javascript:alert(1)', '--json');
    expect(problemOf(js)).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ path: '--link' }] });
    const exe = await as(
      'chen',
      'gate',
      'evidence',
      'add',
      'CLI-EVID',
      'G1',
      'G1-CAPACITY',
      '--file',
      inData('setup.exe', Buffer.from('MZ\x90\x00')),
    );
    expect(exe.code).toBe(1);
    expect(exe.stderr).toMatch(/^error EVIDENCE_TYPE_NOT_ALLOWED: "setup.exe" is not a type kept as evidence/);
    const missing = await as('chen', 'gate', 'evidence', 'add', 'CLI-EVID', 'G1', 'G1-CAPACITY', '--file', 'no-such.pdf');
    expect(missing.code).toBe(2);
    const big = await tollgateWith(
      db,
      { env: { TOLLGATE_EVIDENCE_MAX_BYTES: '20' } },
      '--as',
      people.chen.email,
      'gate',
      'evidence',
      'add',
      'CLI-EVID',
      'G1',
      'G1-CAPACITY',
      '--file',
      inData('big.pdf', pdf),
    );
    expect(big.stderr).toMatch(/^error EVIDENCE_TOO_LARGE: .*\(20 bytes; TOLLGATE_EVIDENCE_MAX_BYTES\)/);
    const observer = await as('alex', 'gate', 'evidence', 'add', 'CLI-EVID', 'G1', 'G1-CAPACITY', '--note', 'x', '--json');
    expect(problemOf(observer).code).toBe('FORBIDDEN');
    const notHis = await as('chen', 'gate', 'evidence', 'add', 'CLI-EVID', 'G1', 'G1-BOM-DRAWINGS', '--note', 'x');
    expect(notHis.stderr).toMatch(/^error GATE_ROLE_REQUIRED: /);
    const unknown = await as('alex', 'gate', 'evidence', 'get', 'CLI-EVID', '0190aaaa-0000-7000-8000-000000000000');
    expect(unknown.stderr).toMatch(/^error EVIDENCE_NOT_FOUND: /);
  });

  describe('over the HTTP API of a running server', () => {
    let server: Serving;
    const tokens: Partial<Record<Who, string>> = {};
    const remote = async (who: Who, ...args: string[]) => {
      tokens[who] ??= jsonOf<{ token: string }>(await as(who, 'token', 'create', '--name', 'CLI test', '--json')).token;
      return tollgateWith(db, { env: { TOLLGATE_TOKEN: tokens[who] } }, '--server', server.url, ...args);
    };

    beforeAll(async () => {
      server = await serveInProcess(db);
    });
    afterAll(async () => {
      if (server) expect(await server.stop()).toBe(0);
    });

    it('uploads as multipart, downloads the same bytes under the exact name, and lists as on the database', async () => {
      const text = Buffer.from('Lot;Cpk\n4711;1.67\n');
      const added = jsonOf<EvidenceJson>(
        await remote(
          'chen',
          'gate',
          'evidence',
          'add',
          'CLI-EVID',
          'G1',
          'G1-LONG-LEAD',
          '--file',
          inData('交期 确认.csv', text),
          '--json',
        ),
      );
      expect(added).toMatchObject({ kind: 'file', fileName: '交期 确认.csv', contentType: 'text/csv', sha256: sha256(text) });
      // The download is written under the name the server gives it.
      rmSync(join(db.dataDir, '交期 确认.csv'));
      const got = await remote('alex', 'gate', 'evidence', 'get', 'CLI-EVID', added.id);
      expect(got.code, got.stderr).toBe(0);
      expect(got.stdout).toContain('(text/plain; charset=utf-8)');
      expect(Buffer.compare(readFileSync(join(db.dataDir, '交期 确认.csv')), text)).toBe(0);
      expect(jsonOf(await remote('alex', 'gate', 'evidence', 'list', 'CLI-EVID', 'G1', '--all', '--json'))).toEqual(
        jsonOf(await as('alex', 'gate', 'evidence', 'list', 'CLI-EVID', 'G1', '--all', '--json')),
      );
      const [over, local] = [
        await remote(
          'chen',
          'gate',
          'evidence',
          'add',
          'CLI-EVID',
          'G1',
          'G1-LONG-LEAD',
          '--file',
          inData('page.pdf', Buffer.from('<html>')),
        ),
        await as('chen', 'gate', 'evidence', 'add', 'CLI-EVID', 'G1', 'G1-LONG-LEAD', '--file', 'page.pdf'),
      ];
      expect(over).toEqual(local);
      expect(over.stderr).toMatch(/^error EVIDENCE_TYPE_NOT_ALLOWED: /);
      const removed = await remote('chen', 'gate', 'evidence', 'remove', 'CLI-EVID', 'G1', 'G1-LONG-LEAD', added.id, '--json');
      expect(jsonOf<EvidenceJson>(removed).removedAt).not.toBeNull();
    });
  });
});
