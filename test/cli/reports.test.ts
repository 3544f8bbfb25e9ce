import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/databases.js';
import { jsonOf, problemOf, type Serving, serveInProcess, tollgate, tollgateWith } from './run-cli.js';

// The CLI's side of the weekly report, kept to a few commands (the API tests cover the rules on both
// dialects): issue on the database, then read the same report back over HTTP with a token, byte for byte.
describe('tollgate report on sqlite (demo portfolio)', () => {
  let db: TestDatabase;
  let server: Serving | undefined;
  const lead = (...args: string[]) => tollgate(db, '--as', 'lead@demo.test', ...args);

  beforeAll(async () => {
    db = await createTestDatabase('sqlite', { from: 'demo' });
  });
  afterAll(async () => {
    if (server) await server.stop();
    await db?.drop();
  });

  it('issues a week on the database and exports the same bytes from the server; refuses findings unless acknowledged', async () => {
    const refused = problemOf(await lead('report', 'issue', 'KHG-KW500', '--week', '2026-W08', '--json'));
    expect(refused.code).toBe('REPORT_HAS_FINDINGS');
    const issued = await lead('report', 'issue', 'KHG-KW500', '--week', '2026-W08', '--acknowledge-findings');
    expect(issued.code, issued.stderr).toBe(0);
    expect(issued.stdout).toMatch(/^Issued KHG-KW500 2026-W08 revision 1 at /);
    const here = await lead('report', 'export', 'KHG-KW500', '--week', '2026-W08', '--format', 'json');
    expect(here.code, here.stderr).toBe(0);
    expect(JSON.parse(here.stdout)).toMatchObject({ issue: { revision: 1, findingsAcknowledged: true }, report: { week: '2026-W08' } });

    server = await serveInProcess(db);
    const token = jsonOf<{ token: string }>(
      await tollgate(db, '--as', 'observer@demo.test', 'token', 'create', '--name', 'reports', '--json'),
    );
    const remote = await tollgateWith(
      db,
      { env: { TOLLGATE_SERVER: server.url, TOLLGATE_TOKEN: token.token } },
      'report',
      'export',
      'KHG-KW500',
      '--week',
      '2026-W08',
      '--format',
      'json',
    );
    expect(remote.code, remote.stderr).toBe(0);
    expect(remote.stdout).toBe(here.stdout);

    // The PDF: drawn here from the snapshot, downloaded from the server: the same file.
    const dir = mkdtempSync(join(tmpdir(), 'tollgate-report-pdf-'));
    try {
      const local = await lead('report', 'export', 'KHG-KW500', '--week', '2026-W08', '--format', 'pdf', '--out', join(dir, 'here.pdf'));
      expect(local.code, local.stderr).toBe(0);
      expect(local.stdout).toBe(`Wrote KHG-KW500-2026-W08.pdf to ${join(dir, 'here.pdf')}\n`);
      const pdfArgs = ['report', 'export', 'KHG-KW500', '--week', '2026-W08', '--format', 'pdf', '--out', join(dir, 'there.pdf')];
      const served = await tollgateWith(db, { env: { TOLLGATE_SERVER: server.url, TOLLGATE_TOKEN: token.token } }, ...pdfArgs);
      expect(served.code, served.stderr).toBe(0);
      const pdf = readFileSync(join(dir, 'here.pdf'));
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(Buffer.compare(readFileSync(join(dir, 'there.pdf')), pdf)).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('prints the cadence meeting’s agenda, decisions first, and records an action into its minutes (cadence owner only)', async () => {
    const agenda = await lead('report', 'agenda', 'KHG-KW500', '--week', '2026-W11');
    expect(agenda.code, agenda.stderr).toBe(0);
    expect(agenda.stdout).toMatch(/^Cadence meeting 2026-W11\n\nAttendees:\n/);
    expect(agenda.stdout.indexOf('1. Decisions needed')).toBeLessThan(agenda.stdout.indexOf('2. Blockers'));
    const args = ['report', 'outcome', 'KHG-KW500', '--week', '2026-W11', '--action', 'Book air freight', '--owner', 'supplier@demo.test'];
    const missing = problemOf(await lead(...args, '--json'));
    expect(missing.code).toBe('VALIDATION_FAILED');
    const refused = problemOf(await tollgate(db, '--as', 'observer@demo.test', ...args, '--due', '2026-03-20', '--json'));
    expect(refused.code).toBe('FORBIDDEN');
    const recorded = await lead(...args, '--due', '2026-03-20');
    expect(recorded.code, recorded.stderr).toBe(0);
    expect(recorded.stdout).toMatch(/^Recorded A-\d+ in the minutes of KHG-KW500 2026-W11\.\n$/);
    const after = await lead('report', 'agenda', 'KHG-KW500', '--week', '2026-W11');
    expect(after.stdout).toMatch(/Minutes:\n {2}A-\d+ Book air freight: .+, due 2026-03-20, recorded by /);
  });
});
