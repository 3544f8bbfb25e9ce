import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProgramSummary } from '../../src/contract/program.js';
import { createTestDatabase, dialects, type TestDatabase } from '../support/databases.js';
import { assertBuilt, cliNow, jsonOf, problemOf, tollgate } from './run-cli.js';

interface SupplierJson {
  id: string;
  name: string;
  country: string;
  archivedAt: string | null;
  factories: { id: string; name: string; city: string; country: string; timeZone: string; archivedAt: string | null }[];
}

// Suppliers and factories edited and archived from the command line (admins), on a copy of the demo.
describe.each(dialects)('tollgate on %s: editing and archiving suppliers and factories', (dialect) => {
  let db: TestDatabase;
  const admin = (...args: string[]) => tollgate(db, '--as', 'admin@demo.test', ...args);
  const lead = (...args: string[]) => tollgate(db, '--as', 'lead@demo.test', ...args);
  const suppliers = async (...flags: string[]) =>
    jsonOf<{ items: SupplierJson[] }>(await lead('supplier', 'list', '--json', ...flags)).items;

  beforeAll(async () => {
    assertBuilt();
    db = await createTestDatabase(dialect, { now: cliNow, from: 'demo' });
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('renames a supplier and edits a factory; a place fixed by a running program is refused, naming it', async () => {
    expect((await admin('supplier', 'add', 'Cixi Kettle Works', '--country', 'CN')).code).toBe(0);
    expect(
      (await admin('supplier', 'factory', 'Cixi Kettle Works', '--city', 'Cixi', '--country', 'CN', '--time-zone', 'Asia/Shanghai')).code,
    ).toBe(0);
    const saved = await admin('supplier', 'edit', 'cixi kettle works', '--name', 'Cixi Kettle Works Co.', '--reason', 'Registered name');
    expect(saved.stdout).toBe('Saved supplier Cixi Kettle Works Co. (CN).\n');
    const moved = await admin(
      'factory',
      'edit',
      'Cixi Kettle Works Co./Cixi',
      '--city',
      'Hanoi',
      '--country',
      'VN',
      '--time-zone',
      'Asia/Ho_Chi_Minh',
      '--name',
      'Hanoi',
    );
    expect(moved.stdout).toBe('Saved factory Hanoi (Hanoi, VN, Asia/Ho_Chi_Minh).\n');
    expect((await suppliers()).find((s) => s.name === 'Cixi Kettle Works Co.')?.factories.map((f) => f.timeZone)).toEqual([
      'Asia/Ho_Chi_Minh',
    ]);

    // KHG-KW500 is active at its factory: its time zone stays; the refusal names the program and the option.
    const kw = jsonOf<{ program: ProgramSummary }>(await lead('programs', 'show', 'KHG-KW500', '--json')).program;
    const fixed = await admin('factory', 'edit', kw.supplier.factoryId ?? '', '--time-zone', 'Europe/Berlin', '--json');
    expect(fixed.code).toBe(1);
    const problem = problemOf(fixed);
    expect(problem.code).toBe('FACTORY_IN_USE');
    expect(problem.detail).toContain('KHG-KW500');
    expect(problem.errors.map((e) => e.path)).toEqual(['--time-zone']);
    expect((await admin('factory', 'edit', 'Cixi Kettle Works Co./Hanoi', '--country', 'Vietnam', '--json')).code).toBe(2);

    // Only admins edit; --help says how.
    expect((await lead('supplier', 'edit', 'Cixi Kettle Works Co.', '--country', 'VN')).stderr).toMatch(/^error FORBIDDEN: /);
    const help = await admin('factory', 'edit', '--help');
    expect(help.stdout).toContain('Usage: tollgate factory edit [options] <factory>');
    expect(help.stdout).toContain('--time-zone <zone>');
    expect(help.stdout).toContain('FACTORY_IN_USE');
  });

  it('archives a factory and its supplier: listed only with --archived, refused for new programs; a busy supplier is refused', async () => {
    const archived = await admin('factory', 'archive', 'Cixi Kettle Works Co./Hanoi', '--reason', 'Closed down');
    expect(archived.stdout).toBe('Archived factory Hanoi: no longer offered for new programs.\n');
    expect((await suppliers()).find((s) => s.name === 'Cixi Kettle Works Co.')?.factories).toEqual([]);
    const made = await lead(
      'program',
      'add',
      'CKW-NEW',
      '--name',
      'New',
      '--client',
      'Keller Haushaltsgeräte GmbH',
      '--factory',
      'Cixi Kettle Works Co./Hanoi',
      '--json',
    );
    expect(made.code).toBe(2);
    expect(problemOf(made).errors.map((e) => e.path)).toEqual(['--factory']);

    expect((await admin('supplier', 'archive', 'Cixi Kettle Works Co.')).stdout).toMatch(/^Archived supplier Cixi Kettle Works Co\.: /);
    expect((await suppliers()).map((s) => s.name)).not.toContain('Cixi Kettle Works Co.');
    const all = await suppliers('--archived');
    expect(all.find((s) => s.name === 'Cixi Kettle Works Co.')?.archivedAt).not.toBeNull();
    const table = await lead('supplier', 'list', '--archived');
    expect(table.stdout).toMatch(/│ Cixi Kettle Works Co\. +│[^\n]*\n│ \(archived \d{4}-\d{2}-\d{2}\) +│/);
    expect((await lead('supplier', 'list')).stdout).not.toContain('(archived');

    const kw = jsonOf<{ program: ProgramSummary }>(await lead('programs', 'show', 'KHG-KW500', '--json')).program;
    const busy = await admin('supplier', 'archive', kw.supplier.name);
    expect(busy.code).toBe(1);
    expect(busy.stderr).toMatch(/^error SUPPLIER_IN_USE: .*KHG-KW500/);
  });
});
