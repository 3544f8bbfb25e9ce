import { checkArchivable, draftFollowingSupplier } from '../../domain/factory-use.js';
import type { Program } from '../../domain/program.js';
import type { Result } from '../../domain/result.js';
import type { Actor, AppDeps } from '../deps.js';
import type { Columns, Factory, Supplier, Tx } from '../ports.js';
import { abort, must } from '../transact.js';
import { updateRecord } from '../write-record.js';
import { type WriteContext, workspaceWrite } from '../write-sequence.js';
import { checkPlace } from './clients.js';

export interface SupplierWithFactories {
  readonly supplier: Supplier;
  readonly factories: readonly Factory[];
}

const target = (actor: Actor, reason: string | undefined) => ({ actor, permission: 'programs.manage', lock: 'suppliers', reason }) as const;

/** The supplier at the version read, with its factories (SUPPLIER_NOT_FOUND, VERSION_CONFLICT). */
async function openSupplier(tx: Tx, supplierId: string, version: number): Promise<SupplierWithFactories> {
  const found = (await tx.listSuppliers()).find((s) => s.supplier.id === supplierId);
  if (!found) return abort({ code: 'SUPPLIER_NOT_FOUND', message: `No supplier "${supplierId}".` });
  if (found.supplier.version !== version)
    abort({ code: 'VERSION_CONFLICT', message: `${found.supplier.name} was changed by someone else; reload and retry.` });
  return found;
}

export interface UpdateSupplierInput {
  readonly actor: Actor;
  readonly supplierId: string;
  readonly version: number;
  readonly name?: string | undefined;
  readonly country?: string | undefined;
  readonly reason?: string | undefined;
}

/**
 * Renames a supplier or corrects its head office's country (workspace admins), at the version read.
 * Drafts made at its factories take the new name; programs past draft keep the name they were set up with.
 */
export function updateSupplier(deps: AppDeps, input: UpdateSupplierInput): Promise<Result<SupplierWithFactories>> {
  const place = checkPlace(input.country, undefined);
  if (!place.ok) return Promise.resolve(place);
  return workspaceWrite(deps, target(input.actor, input.reason), async ({ tx, meta, metaForAnother }) => {
    const { supplier: before, factories } = await openSupplier(tx, input.supplierId, input.version);
    const name = input.name?.trim();
    if (
      name !== undefined &&
      (await tx.listSuppliers()).some((s) => s.supplier.id !== before.id && s.supplier.name.toLowerCase() === name.toLowerCase())
    )
      abort({
        code: 'VALIDATION_FAILED',
        message: `A supplier named "${name}" exists.`,
        fields: [{ path: 'name', message: 'Already in use.' }],
      });
    const set = {
      ...(name !== undefined ? { name } : {}),
      ...(input.country !== undefined ? { country: input.country.toUpperCase() } : {}),
    };
    await updateRecord(deps, tx, { entity: 'supplier', id: before.id, programId: null, entityKey: before.name, meta }, before, set);
    if (name !== undefined && name !== before.name)
      await draftsFollow(
        deps,
        tx,
        factories.map((f) => f.id),
        metaForAnother,
        (p) => draftFollowingSupplier(p, name),
      );
    const after = { ...before, ...set };
    return {
      supplier: { ...after, version: JSON.stringify(after) === JSON.stringify(before) ? before.version : before.version + 1 },
      factories,
    };
  });
}

/** Archives a supplier (workspace admins): its factories are no longer offered; refused while open programs are made there. */
export function archiveSupplier(
  deps: AppDeps,
  input: { actor: Actor; supplierId: string; version: number; reason?: string | undefined },
): Promise<Result<SupplierWithFactories>> {
  return workspaceWrite(deps, target(input.actor, input.reason), async ({ tx, meta, now }) => {
    const { supplier: before, factories } = await openSupplier(tx, input.supplierId, input.version);
    if (before.archivedAt !== null) abort({ code: 'NOTHING_TO_CHANGE', message: `${before.name} is already archived.` });
    must(checkArchivable('supplier', await tx.listProgramsAtFactories(factories.map((f) => f.id))));
    const archivedAt = now.toISOString();
    await updateRecord(deps, tx, { entity: 'supplier', id: before.id, programId: null, entityKey: before.name, meta }, before, {
      archivedAt,
    });
    return { supplier: { ...before, archivedAt, version: before.version + 1 }, factories };
  });
}

/** Writes what each program made at these factories takes from an edit (drafts only), each as a record of its own. */
export async function draftsFollow(
  deps: AppDeps,
  tx: Tx,
  factoryIds: readonly string[],
  metaForAnother: WriteContext['metaForAnother'],
  follow: (p: Program) => Partial<Columns['program']>,
): Promise<void> {
  for (const p of await tx.listProgramsAtFactories(factoryIds)) {
    const set = follow(p);
    if (Object.keys(set).length === 0) continue;
    await updateRecord(deps, tx, { entity: 'program', id: p.id, programId: p.id, entityKey: p.code, meta: metaForAnother() }, p, set);
  }
}
