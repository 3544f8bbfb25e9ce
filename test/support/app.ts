import type { FastifyInstance } from 'fastify';
import { uuidv7 } from 'uuidv7';
import type { Actor, AppDeps } from '../../src/app/deps.js';
import { ensureLocalUser } from '../../src/app/ensure-local-user.js';
import { buildApp } from '../../src/http/build-app.js';
import { openStore } from '../../src/store/open-store.js';
import { createTestDatabase, type TestDatabase } from './databases.js';

export interface TestApp {
  readonly db: TestDatabase;
  readonly deps: AppDeps;
  readonly actor: Actor;
  readonly http: FastifyInstance;
  /** Sets the clock the use cases see; defaults to the real time. */
  setNow(d: Date | null): void;
  close(): Promise<void>;
}

/** A migrated store on a fresh database of the dialect, with the HTTP app built around it (not listening). */
export async function createTestApp(dialect: 'sqlite' | 'postgres'): Promise<TestApp> {
  const db = await createTestDatabase(dialect);
  const opened = openStore({ databaseUrl: db.databaseUrl, dataDir: db.dataDir });
  await opened.migrate();
  let fixed: Date | null = null;
  const deps: AppDeps = { store: opened.store, clock: { now: () => fixed ?? new Date() }, newId: uuidv7 };
  const actor = await ensureLocalUser(deps);
  const http = await buildApp({ app: deps, actorOf: async () => actor, version: 'test' });
  return {
    db,
    deps,
    actor,
    http,
    setNow: (d) => {
      fixed = d;
    },
    close: async () => {
      await http.close();
      await opened.store.close();
      await db.drop();
    },
  };
}
