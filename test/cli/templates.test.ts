import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TemplateJson, TemplateSummary } from '../../src/contract/template.js';
import { createTestDatabase, type TestDatabase } from '../support/databases.js';
import { assertBuilt, cliNow, jsonOf, problemOf, type Serving, serveInProcess, tollgate, tollgateWith } from './run-cli.js';

// `tollgate template list|show|copy|edit`: the shipped program templates and the workspace's own.
// Shipped ones are data in the code; copies and edits are written on both databases (a copy of the
// demo on each), on the database backend and over a running server's API.
describe('tollgate template', () => {
  let db: TestDatabase;
  const lead = (...args: string[]) => tollgate(db, '--as', 'lead@demo.test', ...args);

  beforeAll(async () => {
    assertBuilt();
    db = await createTestDatabase('sqlite', { now: cliNow, from: 'demo' });
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('lists the templates with their gates, and shows one in full with its checklists and milestones', async () => {
    const list = await tollgateWith(db, { env: { COLUMNS: '160' } }, '--as', 'lead@demo.test', 'template', 'list');
    expect(list.code).toBe(0);
    expect(list.stdout).toContain('default-4-gate');
    expect(list.stdout).toContain('G4 Release preparation');
    expect(list.stdout).toContain('apqp-ppap');
    expect(jsonOf<{ items: TemplateSummary[] }>(await lead('templates', '--json')).items.map((t) => t.id)).toEqual([
      'default-4-gate',
      'apqp-ppap',
    ]);

    const shown = await tollgateWith(db, { env: { COLUMNS: '160' } }, '--as', 'lead@demo.test', 'template', 'show', 'default-4-gate');
    expect(shown.code).toBe(0);
    expect(shown.stdout).toContain('Close criteria:');
    expect(shown.stdout).toContain('Golden sample approved');
    expect(shown.stdout).toContain('Standard milestones:');
  });

  it('gives the PPAP release checklist of the level asked for, the part submission warrant last', async () => {
    const t = jsonOf<TemplateJson>(await lead('template', 'show', 'apqp-ppap', '--ppap-level', '1', '--json'));
    expect(t.ppapLevel).toBe(1);
    const release = t.gates.at(-1)?.checklist ?? [];
    expect(release).toHaveLength(18);
    expect(release.at(-1)).toMatchObject({ title: 'Part submission warrant', ppap: { element: 18, requirement: 'submit' } });
  });

  it('refuses an unknown template and a level out of range, saying what to do', async () => {
    const unknown = await lead('template', 'show', 'no-such-template');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('TEMPLATE_NOT_FOUND');
    expect(unknown.stderr).toContain('tollgate template list');
    const level = await lead('template', 'show', 'apqp-ppap', '--ppap-level', '9', '--json');
    expect(level.code).toBe(2);
    expect(problemOf(level)).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(level.stderr).toContain('--ppap-level');
  });
});

describe.each(['sqlite', 'postgres'] as const)('tollgate template copy|edit (%s)', (dialect) => {
  let db: TestDatabase;
  let server: Serving;
  let token: string;
  const dir = mkdtempSync(join(tmpdir(), 'tollgate-templates-'));
  const admin = (...args: string[]) => tollgate(db, '--as', 'admin@demo.test', ...args);
  const remote = (...args: string[]) => tollgateWith(db, { env: { TOLLGATE_TOKEN: token } }, '--server', server.url, ...args);

  beforeAll(async () => {
    assertBuilt();
    db = await createTestDatabase(dialect, { now: cliNow, from: 'demo' });
    server = await serveInProcess(db);
    token = jsonOf<{ token: string }>(await admin('token', 'create', '--name', 'CLI templates', '--json')).token;
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    if (server) expect(await server.stop()).toBe(0);
    await db?.drop();
  });

  it('an admin copies a template and edits the copy from a file, its version counting up; the list marks it', async () => {
    const copied = await admin(
      'template',
      'copy',
      'default-4-gate',
      '--id',
      'keller-4-gate',
      '--name',
      'Keller four gates',
      '--reason',
      'Our own',
    );
    expect(copied.code, copied.stderr).toBe(0);
    expect(copied.stdout).toContain('Copied default-4-gate as keller-4-gate v1');
    const t = jsonOf<TemplateJson>(await admin('template', 'show', 'keller-4-gate', '--json'));
    expect(t).toMatchObject({ source: 'workspace', basedOn: { id: 'default-4-gate', version: 1 }, version: 1 });
    const g1 = t.gates[0] as TemplateJson['gates'][number];
    const edited = {
      ...t,
      gates: [
        { ...g1, checklist: [...g1.checklist, { ...g1.checklist[0], key: 'G1-KELLER-LABEL', title: 'Label artwork approved' }] },
        ...t.gates.slice(1),
      ],
    };
    const file = join(dir, `${dialect}-keller.json`);
    writeFileSync(file, JSON.stringify(edited));
    const r = await admin('template', 'edit', 'keller-4-gate', '--file', file, '--name', 'Keller gates', '--reason', 'Label artwork at G1');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('keller-4-gate is at version 2 now');
    const after = jsonOf<TemplateJson>(await admin('template', 'show', 'keller-4-gate', '--json'));
    expect(after.name).toBe('Keller gates');
    expect(after.gates[0]?.checklist.at(-1)?.key).toBe('G1-KELLER-LABEL');
    const list = await tollgateWith(db, { env: { COLUMNS: '160' } }, '--as', 'lead@demo.test', 'template', 'list');
    expect(list.stdout).toContain('(workspace)');
  });

  it('does the same over a running server’s API', async () => {
    const copied = await remote(
      'template',
      'copy',
      'apqp-ppap',
      '--id',
      'keller-ppap',
      '--name',
      'Keller PPAP',
      '--ppap-level',
      '2',
      '--json',
    );
    expect(copied.code, copied.stderr).toBe(0);
    expect(jsonOf<TemplateJson>(copied)).toMatchObject({ id: 'keller-ppap', ppapLevel: 2, version: 1 });
    const archived = await remote(
      'template',
      'edit',
      'keller-ppap',
      '--ppap-level',
      '4',
      '--archive',
      '--reason',
      'Level 4, then retired',
      '--json',
    );
    expect(archived.code, archived.stderr).toBe(0);
    expect(jsonOf<TemplateJson>(archived)).toMatchObject({ ppapLevel: 4, version: 2, isArchived: true });
  });

  it('refuses someone not an admin, a shipped template, a bad file and a stale version, naming what to fix', async () => {
    const lead = await tollgate(
      db,
      '--as',
      'lead@demo.test',
      'template',
      'copy',
      'default-4-gate',
      '--id',
      'mine',
      '--name',
      'Mine',
      '--json',
    );
    expect(lead.code).toBe(1);
    expect(problemOf(lead).code).toBe('FORBIDDEN');
    const shipped = await admin('template', 'edit', 'default-4-gate', '--name', 'Mine', '--reason', 'Try');
    expect(shipped.code).toBe(1);
    expect(shipped.stderr).toContain('TEMPLATE_READ_ONLY');
    expect(shipped.stderr).toContain('tollgate template copy default-4-gate');
    const file = join(dir, `${dialect}-bad.json`);
    writeFileSync(file, JSON.stringify({ gates: [{ key: 'G1' }] }));
    const bad = await admin('template', 'edit', 'keller-4-gate', '--file', file, '--reason', 'Bad', '--json');
    expect(bad.code).toBe(2);
    expect(problemOf(bad).code).toBe('VALIDATION_FAILED');
    expect(problemOf(bad).errors?.map((e: { path: string }) => e.path)).toContain('gates.0.name');
    const stale = await admin('template', 'edit', 'keller-4-gate', '--name', 'Late', '--version', '1', '--reason', 'Late', '--json');
    expect(stale.code).toBe(1);
    expect(problemOf(stale).code).toBe('VERSION_CONFLICT');
  });
});
