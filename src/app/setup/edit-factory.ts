import { checkArchivable, checkPlaceChange, draftFollowing } from '../../domain/factory-use.js';
import type { Result } from '../../domain/result.js';
import type { Actor, AppDeps } from '../deps.js';
import type { Factory, Tx } from '../ports.js';
import { abort, must } from '../transact.js';
import { updateRecord } from '../write-record.js';
import { workspaceWrite } from '../write-sequence.js';
import { checkPlace } from './clients.js';
import { draftsFollow } from './edit-supplier.js';

const target = (actor: Actor, reason: string | undefined) => ({ actor, permission: 'programs.manage', lock: 'suppliers', reason }) as const;

/** The factory at the version read, and its supplier's name for the change log (FACTORY_NOT_FOUND, VERSION_CONFLICT). */
async function openFactory(tx: Tx, factoryId: string, version: number): Promise<{ factory: Factory; key: string }> {
  const factory = await tx.findFactory(factoryId);
  if (!factory) return abort({ code: 'FACTORY_NOT_FOUND', message: `No factory "${factoryId}".` });
  if (factory.version !== version)
    abort({ code: 'VERSION_CONFLICT', message: `${factory.name} was changed by someone else; reload and retry.` });
  const supplier = await tx.findSupplier(factory.supplierId);
  return { factory, key: `${supplier?.name ?? ''} ${factory.name}`.trim() };
}

export interface UpdateFactoryInput {
  readonly actor: Actor;
  readonly factoryId: string;
  readonly version: number;
  readonly name?: string | undefined;
  readonly city?: string | undefined;
  readonly country?: string | undefined;
  readonly timeZone?: string | undefined;
  readonly reason?: string | undefined;
}

/**
 * Edits a factory's name, city, country or time zone (workspace admins), at the version read. Its
 * country and zone set the calendar of the programs made there: they stay while an active or on-hold
 * program is (FACTORY_IN_USE); drafts made there take the new place, programs past draft keep theirs.
 */
export function updateFactory(deps: AppDeps, input: UpdateFactoryInput): Promise<Result<Factory>> {
  const place = checkPlace(input.country, input.timeZone);
  if (!place.ok) return Promise.resolve(place);
  return workspaceWrite(deps, target(input.actor, input.reason), async ({ tx, meta, metaForAnother }) => {
    const { factory: before, key } = await openFactory(tx, input.factoryId, input.version);
    const name = input.name?.trim();
    const siblings = (await tx.listSuppliers()).find((s) => s.supplier.id === before.supplierId)?.factories ?? [];
    if (name !== undefined && siblings.some((f) => f.id !== before.id && f.name.toLowerCase() === name.toLowerCase())) {
      abort({
        code: 'VALIDATION_FAILED',
        message: `The supplier already has a factory named "${name}".`,
        fields: [{ path: 'name', message: 'Already in use at this supplier; give the factory a name of its own.' }],
      });
    }
    const set = {
      ...(name !== undefined ? { name } : {}),
      ...(input.city !== undefined ? { city: input.city.trim() } : {}),
      ...(input.country !== undefined ? { country: input.country.toUpperCase() } : {}),
      ...(input.timeZone !== undefined ? { timeZone: input.timeZone } : {}),
    };
    const after = { ...before, ...set };
    const changing = (['country', 'timeZone'] as const).filter((f) => after[f] !== before[f]);
    must(checkPlaceChange(before.name, changing, await tx.listProgramsAtFactories([before.id])));
    await updateRecord(deps, tx, { entity: 'factory', id: before.id, programId: null, entityKey: key, meta }, before, set);
    await draftsFollow(deps, tx, [before.id], metaForAnother, (p) => draftFollowing(p, before, after));
    return { ...after, version: JSON.stringify(after) === JSON.stringify(before) ? before.version : before.version + 1 };
  });
}

/** Archives a factory (workspace admins): no longer offered for new programs; refused while an open program is made there. */
export function archiveFactory(
  deps: AppDeps,
  input: { actor: Actor; factoryId: string; version: number; reason?: string | undefined },
): Promise<Result<Factory>> {
  return workspaceWrite(deps, target(input.actor, input.reason), async ({ tx, meta, now }) => {
    const { factory: before, key } = await openFactory(tx, input.factoryId, input.version);
    if (before.archivedAt !== null) abort({ code: 'NOTHING_TO_CHANGE', message: `${before.name} is already archived.` });
    must(checkArchivable('factory', await tx.listProgramsAtFactories([before.id])));
    const archivedAt = now.toISOString();
    await updateRecord(deps, tx, { entity: 'factory', id: before.id, programId: null, entityKey: key, meta }, before, { archivedAt });
    return { ...before, archivedAt, version: before.version + 1 };
  });
}
