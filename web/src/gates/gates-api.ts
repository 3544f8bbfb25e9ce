import { type QueryClient, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { AddEvidenceSchema } from '../../../src/contract/evidence.js';
import type {
  AcceptItemSchema,
  DecideGateSchema,
  EvidenceSchema,
  GateDocument,
  ProgramGatesDocument,
  RecommendGateSchema,
  RejectItemSchema,
  ReopenItemSchema,
  SubmitItemSchema,
  UpdateGateSchema,
  WaiveItemSchema,
} from '../../../src/contract/gate.js';
import { callOperation, request } from '../lib/http.js';
import { invalidateRecords } from '../lib/record-queries.js';

export type Evidence = z.infer<typeof EvidenceSchema>;
export type Gate = GateDocument;
export type GateItem = Gate['items'][number];
export type ProgramGates = ProgramGatesDocument;
export type GateSummary = ProgramGates['gates'][number];
export type SubmitBody = z.input<typeof SubmitItemSchema>;
export type AcceptBody = z.input<typeof AcceptItemSchema>;
export type RejectBody = z.input<typeof RejectItemSchema>;
export type WaiveBody = z.input<typeof WaiveItemSchema>;
export type ReopenBody = z.input<typeof ReopenItemSchema>;
export type RecommendBody = z.input<typeof RecommendGateSchema>;
export type DecideGateBody = z.input<typeof DecideGateSchema>;
export type UpdateGateBody = z.input<typeof UpdateGateSchema>;
/** Evidence given as words: a link (url) or a note. */
export type EvidenceTextBody = z.input<typeof AddEvidenceSchema>;

const enc = encodeURIComponent;
const itemPath = (programId: string, gateKey: string, itemKey: string) =>
  `/api/v1/programs/${enc(programId)}/gates/${enc(gateKey)}/items/${enc(itemKey)}`;
const itemParams = (programId: string, gateKey: string, itemKey: string) => ({ params: { programId, gateKey, itemKey } });

/** A program's phase gates and the steps on them, typed by the API contract. */
export const gatesApi = {
  listGates: (programId: string, signal?: AbortSignal) => callOperation('listGates', { params: { programId } }, signal),
  getGate: (programId: string, gateKey: string, signal?: AbortSignal) =>
    callOperation('getGate', { params: { programId, gateKey } }, signal),
  submit: (programId: string, gateKey: string, itemKey: string, body: SubmitBody) =>
    callOperation('submitChecklistItem', { ...itemParams(programId, gateKey, itemKey), body }),
  accept: (programId: string, gateKey: string, itemKey: string, body: AcceptBody) =>
    callOperation('acceptChecklistItem', { ...itemParams(programId, gateKey, itemKey), body }),
  reject: (programId: string, gateKey: string, itemKey: string, body: RejectBody) =>
    callOperation('rejectChecklistItem', { ...itemParams(programId, gateKey, itemKey), body }),
  waive: (programId: string, gateKey: string, itemKey: string, body: WaiveBody) =>
    callOperation('waiveChecklistItem', { ...itemParams(programId, gateKey, itemKey), body }),
  reopen: (programId: string, gateKey: string, itemKey: string, body: ReopenBody) =>
    callOperation('reopenChecklistItem', { ...itemParams(programId, gateKey, itemKey), body }),
  recommend: (programId: string, gateKey: string, body: RecommendBody) =>
    callOperation('recommendGate', { params: { programId, gateKey }, body }),
  decide: (programId: string, gateKey: string, body: DecideGateBody) =>
    callOperation('decideGate', { params: { programId, gateKey }, body }),
  /** The cadence owner's set-up of a gate: owner, gatekeepers, review milestone, warning period. */
  update: (programId: string, gateKey: string, body: UpdateGateBody) =>
    callOperation('updateGate', { params: { programId, gateKey }, body }),

  // Evidence (files, links, notes) on an item.
  addEvidence: (programId: string, gateKey: string, itemKey: string, body: EvidenceTextBody) =>
    callOperation('addEvidence', { ...itemParams(programId, gateKey, itemKey), body }),
  uploadEvidence: (programId: string, gateKey: string, itemKey: string, file: File, title: string) => {
    const form = new FormData();
    if (title.trim() !== '') form.append('title', title.trim());
    form.append('file', file);
    return request<Evidence>('POST', `${itemPath(programId, gateKey, itemKey)}/evidence/files`, form);
  },
  /** At the version read, so a piece changed meanwhile is not taken off unseen. */
  removeEvidence: (programId: string, gateKey: string, itemKey: string, evidence: Pick<Evidence, 'id' | 'version'>) =>
    callOperation('removeEvidence', {
      params: { programId, gateKey, itemKey, evidenceId: evidence.id },
      query: { version: evidence.version },
    }),
};

/** Where a file of evidence is downloaded from. */
export const evidenceFileUrl = (programId: string, evidenceId: string) =>
  `/api/v1/programs/${enc(programId)}/evidence/${enc(evidenceId)}/file`;

/** The gate checklist pack as a PDF. */
export const gatePackPdfUrl = (programId: string, gateKey: string) => `/api/v1/programs/${enc(programId)}/gates/${enc(gateKey)}/pack.pdf`;

export const gateKeys = {
  gates: (programId: string) => ['program', programId, 'gates'] as const,
  gate: (programId: string, gateKey: string) => ['program', programId, 'gates', gateKey] as const,
  charter: (programId: string) => ['program', programId, 'charter'] as const,
};

export const useGates = (programId: string) =>
  useQuery({ queryKey: gateKeys.gates(programId), queryFn: ({ signal }) => gatesApi.listGates(programId, signal) });

export const useGate = (programId: string, gateKey: string) =>
  useQuery({ queryKey: gateKeys.gate(programId, gateKey), queryFn: ({ signal }) => gatesApi.getGate(programId, gateKey, signal) });

/** After a step on a gate: the gate, its program (phase, health), the records a decision opened, "my week". */
export function invalidateGates(client: QueryClient, programId: string, gate?: Gate): Promise<void> {
  if (gate) client.setQueryData(gateKeys.gate(programId, gate.key), gate);
  return invalidateRecords(client, programId);
}
