import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TemplateJson, TemplateSummary } from '../../src/contract/template.js';
import { createTestDatabase, type TestDatabase } from '../support/databases.js';
import { assertBuilt, cliNow, jsonOf, problemOf, tollgate, tollgateWith } from './run-cli.js';

// `tollgate template list|show`: the shipped program templates. They are data in the code, read the
// same on either database, so one dialect is enough here (the API test and the authorization matrix
// cover the routes).
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
