import type { z } from 'zod';
import type {
  Action,
  ActionListSchema,
  ConfirmSchema,
  EditActionSchema,
  EffectivenessSchema,
  MarkDoneSchema,
  OpenActionSchema,
  ReopenSchema,
} from '../../../src/contract/action.js';
import type {
  DecideSchema,
  Decision,
  DecisionPageSchema,
  DecisionsQuerySchema,
  EditDecisionSchema,
  RequestDecisionSchema,
  SupersededSchema,
  SupersedeSchema,
} from '../../../src/contract/decision.js';
import type { MyWeek } from '../../../src/contract/my-week.js';
import type {
  EndRiskSchema,
  RaiseRiskSchema,
  RealizeRiskSchema,
  Risk,
  RiskDetailSchema,
  RiskRegisterSchema,
  UpdateRiskSchema,
} from '../../../src/contract/risk.js';
import { callOperation } from './http.js';

export type { Action, Decision, MyWeek, Risk };
export type DecisionPage = z.infer<typeof DecisionPageSchema>;
export type Superseded = z.infer<typeof SupersededSchema>;
export type RiskRegister = z.infer<typeof RiskRegisterSchema>;
export type RiskDetail = z.infer<typeof RiskDetailSchema>;
export type HeatCell = RiskRegister['heatMap']['current'][number];
export type ActionList = z.infer<typeof ActionListSchema>;

export type RequestDecisionBody = z.input<typeof RequestDecisionSchema>;
export type EditDecisionBody = z.input<typeof EditDecisionSchema>;
export type DecideBody = z.input<typeof DecideSchema>;
export type SupersedeBody = z.input<typeof SupersedeSchema>;
export type RaiseRiskBody = z.input<typeof RaiseRiskSchema>;
export type UpdateRiskBody = z.input<typeof UpdateRiskSchema>;
export type EndRiskBody = z.input<typeof EndRiskSchema>;
export type RealizeRiskBody = z.input<typeof RealizeRiskSchema>;
export type OpenActionBody = z.input<typeof OpenActionSchema>;
export type EditActionBody = z.input<typeof EditActionSchema>;
export type MarkDoneBody = z.input<typeof MarkDoneSchema>;
export type ConfirmBody = z.input<typeof ConfirmSchema>;
export type ReopenBody = z.input<typeof ReopenSchema>;
export type EffectivenessBody = z.input<typeof EffectivenessSchema>;

/** What the decision pages ask of the log: which decisions, in which order, how many a page. */
export type DecisionsQuery = Omit<z.input<typeof DecisionsQuerySchema>, 'cursor'>;

/** Actions per page ("Show more actions" fetches the next); open ones come first, so one page is usually all that is open. */
export const actionPageSize = 100;

/** Decisions, risks, actions and "my week", typed by the API contract. */
export const recordsApi = {
  myWeek: (signal?: AbortSignal) => callOperation('myWeek', {}, signal),
  myDecisionQueue: (signal?: AbortSignal) => callOperation('decisionQueue', { query: { ownerId: 'me' } }, signal),

  /** A page of the decision log; `cursor` is the page before's nextCursor (with the same query). */
  listDecisions: (programId: string, query: DecisionsQuery, signal?: AbortSignal, cursor?: string) =>
    callOperation('listDecisions', { params: { programId }, query: { ...query, cursor } }, signal),
  getDecision: (programId: string, decisionId: string, signal?: AbortSignal) =>
    callOperation('getDecision', { params: { programId, decisionId } }, signal),
  requestDecision: (programId: string, body: RequestDecisionBody) => callOperation('requestDecision', { params: { programId }, body }),
  editDecision: (programId: string, decisionId: string, body: EditDecisionBody) =>
    callOperation('editDecision', { params: { programId, decisionId }, body }),
  decide: (programId: string, decisionId: string, body: DecideBody) =>
    callOperation('decideDecision', { params: { programId, decisionId }, body }),
  supersede: (programId: string, decisionId: string, body: SupersedeBody) =>
    callOperation('supersedeDecision', { params: { programId, decisionId }, body }),

  listRisks: (programId: string, signal?: AbortSignal) => callOperation('listRisks', { params: { programId } }, signal),
  getRisk: (programId: string, riskId: string, signal?: AbortSignal) => callOperation('getRisk', { params: { programId, riskId } }, signal),
  raiseRisk: (programId: string, body: RaiseRiskBody) => callOperation('raiseRisk', { params: { programId }, body }),
  updateRisk: (programId: string, riskId: string, body: UpdateRiskBody) =>
    callOperation('updateRisk', { params: { programId, riskId }, body }),
  closeRisk: (programId: string, riskId: string, body: EndRiskBody) => callOperation('closeRisk', { params: { programId, riskId }, body }),
  realizeRisk: (programId: string, riskId: string, body: RealizeRiskBody) =>
    callOperation('realizeRisk', { params: { programId, riskId }, body }),

  /** A page of the program's actions in work order; `cursor` is the page before's nextCursor. */
  listActions: (programId: string, signal?: AbortSignal, cursor?: string) =>
    callOperation('listActions', { params: { programId }, query: { status: 'all', limit: actionPageSize, cursor } }, signal),
  openAction: (programId: string, body: OpenActionBody) => callOperation('openAction', { params: { programId }, body }),
  editAction: (programId: string, actionId: string, body: EditActionBody) =>
    callOperation('editAction', { params: { programId, actionId }, body }),
  markDone: (programId: string, actionId: string, body: MarkDoneBody) =>
    callOperation('markActionDone', { params: { programId, actionId }, body }),
  confirmAction: (programId: string, actionId: string, body: ConfirmBody) =>
    callOperation('confirmAction', { params: { programId, actionId }, body }),
  reopenAction: (programId: string, actionId: string, body: ReopenBody) =>
    callOperation('reopenAction', { params: { programId, actionId }, body }),
  recordEffectiveness: (programId: string, actionId: string, body: EffectivenessBody) =>
    callOperation('recordEffectiveness', { params: { programId, actionId }, body }),
};
