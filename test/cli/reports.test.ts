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
    const refused = problemOf(await lead('report', 'issue', 'KHG-KW500', '--week', '2026-W10', '--json'));
    expect(refused.code).toBe('REPORT_HAS_FINDINGS');
    const issued = await lead('report', 'issue', 'KHG-KW500', '--week', '2026-W10', '--acknowledge-findings');
    expect(issued.code, issued.stderr).toBe(0);
    expect(issued.stdout).toMatch(/^Issued KHG-KW500 2026-W10 revision 1 at /);
    const here = await lead('report', 'export', 'KHG-KW500', '--week', '2026-W10', '--format', 'json');
    expect(here.code, here.stderr).toBe(0);
    expect(JSON.parse(here.stdout)).toMatchObject({ issue: { revision: 1, findingsAcknowledged: true }, report: { week: '2026-W10' } });

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
      '2026-W10',
      '--format',
      'json',
    );
    expect(remote.code, remote.stderr).toBe(0);
    expect(remote.stdout).toBe(here.stdout);
  });
});
