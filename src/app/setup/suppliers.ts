import { asFactoryId, asSupplierId } from '../../domain/ids.js';
import { permitSupplierSetup } from '../../domain/policy.js';
import { ok, type Result } from '../../domain/result.js';
import type { Actor, AppDeps } from '../deps.js';
import type { Factory, Supplier, Tx } from '../ports.js';
import { abort, must } from '../transact.js';
import { insertRecord } from '../write-record.js';
import { writeSequence } from '../write-sequence.js';
import { checkPlace } from './clients.js';

const opening = (actor: Actor) => ({
  actorId: actor.id,
  open: async (tx: Tx) => {
    must(permitSupplierSetup(actor));
    await tx.lock('suppliers');
    return {};
  },
});

export interface NewSupplier {
  readonly actor: Actor;
  readonly name: string;
  readonly country: string;
}

/** Adds a supplier (admins and cadence owners); names are unique, whatever their case. */
export function createSupplier(deps: AppDeps, input: NewSupplier): Promise<Result<Supplier>> {
  const place = checkPlace(input.country, undefined);
  if (!place.ok) return Promise.resolve(place);
  return writeSequence(
    deps,
    opening(input.actor),
    async ({ tx, meta }) => {
      const name = input.name.trim();
      if ((await tx.listSuppliers()).some((s) => s.supplier.name.toLowerCase() === name.toLowerCase())) {
        abort({
          code: 'VALIDATION_FAILED',
          message: `A supplier named "${name}" exists.`,
          fields: [{ path: 'name', message: 'Already in use.' }],
        });
      }
      const id = asSupplierId(deps.newId());
      const values = { name, country: input.country.toUpperCase(), archivedAt: null };
      await insertRecord(deps, tx, { entity: 'supplier', id, programId: null, entityKey: name, meta }, values);
      return { id, ...values, version: 1 };
    },
    ({ value }) => value,
  );
}

export interface NewFactory {
  readonly actor: Actor;
  readonly supplierId: string;
  readonly name?: string | undefined;
  readonly city: string;
  readonly country: string;
  readonly timeZone: string;
}

/** Adds a factory to a supplier: its country's holidays and its time zone become its programs' defaults. */
export function createFactory(deps: AppDeps, input: NewFactory): Promise<Result<Factory>> {
  const place = checkPlace(input.country, input.timeZone);
  if (!place.ok) return Promise.resolve(place);
  return writeSequence(
    deps,
    opening(input.actor),
    async ({ tx, meta }) => insertFactory(deps, tx, meta, input),
    ({ value }) => value,
  );
}

/** The factory's insert, for a write that already holds the suppliers' lock. */
export async function insertFactory(
  deps: AppDeps,
  tx: Tx,
  meta: Parameters<typeof insertRecord>[2] extends infer T ? (T extends { meta: infer M } ? M : never) : never,
  input: Omit<NewFactory, 'actor'>,
): Promise<Factory> {
  const supplier = await tx.findSupplier(input.supplierId);
  if (!supplier) return abort({ code: 'SUPPLIER_NOT_FOUND', message: `No supplier "${input.supplierId}".` });
  const name = (input.name ?? '').trim() || input.city.trim();
  const existing = (await tx.listSuppliers()).find((s) => s.supplier.id === supplier.id)?.factories ?? [];
  if (existing.some((f) => f.name.toLowerCase() === name.toLowerCase())) {
    abort({
      code: 'VALIDATION_FAILED',
      message: `${supplier.name} already has a factory named "${name}".`,
      fields: [{ path: 'name', message: 'Already in use at this supplier; give the factory a name of its own.' }],
    });
  }
  const id = asFactoryId(deps.newId());
  const values = {
    supplierId: supplier.id,
    name,
    city: input.city.trim(),
    country: input.country.toUpperCase(),
    timeZone: input.timeZone,
    archivedAt: null,
  };
  await insertRecord(deps, tx, { entity: 'factory', id, programId: null, entityKey: `${supplier.name} ${name}`, meta }, values);
  return { id, ...values, version: 1 };
}

/**
 * Every supplier with its factories (anyone signed in: a supplier's record is seen across programs);
 * archived suppliers and factories only when asked, as they are no longer offered for new programs.
 */
export async function listSuppliers(
  deps: AppDeps,
  input: { archived?: boolean | undefined } = {},
): Promise<Result<{ supplier: Supplier; factories: Factory[] }[]>> {
  const all = await deps.store.reads.listSuppliers();
  if (input.archived) return ok(all);
  return ok(
    all
      .filter((s) => s.supplier.archivedAt === null)
      .map((s) => ({ supplier: s.supplier, factories: s.factories.filter((f) => f.archivedAt === null) })),
  );
}
