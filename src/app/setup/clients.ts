import { isKnownCountry } from '../../domain/calendar/country-days.js';
import { asClientId } from '../../domain/ids.js';
import { isTimeZone } from '../../domain/plain-date.js';
import { ok, type Result, refuse } from '../../domain/result.js';
import type { Actor, AppDeps } from '../deps.js';
import type { Client, ClientContact } from '../ports.js';
import { abort } from '../transact.js';
import { insertRecord, updateRecord } from '../write-record.js';
import { workspaceWrite } from '../write-sequence.js';

export interface ClientFields {
  readonly name: string;
  readonly country: string;
  readonly timeZone?: string | undefined;
  readonly contacts?: readonly ClientContact[] | undefined;
}

/** The checks the contract's schemas cannot make: a real country and time zone. */
export function checkPlace(
  country: string | undefined,
  timeZone: string | undefined,
  paths = { country: 'country', timeZone: 'timeZone' },
): Result<true> {
  if (country !== undefined && !isKnownCountry(country.toUpperCase())) {
    return refuse('VALIDATION_FAILED', `Unknown country "${country}".`, [
      { path: paths.country, message: 'Not a known ISO 3166-1 two-letter country code.' },
    ]);
  }
  if (timeZone !== undefined && !isTimeZone(timeZone)) {
    return refuse('VALIDATION_FAILED', `Unknown time zone "${timeZone}".`, [
      { path: paths.timeZone, message: 'Not an IANA time zone, e.g. "Europe/Berlin".' },
    ]);
  }
  return ok(true);
}

const nameTaken = (name: string) =>
  abort({ code: 'VALIDATION_FAILED', message: `A client named "${name}" exists.`, fields: [{ path: 'name', message: 'Already in use.' }] });

/** Adds a client organisation whose programs Tollgate runs (workspace admins). */
export function createClient(deps: AppDeps, input: ClientFields & { readonly actor: Actor }): Promise<Result<Client>> {
  const place = checkPlace(input.country, input.timeZone);
  if (!place.ok) return Promise.resolve(place);
  return workspaceWrite(deps, { actor: input.actor, permission: 'programs.manage', lock: 'clients' }, async ({ tx, meta }) => {
    const name = input.name.trim();
    if ((await tx.listClients()).some((c) => c.name.toLowerCase() === name.toLowerCase())) nameTaken(name);
    const id = asClientId(deps.newId());
    const values = {
      name,
      country: input.country.toUpperCase(),
      timeZone: input.timeZone ?? 'UTC',
      contacts: input.contacts ?? [],
      archivedAt: null,
    };
    await insertRecord(deps, tx, { entity: 'client', id, programId: null, meta }, values);
    return { id, ...values, version: 1 };
  });
}

export interface UpdateClientInput extends Partial<ClientFields> {
  readonly actor: Actor;
  readonly clientId: string;
  readonly version: number;
  readonly reason?: string | undefined;
}

const clientNotFound = (id: string) => abort({ code: 'CLIENT_NOT_FOUND', message: `No client "${id}".` });

/** Edits a client's name, country, time zone or contacts (workspace admins), at the version read. */
export function updateClient(deps: AppDeps, input: UpdateClientInput): Promise<Result<Client>> {
  const place = checkPlace(input.country, input.timeZone);
  if (!place.ok) return Promise.resolve(place);
  return workspaceWrite(
    deps,
    { actor: input.actor, permission: 'programs.manage', lock: 'clients', reason: input.reason },
    async ({ tx, meta }) => {
      const before = (await tx.findClient(input.clientId)) ?? clientNotFound(input.clientId);
      const name = input.name?.trim();
      if (name !== undefined && (await tx.listClients()).some((c) => c.id !== before.id && c.name.toLowerCase() === name.toLowerCase()))
        nameTaken(name);
      if (before.version !== input.version)
        abort({ code: 'VERSION_CONFLICT', message: `${before.name} was changed by someone else; reload and retry.` });
      const set = {
        ...(name !== undefined ? { name } : {}),
        ...(input.country !== undefined ? { country: input.country.toUpperCase() } : {}),
        ...(input.timeZone !== undefined ? { timeZone: input.timeZone } : {}),
        ...(input.contacts !== undefined ? { contacts: input.contacts } : {}),
      };
      await updateRecord(deps, tx, { entity: 'client', id: before.id, programId: null, entityKey: before.name, meta }, before, set);
      const after = { ...before, ...set };
      return { ...after, version: JSON.stringify(before) === JSON.stringify(after) ? before.version : before.version + 1 };
    },
  );
}

/**
 * Archives a client (workspace admins): it is no longer offered for new programs. Its programs must
 * be archived or closed first, so that no running program loses its client from view.
 */
export function archiveClient(deps: AppDeps, input: { actor: Actor; clientId: string; version: number; reason?: string | undefined }) {
  return workspaceWrite(
    deps,
    { actor: input.actor, permission: 'programs.manage', lock: 'clients', reason: input.reason },
    async ({ tx, meta, now }): Promise<Client> => {
      const before = (await tx.findClient(input.clientId)) ?? clientNotFound(input.clientId);
      if (before.version !== input.version)
        abort({ code: 'VERSION_CONFLICT', message: `${before.name} was changed by someone else; reload and retry.` });
      if (before.archivedAt !== null) abort({ code: 'CLIENT_STATE', message: `${before.name} is already archived.` });
      const open = await tx.countOpenProgramsOfClient(before.id);
      if (open > 0) {
        abort({
          code: 'CLIENT_STATE',
          message: `${before.name} has ${open} program${open === 1 ? '' : 's'} neither archived nor closed; archive or close ${open === 1 ? 'it' : 'them'} first.`,
        });
      }
      const archivedAt = now.toISOString();
      await updateRecord(deps, tx, { entity: 'client', id: before.id, programId: null, entityKey: before.name, meta }, before, {
        archivedAt,
      });
      return { ...before, archivedAt, version: before.version + 1 };
    },
  );
}

/**
 * The clients a person works with: admins every one (archived ones when asked), others those they
 * hold a role on, directly or through one of its programs.
 */
export async function listClients(deps: AppDeps, input: { actor: Actor; archived?: boolean | undefined }): Promise<Result<Client[]>> {
  const r = deps.store.reads;
  const all = (await r.listClients()).filter((c) => input.archived || c.archivedAt === null);
  if (input.actor.isAdmin) return ok(all);
  const programIds = input.actor.memberships.flatMap((m) => (m.programId === null ? [] : [m.programId]));
  const seen = new Set((await r.findPrograms(programIds)).map((p) => p.clientId as string));
  for (const m of input.actor.memberships) if (m.clientId !== null) seen.add(m.clientId);
  return ok(all.filter((c) => seen.has(c.id)));
}
