import { getProgram } from '../app/get-program.js';
import { listPrograms } from '../app/list-programs.js';
import type { Client, Factory, Supplier } from '../app/ports.js';
import { archiveClient, createClient, listClients, updateClient } from '../app/setup/clients.js';
import { archiveFactory, updateFactory } from '../app/setup/edit-factory.js';
import { archiveSupplier, type SupplierWithFactories, updateSupplier } from '../app/setup/edit-supplier.js';
import { createProgram, previewCopy, setProgramArchived, updateProgram } from '../app/setup/programs.js';
import { createFactory, createSupplier, listSuppliers } from '../app/setup/suppliers.js';
import type { setupOperations } from '../contract/operations/setup.js';
import type { PlainDate } from '../domain/plain-date.js';
import type { Program } from '../domain/program.js';
import { ok, type Result } from '../domain/result.js';
import { programJson } from '../present/api-json.js';
import { copyNoteJson } from '../present/copy-notes.js';
import { type Bindings, type OperationContext, presented } from './binding.js';

const clientJson = (c: Client) => ({
  id: c.id,
  name: c.name,
  country: c.country,
  timeZone: c.timeZone,
  contacts: c.contacts.map((k) => ({ ...k })),
  archivedAt: c.archivedAt,
  version: c.version,
});
const factoryJson = (f: Factory) => ({ ...f });
const supplierJson = (s: Supplier, factories: readonly Factory[]) => ({ ...s, factories: factories.map(factoryJson) });
const withFactoriesJson = (s: SupplierWithFactories) => supplierJson(s.supplier, s.factories);

/** A program just written, as its reader sees it (read after commit: health, rights, people). */
async function programAnswer(ctx: OperationContext, written: Result<Program>) {
  if (!written.ok) return written;
  const view = await getProgram(ctx.app, { programId: written.value.id, actor: ctx.actor });
  return presented(view, programJson);
}

/** Clients, suppliers and factories, programs made, edited, copied and archived (contract/operations/setup.ts). */
export const setupBindings: Bindings<keyof typeof setupOperations> = {
  listClients: async ({ app, actor }, { query }) =>
    presented(await listClients(app, { actor, archived: query.archived === 'true' }), (items) => ({ items: items.map(clientJson) })),

  createClient: async ({ app, actor }, { body }) => presented(await createClient(app, { actor, ...body }), clientJson),

  updateClient: async ({ app, actor }, { params, body }) =>
    presented(await updateClient(app, { actor, clientId: params.clientId, ...body }), clientJson),

  archiveClient: async ({ app, actor }, { params, body }) =>
    presented(await archiveClient(app, { actor, clientId: params.clientId, ...body }), clientJson),

  listSuppliers: async ({ app }, { query }) =>
    presented(await listSuppliers(app, { archived: query.archived === 'true' }), (items) => ({ items: items.map(withFactoriesJson) })),

  createSupplier: async ({ app, actor }, { body }) => presented(await createSupplier(app, { actor, ...body }), (s) => supplierJson(s, [])),

  createFactory: async ({ app, actor }, { params, body }) =>
    presented(await createFactory(app, { actor, supplierId: params.supplierId, ...body }), factoryJson),

  updateSupplier: async ({ app, actor }, { params, body }) =>
    presented(await updateSupplier(app, { actor, supplierId: params.supplierId, ...body }), withFactoriesJson),

  archiveSupplier: async ({ app, actor }, { params, body }) =>
    presented(await archiveSupplier(app, { actor, supplierId: params.supplierId, ...body }), withFactoriesJson),

  updateFactory: async ({ app, actor }, { params, body }) =>
    presented(await updateFactory(app, { actor, factoryId: params.factoryId, ...body }), factoryJson),

  archiveFactory: async ({ app, actor }, { params, body }) =>
    presented(await archiveFactory(app, { actor, factoryId: params.factoryId, ...body }), factoryJson),

  createProgram: async (ctx, { body }) =>
    programAnswer(
      ctx,
      await createProgram(ctx.app, {
        ...body,
        actor: ctx.actor,
        status: 'draft',
        targetReleaseDate: body.targetReleaseDate as PlainDate | null | undefined,
        planStart: body.planStart as PlainDate | undefined,
        copyFrom: body.copyFrom
          ? { programId: body.copyFrom.programId, startDate: body.copyFrom.startDate as PlainDate, owners: body.copyFrom.owners }
          : undefined,
      }),
    ),

  updateProgram: async (ctx, { params, body }) =>
    programAnswer(ctx, await updateProgram(ctx.app, { ...body, actor: ctx.actor, programId: params.programId })),

  archiveProgram: async (ctx, { params, body }) =>
    programAnswer(ctx, await setProgramArchived(ctx.app, { ...body, actor: ctx.actor, programId: params.programId, archived: true })),

  restoreProgram: async (ctx, { params, body }) =>
    programAnswer(ctx, await setProgramArchived(ctx.app, { ...body, actor: ctx.actor, programId: params.programId, archived: false })),

  listArchivedPrograms: async ({ app, actor, signal }) =>
    ok({ items: (await listPrograms(app, { actor, signal, archived: true })).map(programJson) }),

  copyPreview: async ({ app, actor }, { params, body }) => {
    const r = await previewCopy(app, { actor, programId: params.programId, ...body, startDate: body.startDate as PlainDate });
    if (!r.ok) return r;
    const p = r.value;
    // Everyone the preview names, in one read: new owners, source owners and who may own.
    const ids = [...p.milestones.flatMap((m) => (m.ownerId ? [m.ownerId] : [])), ...p.owners.map((o) => o.id), ...p.possibleOwners];
    const people = new Map((await app.store.reads.findUsers(ids)).map((u) => [u.id as string, { id: u.id as string, name: u.name }]));
    const person = (id: string | null) => (id === null ? null : (people.get(id) ?? { id, name: 'someone' }));
    const name = (id: string) => people.get(id)?.name ?? 'someone';
    return ok({
      source: { id: p.source.id, code: p.source.code, name: p.source.name },
      start: p.start,
      timeZone: p.factory.timeZone,
      country: p.factory.country,
      targetReleaseDate: p.targetReleaseDate,
      notes: p.notes.map((n) => copyNoteJson(n, name)),
      owners: p.owners.map((o) => ({ id: o.id, name: name(o.id), milestones: o.milestones, mapsTo: person(o.to), isChosen: o.isChosen })),
      possibleOwners: p.possibleOwners.flatMap((id) => people.get(id) ?? []).sort((a, b) => a.name.localeCompare(b.name)),
      milestones: p.milestones.map((m) => ({
        sourceKey: m.sourceKey,
        key: m.key,
        name: m.name,
        phase: m.phase,
        sourceDate: m.sourceDate,
        date: m.date,
        owner: person(m.ownerId),
        sourceOwner: person(m.sourceOwnerId),
        notes: m.notes.map((n) => copyNoteJson(n, name)),
      })),
      links: [...p.links],
    });
  },
};
