import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { displayWidth } from '../../src/cli/fit.js';
import { createTestDatabase, type TestDatabase } from '../support/databases.js';
import { assertBuilt, tollgateWith } from './run-cli.js';

// Every command that prints a table, on the demo, fits a terminal of 100 columns (wrapping or
// leaving out columns, never cutting a value off).
const commands: readonly (readonly string[])[] = [
  ['programs', 'list'],
  ['programs', 'show', 'KHG-KW500'],
  ['programs', 'people', 'KHG-KW500'],
  ['milestone', 'link', 'list', 'KHG-KW500'],
  ['plan', 'show', 'KHG-KW500'],
  ['plan', 'slips', 'KHG-KW500', 'M-35'],
  ['plan', 'trend', 'KHG-KW500'],
  ['plan', 'baselines', 'NW-BOTTLE'],
  ['changes', 'KHG-KW500', '--limit', '40'],
  ['action', 'list', 'KHG-KW500'],
  ['my-week'],
  ['decision', 'list', 'KHG-KW500'],
  ['decision', 'queue'],
  ['decision', 'show', 'KHG-KW500', 'D-1'],
  ['risk', 'list', 'KHG-KW500'],
  ['risk', 'show', 'KHG-KW500', 'R-1'],
  ['calendar', 'show', 'KHG-KW500', '--year', '2027'],
  ['whoami'],
];

describe('tables at 100 columns', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    assertBuilt();
    db = await createTestDatabase('sqlite', { from: 'demo' });
  });
  afterAll(async () => {
    await db?.drop();
  });

  it.each(commands.map((c) => [c.join(' '), c] as const))('%s fits', async (_, args) => {
    const r = await tollgateWith(db, { env: { COLUMNS: '100' } }, '--as', 'lead@demo.test', ...args);
    expect(r.stderr.replace(/^warning .*\n/gm, '')).toBe('');
    expect(r.code).toBe(0);
    const wide = r.stdout.split('\n').filter((line) => displayWidth(line) > 100);
    expect(wide).toEqual([]);
  });

  it('users list fits, for an admin', async () => {
    const r = await tollgateWith(db, { env: { COLUMNS: '100' } }, '--as', 'admin@demo.test', 'users', 'list');
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n').filter((line) => displayWidth(line) > 100)).toEqual([]);
  });

  it('leaves out columns by priority and says so, and wraps the rest without cutting a value', async () => {
    const r = await tollgateWith(db, { env: { COLUMNS: '100' } }, '--as', 'lead@demo.test', 'programs', 'list');
    expect(r.stdout).toContain('(left out to fit 100 columns: Supplier');
    expect(r.stdout).not.toContain('…');
    // Each program's code is whole, and its name's words are all there.
    for (const code of ['KHG-KW500', 'NW-TENT2P', 'BLA-PULSE']) expect(r.stdout).toContain(`│ ${code} `);
    const wide = await tollgateWith(db, { env: { COLUMNS: '240' } }, '--as', 'lead@demo.test', 'programs', 'list');
    expect(wide.stdout).not.toContain('left out');
    expect(wide.stdout).toMatch(/│ Supplier +│/);
    // And a table wider than the terminal even when wrapped leaves out its last columns, saying which.
    const trend = await tollgateWith(db, { env: { COLUMNS: '100' } }, '--as', 'lead@demo.test', 'plan', 'trend', 'KHG-KW500');
    expect(trend.stdout).toMatch(/\(left out to fit 100 columns: M-\d+/);
  });
});
