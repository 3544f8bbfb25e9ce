import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { uuidv7 } from 'uuidv7';
import { principalOf } from '../../src/app/auth/principal.js';
import { type CreateMilestoneInput, createMilestone } from '../../src/app/create-milestone.js';
import { type CreateProgramInput, createClient, createProgram, unwrap } from '../../src/app/create-records.js';
import type { Actor, AppDeps } from '../../src/app/deps.js';
import { listChanges } from '../../src/app/list-changes.js';
import { createPerson } from '../../src/app/people/create-person.js';
import { grantRole } from '../../src/app/people/grant-role.js';
import type { ChangeRecord, Client } from '../../src/app/ports.js';
import type { Milestone } from '../../src/domain/milestone.js';
import { plainDate } from '../../src/domain/plain-date.js';
import type { Program } from '../../src/domain/program.js';
import type { Refusal, Result } from '../../src/domain/result.js';
import type { Role } from '../../src/domain/roles.js';
import { openStore } from '../../src/store/open-store.js';
import { testPasswords } from './passwords.js';

/**
 * The instant use-case tests start at, as TOLLGATE_NOW would pin it: Wednesday 4 March 2026, 09:00 UTC
 * (10:00 in Berlin, ISO week 2026-W10: Monday 2 to Sunday 8 March). Never the machine's date.
 */
export const worldStart = '2026-03-04T09:00:00.000Z';

/** A role on one program. */
export interface Grant {
  readonly role: Role;
  readonly program: Program;
}

/** What a test may choose of a program; dates as text. */
export type ProgramSpec = Partial<Omit<CreateProgramInput, 'actor' | 'code' | 'clientId' | 'targetReleaseDate'>> & {
  readonly targetReleaseDate?: string | null;
};

/** What a test may choose of a milestone beyond its name and baseline date; dates as text. */
export type MilestoneSpec = Partial<Omit<CreateMilestoneInput, 'programId' | 'name' | 'baselineDate' | 'forecastDate'>> & {
  readonly forecastDate?: string;
};

/**
 * The use cases' real dependencies around a fresh, migrated SQLite file in a temporary directory, for
 * the unit tests beside the use cases (src/app/**). Everything is seeded through the use cases
 * themselves; each test makes its own program, so tests of a file share one database and never
 * each other's records.
 */
export interface UseCaseWorld {
  readonly deps: AppDeps;
  /** The workspace's first admin: creates clients, programs and people. */
  readonly admin: Actor;
  readonly client: Client;
  /** Dana, cadence owner on every program of the client (a client-wide role), so on every program made here. */
  readonly lead: Actor;
  /** The instant every use case reads as now; it moves only when a test moves it. */
  now(): Date;
  setNow(instant: string): void;
  /** A new active program of the client, at a factory in Stuttgart (Europe/Berlin, German holidays), with a fresh code. */
  program(over?: ProgramSpec): Promise<Program>;
  /** A milestone of the program in phase G2, forecast on its baseline date unless told, added by the lead. */
  milestone(program: Program, name: string, baselineDate: string, over?: MilestoneSpec): Promise<Milestone>;
  /** A new active person holding these roles; the actor carries them. */
  person(name: string, ...grants: readonly Grant[]): Promise<Actor>;
  /** The person as the policy sees them now (after roles were granted). */
  reload(who: { readonly id: string }): Promise<Actor>;
  /** The program's change log, oldest first, as the change-log use case reads it for the admin. */
  changes(program: Program, where?: Partial<Pick<ChangeRecord, 'entity' | 'entityKey' | 'field'>>): Promise<ChangeRecord[]>;
  close(): Promise<void>;
}

/**
 * Where the files go: memory-backed when the machine has it. SQLite syncs every commit to disk
 * (synchronous=FULL), which these tests of rules do not need and would mostly wait for; durability
 * is test/store's concern.
 */
const scratch = existsSync('/dev/shm') ? '/dev/shm' : tmpdir();

/** Opens a fresh world; call close() after the file's tests (afterAll). */
export async function openUseCaseWorld(): Promise<UseCaseWorld> {
  const dataDir = mkdtempSync(join(scratch, 'tollgate-use-cases-'));
  const opened = openStore({ dataDir });
  await opened.migrate();
  let now = new Date(worldStart);
  const deps: AppDeps = { store: opened.store, clock: { now: () => new Date(now) }, newId: uuidv7, passwords: testPasswords };
  const reload = async (who: { readonly id: string }) => {
    const user = await deps.store.reads.findUser(who.id);
    if (!user) throw new Error(`no person ${who.id}`);
    return principalOf(deps.store.reads, user);
  };
  const admin = await reload(
    unwrap(await createPerson(deps, { actor: null, email: 'admin@example.test', name: 'Morgan Reyes', isAdmin: true })),
  );
  const client = unwrap(await createClient(deps, { actor: admin, name: 'Kestrel Home Goods', country: 'US' }));
  let people = 0;
  const addPerson = async (name: string) => {
    people++;
    const email = `${name.toLowerCase().replace(/\W+/g, '.')}.${people}@example.test`;
    return unwrap(await createPerson(deps, { actor: admin, email, name }));
  };
  const dana = await addPerson('Dana Whitfield');
  unwrap(await grantRole(deps, { actor: admin, userId: dana.id, clientId: client.id, role: 'cadence_owner' }));
  const lead = await reload(dana);
  let programs = 0;

  return {
    deps,
    admin,
    client,
    lead,
    now: () => new Date(now),
    setNow: (instant) => {
      now = new Date(instant);
    },
    async program({ targetReleaseDate, ...over } = {}) {
      programs++;
      return unwrap(
        await createProgram(deps, {
          actor: admin,
          code: `KW-${programs}`,
          clientId: client.id,
          name: `Kettle KW${programs}`,
          supplierName: 'Bosch Thermotechnik',
          factoryCity: 'Stuttgart',
          factoryCountry: 'DE',
          timeZone: 'Europe/Berlin',
          ...over,
          ...(targetReleaseDate === undefined
            ? {}
            : { targetReleaseDate: targetReleaseDate === null ? null : plainDate(targetReleaseDate) }),
        }),
      );
    },
    async milestone(program, name, baselineDate, { forecastDate, ...over } = {}) {
      const view = unwrap(
        await createMilestone(deps, {
          actor: lead,
          phase: 'G2',
          ownerId: lead.id,
          ...over,
          programId: program.id,
          name,
          baselineDate: plainDate(baselineDate),
          ...(forecastDate === undefined ? {} : { forecastDate: plainDate(forecastDate) }),
        }),
      );
      return view.milestone;
    },
    async person(name, ...grants) {
      const user = await addPerson(name);
      for (const g of grants) unwrap(await grantRole(deps, { actor: admin, userId: user.id, programId: g.program.id, role: g.role }));
      return reload(user);
    },
    reload,
    async changes(program, where = {}) {
      const page = unwrap(await listChanges(deps, { programId: program.id, actor: admin, limit: 10_000 }));
      return page.items
        .map((i) => i.change)
        .filter((c) => Object.entries(where).every(([k, v]) => c[k as keyof ChangeRecord] === v))
        .reverse();
    },
    async close() {
      await opened.store.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The refusal a use case answered with; fails the test, naming what it got, when it succeeded. */
export function refusal<T>(r: Result<T>): Refusal {
  if (r.ok) throw new Error(`expected a refusal, got ${JSON.stringify(r.value).slice(0, 300)}`);
  return r.error;
}
