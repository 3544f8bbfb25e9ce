import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProgramSummary } from '../../src/contract/program.js';
import { createTestDatabase, dialects, type TestDatabase } from '../support/databases.js';
import { assertBuilt, cliNow, jsonOf, problemOf, tollgate } from './run-cli.js';

// A workspace set up from the command line: a client, a supplier and its factory, a program made
// empty and one copied from a demo plan (previewed, then confirmed with --yes), edited and archived.
describe.each(dialects)('tollgate on %s: setting up clients, suppliers and programs', (dialect) => {
  let db: TestDatabase;
  const admin = (...args: string[]) => tollgate(db, '--as', 'admin@demo.test', ...args);
  const lead = (...args: string[]) => tollgate(db, '--as', 'lead@demo.test', ...args);

  beforeAll(async () => {
    assertBuilt();
    db = await createTestDatabase(dialect, { now: cliNow, from: 'demo' });
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('adds a client with a contact, a supplier and its factory; names the option at fault', async () => {
    const added = await admin(
      'client',
      'add',
      'Aurora Lighting Oy',
      '--country',
      'fi',
      '--time-zone',
      'Europe/Helsinki',
      '--contact',
      'Aino Virtanen, sourcing <aino@aurora.example>',
    );
    expect(added.stdout).toBe('Added client Aurora Lighting Oy (FI, Europe/Helsinki).\n');
    const list = jsonOf<{ items: { name: string; contacts: unknown[] }[] }>(await admin('clients', 'list', '--json'));
    expect(list.items.find((c) => c.name === 'Aurora Lighting Oy')?.contacts).toEqual([
      { name: 'Aino Virtanen', role: 'sourcing', email: 'aino@aurora.example', phone: '' },
    ]);
    const bad = await admin('client', 'add', 'Borealis', '--country', 'Finland', '--json');
    expect(bad.code).toBe(2);
    expect(problemOf(bad).errors.map((e) => e.path)).toEqual(['--country']);
    const notAdmin = await lead('client', 'add', 'Mine', '--country', 'DE');
    expect(notAdmin.stderr).toMatch(/^error FORBIDDEN: /);

    expect((await lead('supplier', 'add', 'Yongkang Metalworks', '--country', 'CN')).code).toBe(0);
    const f = await lead(
      'supplier',
      'factory',
      'yongkang metalworks',
      '--city',
      'Yongkang',
      '--country',
      'CN',
      '--time-zone',
      'Asia/Shanghai',
    );
    expect(f.stdout).toBe('Added factory Yongkang Metalworks/Yongkang (Yongkang, CN, Asia/Shanghai).\n');
    const table = await lead('supplier', 'list');
    expect(table.stdout).toMatch(/Yongkang Metalworks\s+│?\s*CN\s+│?\s*Yongkang/);
  });

  it("creates a draft program as the client's cadence owner, edits its code while a draft, archives it", async () => {
    const made = jsonOf<ProgramSummary>(
      await lead(
        'program',
        'add',
        'khg-t2',
        '--name',
        'Toaster T2',
        '--client',
        'Keller Haushaltsgeräte GmbH',
        '--factory',
        'Yongkang Metalworks/Yongkang',
        '--product',
        'Two-slice toaster',
        '--quality-owner',
        'quality@demo.test',
        '--json',
      ),
    );
    expect(made).toMatchObject({
      code: 'KHG-T2',
      status: 'draft',
      product: 'Two-slice toaster',
      timeZone: 'Asia/Shanghai',
      milestoneCount: 0,
    });
    const renamed = await lead('program', 'edit', 'KHG-T2', '--code', 'KHG-T3');
    expect(renamed.stdout).toMatch(/^Saved KHG-T3 {2}Toaster T2\n/);
    const unknown = await lead(
      'program',
      'add',
      'KHG-T4',
      '--name',
      'X',
      '--client',
      'Keller Haushaltsgeräte GmbH',
      '--factory',
      'Nowhere/None',
      '--json',
    );
    expect(unknown.code).toBe(2);
    expect(problemOf(unknown).errors.map((e) => e.path)).toEqual(['--factory']);
    expect((await lead('program', 'archive', 'KHG-T3', '--reason', 'Client paused it')).stdout).toBe(
      'Archived KHG-T3: out of the portfolio, still readable.\n',
    );
    expect(jsonOf<{ items: { code: string }[] }>(await lead('programs', 'archived', '--json')).items.map((p) => p.code)).toEqual([
      'KHG-T3',
    ]);
    expect(jsonOf<{ items: { code: string }[] }>(await lead('programs', 'list', '--json')).items.map((p) => p.code)).not.toContain(
      'KHG-T3',
    );
  });

  it('copies a plan: shows the preview, writes nothing without --yes off a terminal, then creates it', async () => {
    const args = [
      'program',
      'copy',
      'KHG-KW500',
      'KHG-KW700',
      '--name',
      'Kettle KW700',
      '--client',
      'Keller Haushaltsgeräte GmbH',
      '--factory',
      'Yongkang Metalworks/Yongkang',
      '--start',
      '2026-09-14',
    ];
    const dry = await lead(...args, '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.stdout).toMatch(
      /^Copy of KHG-KW500 ".*" from 2026-09-14\n {2}on the calendar of CN \(Asia\/Shanghai\): \d+ milestones, \d+ links\n/,
    );
    expect(dry.stdout).toMatch(/│ M-1 +│/);
    // Every line fits a 100-column terminal.
    expect(Math.max(...dry.stdout.split('\n').map((l) => l.length))).toBeLessThanOrEqual(100);
    expect(dry.stdout).toMatch(/\(dry run: nothing was written\)\n$/);
    const unconfirmed = await lead(...args);
    expect(unconfirmed.code).toBe(2);
    expect(unconfirmed.stderr).toMatch(/^error VALIDATION_FAILED: Nothing was created: re-run with --yes/);
    expect((await lead('programs', 'show', 'KHG-KW700')).code).toBe(1);
    const made = jsonOf<ProgramSummary>(await lead(...args, '--yes', '--json'));
    const source = jsonOf<{ program: ProgramSummary }>(await lead('programs', 'show', 'KHG-KW500', '--json')).program;
    expect(made).toMatchObject({ code: 'KHG-KW700', status: 'draft', milestoneCount: source.milestoneCount });
  });

  it("maps the source plan's owners with --owner SOURCE=NEW|none; one who may not own there is refused on --owner", async () => {
    const args = [
      'program',
      'copy',
      'KHG-KW500',
      'KHG-KW800',
      '--name',
      'Kettle KW800',
      '--client',
      'Keller Haushaltsgeräte GmbH',
      '--factory',
      'Yongkang Metalworks/Yongkang',
      '--start',
      '2026-09-14',
    ];
    const dry = await lead(...args, '--owner', 'supplier@demo.test=lead@demo.test', '--owner', 'quality@demo.test=none', '--dry-run');
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toMatch(/\n {2}owner Chen Wei \(\d+ milestones\) → Dana Whitfield\n/);
    expect(dry.stdout).toMatch(/\n {2}owner Sophie Brandt \(\d+ milestones\) → to assign, as asked\n/);
    expect(dry.stdout).toMatch(/\n {2}owner Dana Whitfield \(\d+ milestones\) → keeps them\n/);

    const outsider = await lead(...args, '--owner', 'supplier@demo.test=other@demo.test', '--yes', '--json');
    expect(outsider.code).toBe(1);
    expect(problemOf(outsider)).toMatchObject({ code: 'USER_NOT_FOUND', errors: [{ path: '--owner' }] });

    const made = jsonOf<ProgramSummary>(
      await lead(...args, '--owner', 'supplier@demo.test=lead@demo.test', '--owner', 'quality@demo.test=none', '--yes', '--json'),
    );
    const shown = jsonOf<{ milestones: { owner: { name: string } | null }[] }>(await lead('programs', 'show', made.code, '--json'));
    const owners = shown.milestones.map((m) => m.owner?.name ?? null);
    expect(new Set(owners)).toEqual(new Set(['Dana Whitfield', null]));
    const help = await lead('program', 'copy', '--help');
    expect(help.stdout).toContain('--owner SOURCE=NEW hands a source owner');
  });
});
