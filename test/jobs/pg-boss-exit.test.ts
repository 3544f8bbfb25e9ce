import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt } from '../cli/run-cli.js';
import { createTestDatabase, type TestDatabase } from '../support/databases.js';

const script = fileURLToPath(new URL('./fixtures/start-and-stop.mjs', import.meta.url));

describe('jobs on PostgreSQL leave nothing running after stop()', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    assertBuilt();
    db = await createTestDatabase('postgres');
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('a process that started pg-boss, ran a job and stopped it ends by itself', async () => {
    const child = spawn(process.execPath, [script, db.databaseUrl as string], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    let code: number | null | undefined;
    child.on('exit', (c) => (code = c));
    try {
      // Once it has stopped, it must end on its own (no process.exit in the script); a leftover timer or pool would keep it.
      await expect.poll(() => out, { timeout: 90_000 }).toContain('stopped');
      await expect.poll(() => code, { timeout: 30_000 }).toBe(0);
    } finally {
      if (code === undefined) child.kill();
    }
  });
});
