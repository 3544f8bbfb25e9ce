import { uuidv7 } from 'uuidv7';
import { principalOf } from '../../src/app/auth/principal.js';
import { createClient, createProgram, unwrap } from '../../src/app/create-records.js';
import type { Actor, AppDeps } from '../../src/app/deps.js';
import { createPerson } from '../../src/app/people/create-person.js';
import { grantRole } from '../../src/app/people/grant-role.js';
import type { Store } from '../../src/app/ports.js';
import type { Program } from '../../src/domain/program.js';
import type { Role } from '../../src/domain/roles.js';
import { openStore } from '../../src/store/open-store.js';
import { createTestDatabase, type TestDatabase } from './databases.js';
import { testPasswords } from './passwords.js';

/**
 * For unit tests of use cases (src/app/*.test.ts): a migrated SQLite file with one program and the
 * people around it, made through the use cases themselves, at a fixed instant; no HTTP, no mocks.
 */
export interface AppWorkspace {
  readonly db: TestDatabase;
  readonly store: Store;
  readonly deps: AppDeps;
  readonly program: Program;
  /** The first admin. */
  readonly admin: Actor;
  /** Cadence owner of the program. */
  readonly lead: Actor;
  /** Observer on the program. */
  readonly observer: Actor;
  /** Holds no role: may not see the program. */
  readonly outsider: Actor;
  /** A person as they are now, with their roles. */
  actorOf(id: string): Promise<Actor>;
  close(): Promise<void>;
}

export async function openAppWorkspace(now: Date): Promise<AppWorkspace> {
  const db = await createTestDatabase('sqlite');
  const opened = openStore({ databaseUrl: undefined, dataDir: db.dataDir });
  await opened.migrate();
  const store = opened.store;
  const deps: AppDeps = { store, clock: { now: () => now }, newId: uuidv7, passwords: testPasswords };
  const actorOf = async (id: string): Promise<Actor> => {
    const user = await store.reads.findUser(id);
    if (!user) throw new Error(`no person ${id}`);
    return principalOf(store.reads, user);
  };
  const person = async (email: string, by: Actor | null, isAdmin = false): Promise<Actor> =>
    actorOf(unwrap(await createPerson(deps, { actor: by, email, name: email.split('@')[0] ?? email, isAdmin })).id);
  const admin = await person('admin@example.test', null, true);
  const client = unwrap(await createClient(deps, { actor: admin, name: 'Keller', country: 'DE' }));
  const program = unwrap(
    await createProgram(deps, {
      actor: admin,
      code: 'WS-1',
      name: 'Write sequence',
      clientId: client.id,
      supplierName: 'Supplier',
      factoryCity: 'Suzhou',
      factoryCountry: 'CN',
      timeZone: 'Asia/Shanghai',
    }),
  );
  const withRole = async (email: string, role: Role) => {
    const p = await person(email, admin);
    unwrap(await grantRole(deps, { actor: admin, userId: p.id, programId: program.id, role }));
    return actorOf(p.id);
  };
  return {
    db,
    store,
    deps,
    program,
    admin,
    lead: await withRole('lead@example.test', 'cadence_owner'),
    observer: await withRole('observer@example.test', 'observer'),
    outsider: await person('outsider@example.test', admin),
    actorOf,
    async close() {
      await store.close();
      await db.drop();
    },
  };
}
