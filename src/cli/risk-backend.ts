import type { AppDeps } from '../app/deps.js';
import { closeRisk } from '../app/risks/close-risk.js';
import { getRisk } from '../app/risks/get-risk.js';
import { listRisks } from '../app/risks/list-risks.js';
import { raiseRisk } from '../app/risks/raise-risk.js';
import { realizeRisk } from '../app/risks/realize-risk.js';
import { riskChanges } from '../app/risks/risk-changes.js';
import { updateRisk } from '../app/risks/update-risk.js';
import type { RiskChange } from '../contract/risk.js';
import type { UserId } from '../domain/ids.js';
import type { PlainDate } from '../domain/plain-date.js';
import { realizedRiskJson, riskChangeJson, riskDetailJson, riskJson, riskRegisterJson } from '../present/risks-json.js';
import type { Backend } from './backend.js';
import type { As, Call, Items } from './backend-parts.js';
import { withCurrentAsJson } from './backend-parts.js';

// The risk commands' part of the Backend (cli/backend.ts), on the database and over the API: the
// same JSON and the same refusals either way.

export type RiskBackend = Pick<Backend, 'listRisks' | 'getRisk' | 'raiseRisk' | 'updateRisk' | 'closeRisk' | 'realizeRisk' | 'riskChanges'>;

/** A use case's result as JSON, with the current state of a VERSION_CONFLICT as JSON too. */
const asJson = withCurrentAsJson(riskJson);

/** The risk commands on the database, acting as the session's person (see database-backend.ts). */
export function risksOnDatabase(deps: AppDeps, as: As): RiskBackend {
  return {
    listRisks: (programId) => as(async (a) => asJson(await listRisks(deps, { programId, actor: a }), riskRegisterJson)),
    getRisk: (programId, riskId) => as(async (a) => asJson(await getRisk(deps, { programId, riskId, actor: a }), riskDetailJson)),
    raiseRisk: (programId, b) =>
      as(async (a) =>
        asJson(await raiseRisk(deps, { programId, actor: a, ...b, reviewDate: b.reviewDate as PlainDate | null | undefined }), riskJson),
      ),
    updateRisk: (programId, riskId, { version, reason, ...patch }) =>
      as(async (a) =>
        asJson(
          await updateRisk(deps, {
            programId,
            riskId,
            version,
            reason,
            actor: a,
            patch: {
              ...patch,
              ownerId: patch.ownerId as UserId | null | undefined,
              reviewDate: patch.reviewDate as PlainDate | null | undefined,
            },
          }),
          riskJson,
        ),
      ),
    closeRisk: (programId, riskId, b) => as(async (a) => asJson(await closeRisk(deps, { programId, riskId, actor: a, ...b }), riskJson)),
    realizeRisk: (programId, riskId, { version, reason, action }) =>
      as(async (a) =>
        asJson(
          await realizeRisk(deps, {
            programId,
            riskId,
            version,
            reason,
            actor: a,
            action: action && { ...action, dueDate: action.dueDate as PlainDate | null | undefined },
          }),
          realizedRiskJson,
        ),
      ),
    riskChanges: (programId, q) =>
      as(async (a) =>
        asJson(
          await riskChanges(deps, { programId, actor: a, since: q.since as PlainDate, until: q.until as PlainDate }),
          (items): RiskChange[] => items.map(riskChangeJson),
        ),
      ),
  };
}

/** The risk commands over the API (see server-backend.ts): the same documents the routes send. */
export function risksOverHttp(call: Call, items: Items): RiskBackend {
  const seg = encodeURIComponent;
  const url = (programId: string, riskId?: string, action = '') =>
    `/programs/${seg(programId)}/risks${riskId === undefined ? '' : `/${seg(riskId)}`}${action}`;
  return {
    listRisks: (programId) => call({ method: 'GET', path: url(programId) }),
    getRisk: (programId, riskId) => call({ method: 'GET', path: url(programId, riskId) }),
    raiseRisk: (programId, body) => call({ method: 'POST', path: url(programId), body }),
    updateRisk: (programId, riskId, body) => call({ method: 'PATCH', path: url(programId, riskId), body }),
    closeRisk: (programId, riskId, body) => call({ method: 'POST', path: url(programId, riskId, '/close'), body }),
    realizeRisk: (programId, riskId, body) => call({ method: 'POST', path: url(programId, riskId, '/realize'), body }),
    riskChanges: (programId, query) =>
      items<RiskChange>({ method: 'GET', path: `/programs/${seg(programId)}/risk-changes`, query: { ...query } }),
  };
}
