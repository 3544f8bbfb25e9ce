import { diffFields, type Scalar } from '../domain/change.js';
import { asClientId, asProgramId, asUserId, type UserId } from '../domain/ids.js';
import type { PlainDate } from '../domain/plain-date.js';
import { isTimeZone } from '../domain/plain-date.js';
import { defaultToleranceDays, type Program, type ProgramStatus, programCodePattern } from '../domain/program.js';
import { type Result, refuse } from '../domain/result.js';
import type { Actor, AppDeps } from './deps.js';
import type { Client, EntityName, Tx, User } from './ports.js';
import { abort, transact } from './transact.js';

async function insert(
  deps: AppDeps,
  tx: Tx,
  entity: EntityName,
  id: string,
  values: Record<string, Scalar>,
  actorId: UserId,
  programId: Program['id'] | null,
) {
  await tx.write({
    op: 'insert',
    entity,
    id,
    programId,
    entityKey: null,
    values,
    changes: diffFields(null, values, Object.keys(values)),
    meta: { actorId, at: deps.clock.now().toISOString(), reason: null, correlationId: deps.newId() },
  });
}

export interface CreateUserInput {
  readonly actor: Actor | null;
  readonly email: string;
  readonly name: string;
  readonly timeZone?: string | undefined;
  readonly locale?: string | undefined;
}

/** Adds a person; the first person may create themselves (actor null). */
export function createUser(deps: AppDeps, input: CreateUserInput): Promise<Result<User>> {
  const timeZone = input.timeZone ?? 'UTC';
  if (!isTimeZone(timeZone))
    return Promise.resolve(
      refuse('VALIDATION_FAILED', `Unknown time zone "${timeZone}".`, [{ path: 'timeZone', message: 'Not an IANA time zone.' }]),
    );
  return transact(deps.store, async (tx) => {
    const email = input.email.trim().toLowerCase();
    if (await tx.findUserByEmail(email)) {
      return abort({
        code: 'VALIDATION_FAILED',
        message: `${email} already has an account.`,
        fields: [{ path: 'email', message: 'Already in use.' }],
      });
    }
    const id = asUserId(deps.newId());
    const values = { email, name: input.name.trim(), timeZone, locale: input.locale ?? 'en' };
    // The first person records their own creation.
    await insert(deps, tx, 'user', id, values, input.actor?.id ?? id, null);
    return { id, ...values, version: 1 };
  });
}

export interface CreateClientInput {
  readonly actor: Actor;
  readonly name: string;
  readonly country: string;
}

/** Adds a client organisation whose programs Tollgate runs. */
export function createClient(deps: AppDeps, input: CreateClientInput): Promise<Result<Client>> {
  return transact(deps.store, async (tx) => {
    const id = asClientId(deps.newId());
    const values = { name: input.name.trim(), country: input.country.toUpperCase() };
    await insert(deps, tx, 'client', id, values, input.actor.id, null);
    return { id, ...values, version: 1 };
  });
}

export interface CreateProgramInput {
  readonly actor: Actor;
  readonly code: string;
  readonly name: string;
  readonly clientId: string;
  readonly supplierName: string;
  readonly factoryCity: string;
  readonly factoryCountry: string;
  readonly timeZone: string;
  readonly status?: ProgramStatus | undefined;
  readonly ownerId?: string | null | undefined;
  readonly toleranceDays?: number | undefined;
  readonly targetReleaseDate?: PlainDate | null | undefined;
}

/** Adds a program for a client, at one supplier's factory, with a unique short code. */
export function createProgram(deps: AppDeps, input: CreateProgramInput): Promise<Result<Program>> {
  const code = input.code.trim().toUpperCase();
  if (!programCodePattern.test(code)) {
    return Promise.resolve(
      refuse('VALIDATION_FAILED', `Program code "${input.code}" is not valid.`, [
        { path: 'code', message: '2-32 letters, digits or dashes.' },
      ]),
    );
  }
  if (!isTimeZone(input.timeZone)) {
    return Promise.resolve(
      refuse('VALIDATION_FAILED', `Unknown time zone "${input.timeZone}".`, [{ path: 'timeZone', message: 'Not an IANA time zone.' }]),
    );
  }
  return transact(deps.store, async (tx) => {
    if (!(await tx.findClient(input.clientId))) {
      return abort({
        code: 'VALIDATION_FAILED',
        message: `No client "${input.clientId}".`,
        fields: [{ path: 'clientId', message: 'Unknown client.' }],
      });
    }
    if (await tx.findProgram(code)) {
      return abort({
        code: 'VALIDATION_FAILED',
        message: `Program code ${code} is taken.`,
        fields: [{ path: 'code', message: 'Already in use.' }],
      });
    }
    if (input.ownerId && !(await tx.findUser(input.ownerId))) {
      return abort({
        code: 'USER_NOT_FOUND',
        message: `No person "${input.ownerId}".`,
        fields: [{ path: 'ownerId', message: 'Unknown person.' }],
      });
    }
    const id = asProgramId(deps.newId());
    const values = {
      code,
      name: input.name.trim(),
      clientId: asClientId(input.clientId),
      supplierName: input.supplierName.trim(),
      factoryCity: input.factoryCity.trim(),
      factoryCountry: input.factoryCountry.toUpperCase(),
      timeZone: input.timeZone,
      status: input.status ?? 'active',
      ownerId: (input.ownerId ?? null) as UserId | null,
      toleranceDays: input.toleranceDays ?? defaultToleranceDays,
      targetReleaseDate: input.targetReleaseDate ?? null,
    };
    await insert(deps, tx, 'program', id, values, input.actor.id, id);
    return { id, ...values, version: 1 };
  });
}

export const unwrap = <T>(r: Result<T>): T => {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
};
