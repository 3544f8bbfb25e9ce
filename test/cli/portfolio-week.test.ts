import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/databases.js';
import { readPdf } from '../support/pdf-pages.js';
import { jsonOf, type Serving, serveInProcess, tollgate, tollgateWith } from './run-cli.js';

// tollgate portfolio --week: the leadership view on the database and from a server (the API tests cover its rules).
describe('tollgate portfolio --week on sqlite (demo portfolio)', () => {
  let db: TestDatabase;
  let server: Serving | undefined;
  const week = '2026-W10';

  beforeAll(async () => {
    db = await createTestDatabase('sqlite', { from: 'demo' });
  });
  afterAll(async () => {
    if (server) await server.stop();
    await db?.drop();
  });

  it('prints the same Markdown on the database and from a server; JSON per reader; the PDF to a file; refuses a bad week', async () => {
    const here = await tollgate(db, '--as', 'observer@demo.test', 'portfolio', '--week', week);
    expect(here.code, here.stderr).toBe(0);
    expect(here.stdout).toMatch(new RegExp(`^# Portfolio ${week}\\n`));
    expect(here.stdout).toContain('## Needs attention first');

    const mine = jsonOf<{ lines: unknown[] }>(
      await tollgate(db, '--as', 'observer@demo.test', 'portfolio', '--week', week, '--format', 'json'),
    );
    const all = jsonOf<{ lines: unknown[] }>(
      await tollgate(db, '--as', 'admin@demo.test', 'portfolio', '--week', week, '--format', 'json'),
    );
    expect(mine.lines.length).toBeGreaterThan(0);
    expect(mine.lines.length).toBeLessThan(all.lines.length);

    server = await serveInProcess(db);
    const token = jsonOf<{ token: string }>(
      await tollgate(db, '--as', 'observer@demo.test', 'token', 'create', '--name', 'portfolio', '--json'),
    );
    const remote = { env: { TOLLGATE_SERVER: server.url, TOLLGATE_TOKEN: token.token } };
    const there = await tollgateWith(db, remote, 'portfolio', '--week', week);
    expect(there.code, there.stderr).toBe(0);
    expect(there.stdout).toBe(here.stdout);

    const dir = mkdtempSync(join(tmpdir(), 'tollgate-portfolio-pdf-'));
    try {
      const local = await tollgate(
        db,
        '--as',
        'observer@demo.test',
        'portfolio',
        '--week',
        week,
        '--format',
        'pdf',
        '--out',
        join(dir, 'here.pdf'),
      );
      expect(local.code, local.stderr).toBe(0);
      expect(local.stdout).toBe(`Wrote portfolio-${week}.pdf to ${join(dir, 'here.pdf')}\n`);
      const served = await tollgateWith(db, remote, 'portfolio', '--week', week, '--format', 'pdf', '--out', join(dir, 'there.pdf'));
      expect(served.code, served.stderr).toBe(0);
      for (const f of ['here.pdf', 'there.pdf']) {
        const text = (await readPdf(readFileSync(join(dir, f)))).map((p) => p.lines.join('\n')).join('\n');
        expect(text).toContain(`Portfolio ${week}`);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }

    const bad = await tollgate(db, '--as', 'observer@demo.test', 'portfolio', '--week', '2026-W99', '--format', 'json');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--week');
    const badFormat = await tollgate(db, '--as', 'observer@demo.test', 'portfolio', '--week', week, '--format', 'docx');
    expect(badFormat.code).not.toBe(0);
    expect(badFormat.stderr).toContain('--format');
  });
});
