import type { z } from 'zod';
import { decideDecision } from '../app/decisions/decide-decision.js';
import { decisionQueue } from '../app/decisions/decision-queue.js';
import { editDecision } from '../app/decisions/edit-decision.js';
import { getDecision } from '../app/decisions/get-decision.js';
import { listDecisions } from '../app/decisions/list-decisions.js';
import { requestDecision } from '../app/decisions/request-decision.js';
import { supersedeDecision } from '../app/decisions/supersede-decision.js';
import type { AppDeps } from '../app/deps.js';
import type {
  DecideSchema,
  Decision,
  EditDecisionSchema,
  RequestDecisionSchema,
  SupersededSchema,
  SupersedeSchema,
} from '../contract/decision.js';
import type { PlainDate } from '../domain/plain-date.js';
import { ok, type Result } from '../domain/result.js';
import { decisionJson, supersessionJson } from '../present/decisions-json.js';
import type { As, Call, Items } from './backend-parts.js';
import { withCurrentAsJson } from './backend-parts.js';

// The decision commands' part of the Backend (cli/backend.ts), on the database and over the API:
// the same JSON and the same refusals either way.

export type RequestDecisionBody = z.output<typeof RequestDecisionSchema>;
export type EditDecisionBody = z.output<typeof EditDecisionSchema>;
export type DecideBody = z.output<typeof DecideSchema>;
export type SupersedeBody = z.output<typeof SupersedeSchema>;
export type SupersededJson = z.infer<typeof SupersededSchema>;

export interface DecisionQuery {
  /** "me", a person's id or e-mail address; absent: everybody's. */
  readonly ownerId?: string | undefined;
}

/** The decision log and queue, as the Backend offers them. */
export interface DecisionBackend {
  listDecisions(programId: string): Promise<Result<Decision[]>>;
  /** By id or key (D-7, any case); DECISION_NOT_FOUND when the program has none such. */
  getDecision(programId: string, decisionId: string): Promise<Result<Decision>>;
  requestDecision(programId: string, body: RequestDecisionBody): Promise<Result<Decision>>;
  /** Refusals with VERSION_CONFLICT carry the current decision (as JSON) in `current`. */
  editDecision(programId: string, decisionId: string, body: EditDecisionBody): Promise<Result<Decision>>;
  decideDecision(programId: string, decisionId: string, body: DecideBody): Promise<Result<Decision>>;
  supersedeDecision(programId: string, decisionId: string, body: SupersedeBody): Promise<Result<SupersededJson>>;
  /** Open decisions across the programs the person sees: overdue first, then by due date. */
  decisionQueue(query: DecisionQuery): Promise<Result<Decision[]>>;
}

/** A use case's result as JSON, with the current state of a VERSION_CONFLICT as JSON too. */
const asJson = withCurrentAsJson(decisionJson);

/** The decision commands on the database, acting as the session's person (see database-backend.ts). */
export function decisionsOnDatabase(deps: AppDeps, as: As): DecisionBackend {
  return {
    listDecisions: (programId) => as(async (a) => asJson(await listDecisions(deps, { programId, actor: a }), (v) => v.map(decisionJson))),
    getDecision: (programId, decisionId) =>
      as(async (a) => asJson(await getDecision(deps, { programId, decisionId, actor: a }), decisionJson)),
    requestDecision: (programId, b) =>
      as(async (a) =>
        asJson(
          await requestDecision(deps, {
            programId,
            actor: a,
            statement: b.statement,
            context: b.context,
            options: b.options,
            ownerId: b.ownerId,
            dueDate: b.dueDate as PlainDate | null | undefined,
            links: b.links,
          }),
          decisionJson,
        ),
      ),
    editDecision: (programId, decisionId, { version, ...patch }) =>
      as(async (a) =>
        asJson(
          await editDecision(deps, {
            programId,
            decisionId,
            version,
            actor: a,
            patch: { ...patch, dueDate: patch.dueDate as PlainDate | null | undefined },
          }),
          decisionJson,
        ),
      ),
    decideDecision: (programId, decisionId, b) =>
      as(async (a) => asJson(await decideDecision(deps, { programId, decisionId, actor: a, ...b }), decisionJson)),
    supersedeDecision: (programId, decisionId, b) =>
      as(async (a) => asJson(await supersedeDecision(deps, { programId, decisionId, actor: a, ...b }), supersessionJson)),
    decisionQueue: (q) => as(async (a) => ok((await decisionQueue(deps, { actor: a, ownerId: q.ownerId })).map(decisionJson))),
  };
}

/** The decision commands over the HTTP API (see server-backend.ts): `call` answers a JSON body, `items` a list's items. */
export function decisionsOverHttp(call: Call, items: Items): DecisionBackend {
  const seg = encodeURIComponent;
  const url = (programId: string, decisionId?: string, action = '') =>
    `/programs/${seg(programId)}/decisions${decisionId === undefined ? '' : `/${seg(decisionId)}`}${action}`;
  return {
    listDecisions: (programId) => items<Decision>({ method: 'GET', path: url(programId) }),
    getDecision: (programId, decisionId) => call<Decision>({ method: 'GET', path: url(programId, decisionId) }),
    requestDecision: (programId, body) => call<Decision>({ method: 'POST', path: url(programId), body }),
    editDecision: (programId, decisionId, body) => call<Decision>({ method: 'PATCH', path: url(programId, decisionId), body }),
    decideDecision: (programId, decisionId, body) => call<Decision>({ method: 'POST', path: url(programId, decisionId, '/decide'), body }),
    supersedeDecision: (programId, decisionId, body) =>
      call<SupersededJson>({ method: 'POST', path: url(programId, decisionId, '/supersede'), body }),
    decisionQueue: (q) => items<Decision>({ method: 'GET', path: '/decision-queue', query: { ownerId: q.ownerId } }),
  };
}
