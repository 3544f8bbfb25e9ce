import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { type RunningServer, startServer } from '../../src/main/server.js';
import { assertBuilt, serveWith } from '../cli/run-cli.js';
import { createTestDatabase, type TestDatabase } from '../support/databases.js';

type Row = { singleton_key: string; state: string };

/** Two `serve` instances (each with its own pool and pg-boss) on one new PostgreSQL database, jobs on. */
describe('two servers on PostgreSQL run the readiness sweep once per slot between them', () => {
  let db: TestDatabase;
  let quiet: TestDatabase;
  const servers: RunningServer[] = [];
  const configOf = (d: TestDatabase, env: Record<string, string>) => ({
    ...loadConfig({
      DATABASE_URL: d.databaseUrl ?? '',
      TOLLGATE_DATA_DIR: d.dataDir,
      LOG_LEVEL: 'silent',
      TOLLGATE_NOW: '2026-12-01T01:00:00Z',
      ...env,
    }),
    port: 0,
  });
  beforeAll(async () => {
    [db, quiet] = await Promise.all([createTestDatabase('postgres'), createTestDatabase('postgres')]);
  });
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()));
    await db?.drop();
    await quiet?.drop();
  });

  it('both start at once on an empty database (our migrations and pg-boss schema), sweep every slot once, and stop gracefully', async () => {
    const config = configOf(db, { TOLLGATE_READINESS_SWEEP_MS: '1000' });
    servers.push(...(await Promise.all([0, 1].map(() => startServer(config, { warmHolidays: false, jobs: true })))));
    const rows = async () =>
      (await db.rows(
        `select singleton_key, state::text as state from pgboss.job where name = 'readiness-sweep' order by singleton_key`,
      )) as Row[];
    await expect
      .poll(async () => (await rows()).filter((r) => r.state === 'completed').length, { timeout: 60_000 })
      .toBeGreaterThanOrEqual(3);
    await Promise.all(servers.splice(0).map((s) => s.stop()));
    const after = await rows();
    // One job per slot (a slot's id is its primary key), slots on the second, none left running by the stop.
    expect(new Set(after.map((r) => r.singleton_key)).size).toBe(after.length);
    for (const r of after) expect(Date.parse(r.singleton_key.slice('readiness-sweep:'.length)) % 1000).toBe(0);
    expect(after.filter((r) => r.state === 'active' || r.state === 'failed')).toEqual([]);
  });

  it('`tollgate serve` runs the jobs and logs each run; on SIGTERM it stops them and exits cleanly', async () => {
    assertBuilt();
    const served = await serveWith(db, { TOLLGATE_JOBS: 'on', TOLLGATE_READINESS_SWEEP_MS: '1000', TOLLGATE_SHUTDOWN_TIMEOUT_MS: '60000' });
    try {
      await expect
        .poll(served.output, { timeout: 60_000 })
        .toMatch(/readiness-sweep: 0 gates checked, 0 at risk job=readiness-sweep slot=\S+Z$/m);
    } finally {
      expect(await served.stop()).toBe(0);
    }
    expect(served.output()).toContain('stopped cleanly');
  });

  it('a server with TOLLGATE_JOBS=off serves without starting them: pg-boss never touches its database', async () => {
    const server = await startServer(configOf(quiet, { TOLLGATE_JOBS: 'off', TOLLGATE_READINESS_SWEEP_MS: '1000' }), {
      warmHolidays: false,
    });
    servers.push(server);
    expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
    await server.stop();
    expect(await quiet.rows(`select schema_name from information_schema.schemata where schema_name = 'pgboss'`)).toEqual([]);
  });
});
