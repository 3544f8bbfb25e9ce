import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  ClientSchema,
  CopyNoteSchema,
  CopyPreviewRequestSchema,
  CopyPreviewSchema,
  CreateClientSchema,
  CreateFactorySchema,
  CreateProgramSchema,
  CreateSupplierSchema,
  FactorySchema,
  SupplierSchema,
  UpdateClientSchema,
  UpdateFactorySchema,
  UpdateProgramSchema,
  UpdateSupplierSchema,
} from '../../../src/contract/setup.js';
import { callOperation } from '../lib/http.js';

export type Client = z.infer<typeof ClientSchema>;
export type Supplier = z.infer<typeof SupplierSchema>;
export type Factory = z.infer<typeof FactorySchema>;
export type CopyPreview = z.infer<typeof CopyPreviewSchema>;
export type CopyNote = z.infer<typeof CopyNoteSchema>;
export type CreateProgram = z.input<typeof CreateProgramSchema>;
export type UpdateProgram = z.input<typeof UpdateProgramSchema>;

export const setupKeys = {
  allClients: ['clients', 'all'] as const,
  /** Those offered for new programs; `allSuppliers` has the archived ones too. Invalidating this one refreshes both. */
  suppliers: ['suppliers'] as const,
  allSuppliers: ['suppliers', 'all'] as const,
  archivedPrograms: ['programs', 'archived'] as const,
  templates: ['templates'] as const,
};

/** Setting up a workspace: clients, suppliers and factories, programs made, edited, archived and restored. */
export const setupApi = {
  listAllClients: (signal?: AbortSignal) => callOperation('listClients', { query: { archived: 'true' } }, signal),
  createClient: (body: z.input<typeof CreateClientSchema>) => callOperation('createClient', { body }),
  updateClient: (clientId: string, body: z.input<typeof UpdateClientSchema>) =>
    callOperation('updateClient', { params: { clientId }, body }),
  archiveClient: (clientId: string, body: { version: number; reason?: string }) =>
    callOperation('archiveClient', { params: { clientId }, body }),
  listSuppliers: (signal?: AbortSignal) => callOperation('listSuppliers', { query: {} }, signal),
  listAllSuppliers: (signal?: AbortSignal) => callOperation('listSuppliers', { query: { archived: 'true' } }, signal),
  createSupplier: (body: z.input<typeof CreateSupplierSchema>) => callOperation('createSupplier', { body }),
  createFactory: (supplierId: string, body: z.input<typeof CreateFactorySchema>) =>
    callOperation('createFactory', { params: { supplierId }, body }),
  updateSupplier: (supplierId: string, body: z.input<typeof UpdateSupplierSchema>) =>
    callOperation('updateSupplier', { params: { supplierId }, body }),
  archiveSupplier: (supplierId: string, body: { version: number; reason?: string }) =>
    callOperation('archiveSupplier', { params: { supplierId }, body }),
  updateFactory: (factoryId: string, body: z.input<typeof UpdateFactorySchema>) =>
    callOperation('updateFactory', { params: { factoryId }, body }),
  archiveFactory: (factoryId: string, body: { version: number; reason?: string }) =>
    callOperation('archiveFactory', { params: { factoryId }, body }),
  createProgram: (body: CreateProgram) => callOperation('createProgram', { body }),
  updateProgram: (programId: string, body: UpdateProgram) => callOperation('updateProgram', { params: { programId }, body }),
  archiveProgram: (programId: string, body: { version: number; reason?: string }) =>
    callOperation('archiveProgram', { params: { programId }, body }),
  restoreProgram: (programId: string, body: { version: number; reason?: string }) =>
    callOperation('restoreProgram', { params: { programId }, body }),
  listArchivedPrograms: (signal?: AbortSignal) => callOperation('listArchivedPrograms', {}, signal),
  copyPreview: (programId: string, body: z.input<typeof CopyPreviewRequestSchema>) =>
    callOperation('copyPreview', { params: { programId }, body }),
  listTemplates: (signal?: AbortSignal) => callOperation('listTemplates', {}, signal),
};

/** Every client, archived ones too (admins). */
export const useAllClients = (enabled = true) =>
  useQuery({ queryKey: setupKeys.allClients, queryFn: ({ signal }) => setupApi.listAllClients(signal), enabled });

export const useSuppliers = (enabled = true) =>
  useQuery({ queryKey: setupKeys.suppliers, queryFn: ({ signal }) => setupApi.listSuppliers(signal), staleTime: 5 * 60_000, enabled });

/** Every supplier and factory, archived ones too (the suppliers page). */
export const useAllSuppliers = (enabled = true) =>
  useQuery({ queryKey: setupKeys.allSuppliers, queryFn: ({ signal }) => setupApi.listAllSuppliers(signal), enabled });

/** The program templates: shipped and the workspace's own (archived ones too; forms offer the others). */
export const useTemplates = (enabled = true) =>
  useQuery({ queryKey: setupKeys.templates, queryFn: ({ signal }) => setupApi.listTemplates(signal), staleTime: 60_000, enabled });

export const useArchivedPrograms = () =>
  useQuery({ queryKey: setupKeys.archivedPrograms, queryFn: ({ signal }) => setupApi.listArchivedPrograms(signal) });

/** The IANA time zones this browser knows, for a picker. */
export function timeZones(): readonly string[] {
  const intl = Intl as { supportedValuesOf?: (key: string) => string[] };
  const zones = intl.supportedValuesOf?.('timeZone') ?? [];
  return zones.includes('UTC') ? zones : ['UTC', ...zones];
}
