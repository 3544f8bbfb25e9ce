import { addEvidence } from '../app/gates/add-evidence.js';
import { decideGate, recommendGate } from '../app/gates/decide.js';
import type { EvidenceView, GateDetailView, ProgramGatesView } from '../app/gates/gate-view.js';
import { getGate, listGates } from '../app/gates/get-gates.js';
import { removeEvidence } from '../app/gates/remove-evidence.js';
import { updateGate, updateItem } from '../app/gates/update-gate.js';
import { acceptItem, rejectItem, reopenItem, submitItem, waiveItem } from '../app/gates/work-item.js';
import type { gateOperations } from '../contract/operations/gates.js';
import type { UserId } from '../domain/ids.js';
import type { PlainDate } from '../domain/plain-date.js';
import { type Bindings, type OperationAnswer, presented } from './binding.js';

type Mutable<T> = T extends string | number | boolean | null | undefined
  ? T
  : T extends readonly (infer U)[]
    ? Mutable<U>[]
    : { -readonly [K in keyof T]: Mutable<T[K]> };
/** The views are the documents (their read-only lists aside): the response schemas encode them as they are. */
const gateDocument = (v: GateDetailView): OperationAnswer<'getGate'> => v as Mutable<GateDetailView>;
const evidenceDocument = (v: EvidenceView): OperationAnswer<'addEvidence'> => v as Mutable<EvidenceView>;
const gatesDocument = (v: ProgramGatesView): OperationAnswer<'listGates'> => v as Mutable<ProgramGatesView>;

/** A program's phase gates (contract/operations/gates.ts). */
export const gateBindings: Bindings<keyof typeof gateOperations> = {
  listGates: async ({ app, actor }, { params }) => presented(await listGates(app, { ...params, actor }), gatesDocument),
  getGate: async ({ app, actor }, { params }) => presented(await getGate(app, { ...params, actor }), gateDocument),
  updateGate: async ({ app, actor }, { params, body }) => presented(await updateGate(app, { ...params, ...body, actor }), gateDocument),
  recommendGate: async ({ app, actor }, { params, body }) =>
    presented(await recommendGate(app, { ...params, ...body, actor }), gateDocument),
  decideGate: async ({ app, actor }, { params, body }) =>
    presented(
      await decideGate(app, {
        ...params,
        ...body,
        actor,
        conditions: body.conditions?.map((c) => ({
          text: c.text,
          ownerId: c.ownerId as UserId | null,
          dueDate: c.dueDate as PlainDate | null,
        })),
      }),
      gateDocument,
    ),
  updateChecklistItem: async ({ app, actor }, { params, body }) =>
    presented(await updateItem(app, { ...params, ...body, dueDate: body.dueDate as PlainDate | null | undefined, actor }), gateDocument),
  submitChecklistItem: async ({ app, actor }, { params, body }) =>
    presented(await submitItem(app, { ...params, ...body, actor }), gateDocument),
  acceptChecklistItem: async ({ app, actor }, { params, body }) =>
    presented(await acceptItem(app, { ...params, ...body, actor }), gateDocument),
  rejectChecklistItem: async ({ app, actor }, { params, body }) =>
    presented(await rejectItem(app, { ...params, ...body, actor }), gateDocument),
  waiveChecklistItem: async ({ app, actor }, { params, body }) =>
    presented(await waiveItem(app, { ...params, ...body, actor }), gateDocument),
  reopenChecklistItem: async ({ app, actor }, { params, body }) =>
    presented(await reopenItem(app, { ...params, ...body, actor }), gateDocument),
  addEvidence: async ({ app, actor }, { params, body }) => {
    const { kind, title, url, note, eventId, reason } = body;
    const evidence =
      kind === 'link'
        ? { kind, title, url: url ?? '' }
        : kind === 'event'
          ? { kind, title, eventId: eventId ?? '' }
          : { kind, title, note: note ?? '' };
    return presented(await addEvidence(app, { ...params, actor, reason, evidence }), evidenceDocument);
  },
  removeEvidence: async ({ app, actor }, { params, query }) =>
    presented(await removeEvidence(app, { ...params, ...query, actor }), evidenceDocument),
};
