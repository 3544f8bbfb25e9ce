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
  DecisionListSchema,
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
import { request } from './http.js';

export type { Action, Decision, MyWeek, Risk };
export type DecisionList = z.infer<typeof DecisionListSchema>;
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

const enc = encodeURIComponent;
const program = (programId: string) => `/api/v1/programs/${enc(programId)}`;
const decision = (programId: string, id: string) => `${program(programId)}/decisions/${enc(id)}`;
const risk = (programId: string, id: string) => `${program(programId)}/risks/${enc(id)}`;
const action = (programId: string, id: string) => `${program(programId)}/actions/${enc(id)}`;

/** Decisions, risks, actions and "my week", typed by the API contract. */
export const recordsApi = {
  myWeek: (signal?: AbortSignal) => request<MyWeek>('GET', '/api/v1/me/week', undefined, signal),
  myDecisionQueue: (signal?: AbortSignal) => request<DecisionList>('GET', '/api/v1/decision-queue?ownerId=me', undefined, signal),

  listDecisions: (programId: string, signal?: AbortSignal) =>
    request<DecisionList>('GET', `${program(programId)}/decisions`, undefined, signal),
  getDecision: (programId: string, id: string, signal?: AbortSignal) =>
    request<Decision>('GET', decision(programId, id), undefined, signal),
  requestDecision: (programId: string, body: RequestDecisionBody) => request<Decision>('POST', `${program(programId)}/decisions`, body),
  editDecision: (programId: string, id: string, body: EditDecisionBody) => request<Decision>('PATCH', decision(programId, id), body),
  decide: (programId: string, id: string, body: DecideBody) => request<Decision>('POST', `${decision(programId, id)}/decide`, body),
  supersede: (programId: string, id: string, body: SupersedeBody) =>
    request<Superseded>('POST', `${decision(programId, id)}/supersede`, body),

  listRisks: (programId: string, signal?: AbortSignal) => request<RiskRegister>('GET', `${program(programId)}/risks`, undefined, signal),
  getRisk: (programId: string, id: string, signal?: AbortSignal) => request<RiskDetail>('GET', risk(programId, id), undefined, signal),
  raiseRisk: (programId: string, body: RaiseRiskBody) => request<Risk>('POST', `${program(programId)}/risks`, body),
  updateRisk: (programId: string, id: string, body: UpdateRiskBody) => request<Risk>('PATCH', risk(programId, id), body),
  closeRisk: (programId: string, id: string, body: EndRiskBody) => request<Risk>('POST', `${risk(programId, id)}/close`, body),
  realizeRisk: (programId: string, id: string, body: RealizeRiskBody) =>
    request<{ risk: Risk; action: Action }>('POST', `${risk(programId, id)}/realize`, body),

  listActions: (programId: string, signal?: AbortSignal) =>
    request<ActionList>('GET', `${program(programId)}/actions?status=all`, undefined, signal),
  openAction: (programId: string, body: OpenActionBody) => request<Action>('POST', `${program(programId)}/actions`, body),
  editAction: (programId: string, id: string, body: EditActionBody) => request<Action>('PATCH', action(programId, id), body),
  markDone: (programId: string, id: string, body: MarkDoneBody) => request<Action>('POST', `${action(programId, id)}/done`, body),
  confirmAction: (programId: string, id: string, body: ConfirmBody) => request<Action>('POST', `${action(programId, id)}/confirm`, body),
  reopenAction: (programId: string, id: string, body: ReopenBody) => request<Action>('POST', `${action(programId, id)}/reopen`, body),
  recordEffectiveness: (programId: string, id: string, body: EffectivenessBody) =>
    request<Action>('POST', `${action(programId, id)}/effectiveness`, body),
};
