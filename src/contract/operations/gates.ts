import { AddEvidenceSchema, EvidenceParamsSchema, RemoveEvidenceQuerySchema } from '../evidence.js';
import {
  AcceptItemSchema,
  DecideGateSchema,
  EvidenceSchema,
  GateParamsSchema,
  GateSchema,
  ItemParamsSchema,
  ProgramGatesSchema,
  RecommendGateSchema,
  RejectItemSchema,
  ReopenItemSchema,
  SubmitItemSchema,
  UpdateGateSchema,
  UpdateItemSchema,
  WaiveItemSchema,
} from '../gate.js';
import { defineOperations, readRefusals, writeRefusals } from '../operation.js';
import { ProgramParamsSchema } from '../program.js';

const tags = ['gates'];
/** A step on one checklist item: answers the gate as it then is. */
const item = (summary: string) =>
  ({ method: 'POST', params: ItemParamsSchema, tags, summary, status: 200, response: GateSchema, refusals: writeRefusals }) as const;

/** A program's phase gates: checklist evidence, recommendations and decisions. */
export const gateOperations = defineOperations({
  listGates: {
    method: 'GET',
    path: '/programs/:programId/gates',
    tags,
    summary: "The program's gates in order, each with its readiness and checklist counts, and the current phase",
    params: ProgramParamsSchema,
    status: 200,
    response: ProgramGatesSchema,
    refusals: readRefusals,
    kept: 'program',
  },
  getGate: {
    method: 'GET',
    path: '/programs/:programId/gates/:gateKey',
    tags,
    summary: 'One gate: owner, close criteria, planned review, readiness, checklist with evidence, recommendations and last decision',
    params: GateParamsSchema,
    status: 200,
    response: GateSchema,
    refusals: readRefusals,
    kept: 'program',
  },
  updateGate: {
    method: 'PATCH',
    path: '/programs/:programId/gates/:gateKey',
    tags,
    summary: "Set a gate's owner, gatekeepers, review milestone or warning period (cadence owner)",
    description: 'A new review milestone dates the items not yet accepted or waived again, each its template offset before the review.',
    params: GateParamsSchema,
    body: UpdateGateSchema,
    status: 200,
    response: GateSchema,
    refusals: writeRefusals,
  },
  recommendGate: {
    method: 'POST',
    path: '/programs/:programId/gates/:gateKey/recommendations',
    tags,
    summary: 'A gatekeeper named on the gate records a recommendation for this review (anything but go says why)',
    params: GateParamsSchema,
    body: RecommendGateSchema,
    status: 200,
    response: GateSchema,
    refusals: writeRefusals,
  },
  decideGate: {
    method: 'POST',
    path: '/programs/:programId/gates/:gateKey/decision',
    tags,
    summary: "Record the gate's outcome (go, conditional go, hold, recycle, stop) as a decided decision in the decision log",
    description:
      'Only the decider the template names (the decision owner, or the gate owner). Go and conditional go are refused (409 GATE_NOT_READY) while a required item is neither accepted nor waived, listing them in `errors`, and (GATE_CONDITION_OPEN) while a condition of an earlier gate is open. Each condition of a conditional go becomes an action; recycle reopens the items its reasons name; stop closes the program.',
    params: GateParamsSchema,
    body: DecideGateSchema,
    status: 200,
    response: GateSchema,
    refusals: writeRefusals,
  },
  updateChecklistItem: {
    ...item("Set a checklist item's owner or due date (cadence owner)"),
    method: 'PATCH',
    path: '/programs/:programId/gates/:gateKey/items/:itemKey',
    body: UpdateItemSchema,
  },
  submitChecklistItem: {
    ...item("The item's owner submits its evidence for review (evidence attached, or a note)"),
    path: '/programs/:programId/gates/:gateKey/items/:itemKey/submit',
    body: SubmitItemSchema,
  },
  acceptChecklistItem: {
    ...item('The gate owner or a quality owner accepts submitted evidence (not their own)'),
    path: '/programs/:programId/gates/:gateKey/items/:itemKey/accept',
    body: AcceptItemSchema,
  },
  rejectChecklistItem: {
    ...item('The gate owner or a quality owner rejects submitted evidence, saying why'),
    path: '/programs/:programId/gates/:gateKey/items/:itemKey/reject',
    body: RejectItemSchema,
  },
  waiveChecklistItem: {
    ...item('Waive an item not yet accepted by linking a decided decision of the program'),
    path: '/programs/:programId/gates/:gateKey/items/:itemKey/waive',
    body: WaiveItemSchema,
  },
  reopenChecklistItem: {
    ...item('Reopen an accepted or waived item, with a reason (gate owner or quality owner)'),
    path: '/programs/:programId/gates/:gateKey/items/:itemKey/reopen',
    body: ReopenItemSchema,
  },
  addEvidence: {
    method: 'POST',
    path: '/programs/:programId/gates/:gateKey/items/:itemKey/evidence',
    tags,
    summary: "Attach a link or a note to a checklist item (its owner, the gate's owner or a quality owner; files: …/evidence/files)",
    description:
      'While the item is open or rejected (409 EVIDENCE_STATE once submitted, accepted or waived: reopen first) and its gate not settled; at most 50 pieces per item (409 EVIDENCE_LIMIT_REACHED). A link is an absolute http(s) URL of at most 2000 characters; a note at most 5000 characters.',
    params: ItemParamsSchema,
    body: AddEvidenceSchema,
    status: 201,
    response: EvidenceSchema,
    refusals: writeRefusals,
  },
  removeEvidence: {
    method: 'DELETE',
    path: '/programs/:programId/gates/:gateKey/items/:itemKey/evidence/:evidenceId',
    tags,
    summary: 'Take a piece of evidence off its item (same people and item states as attaching); a file stays kept for the record',
    params: EvidenceParamsSchema,
    query: RemoveEvidenceQuerySchema,
    status: 200,
    response: EvidenceSchema,
    refusals: writeRefusals,
  },
});
