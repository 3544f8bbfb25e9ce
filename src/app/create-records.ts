import { asClientId, asProgramId, type UserId } from '../domain/ids.js';
import type { PlainDate } from '../domain/plain-date.js';
import { isTimeZone } from '../domain/plain-date.js';
import { defaultToleranceDays, type Program, type ProgramStatus, programCodePattern } from '../domain/program.js';
import { type Result, refuse } from '../domain/result.js';
import type { Actor, AppDeps } from './deps.js';
import type { Client } from './ports.js';
import { abort } from './transact.js';
import { insertRecord } from './write-record.js';
import { workspaceWrite } from './write-sequence.js';

export interface CreateClientInput {
  readonly actor: Actor;
  readonly name: string;
  readonly country: string;
}

/** Adds a client organisation whose programs Tollgate runs. */
export function createClient(deps: AppDeps, input: CreateClientInput): Promise<Result<Client>> {
  return workspaceWrite(deps, { actor: input.actor, permission: 'programs.manage' }, async ({ tx, meta }) => {
    const id = asClientId(deps.newId());
    const values = { name: input.name.trim(), country: input.country.toUpperCase() };
    await insertRecord(deps, tx, { entity: 'client', id, programId: null, meta }, values);
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
  return workspaceWrite(deps, { actor: input.actor, permission: 'programs.manage' }, async ({ tx, meta }) => {
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
      calendarSpec: null,
    };
    await insertRecord(deps, tx, { entity: 'program', id, programId: id, meta }, values);
    return { id, ...values, version: 1, revision: 1 };
  });
}

export const unwrap = <T>(r: Result<T>): T => {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
};
