import { closeRisk } from '../app/risks/close-risk.js';
import { getRisk } from '../app/risks/get-risk.js';
import { listRisks } from '../app/risks/list-risks.js';
import { raiseRisk } from '../app/risks/raise-risk.js';
import { realizeRisk } from '../app/risks/realize-risk.js';
import { riskChanges } from '../app/risks/risk-changes.js';
import type { RiskView } from '../app/risks/risk-views.js';
import { updateRisk } from '../app/risks/update-risk.js';
import type { riskOperations } from '../contract/operations/risks.js';
import type { UserId } from '../domain/ids.js';
import type { PlainDate } from '../domain/plain-date.js';
import { realizedRiskJson, riskChangeJson, riskDetailJson, riskJson, riskRegisterJson } from '../present/risks-json.js';
import { type Bindings, presented } from './binding.js';

/** The risk register and each risk's life (contract/operations/risks.ts). */
export const riskBindings: Bindings<keyof typeof riskOperations> = {
  listRisks: async ({ app, actor }, { params }) => presented(await listRisks(app, { ...params, actor }), riskRegisterJson),

  raiseRisk: async ({ app, actor }, { params, body: b }) =>
    presented(await raiseRisk(app, { ...params, actor, ...b, reviewDate: b.reviewDate as PlainDate | null | undefined }), riskJson),

  getRisk: async ({ app, actor }, { params }) => presented(await getRisk(app, { ...params, actor }), riskDetailJson),

  updateRisk: async ({ app, actor }, { params, body: { version, reason, ...patch } }) =>
    presented(
      await updateRisk(app, {
        ...params,
        version,
        actor,
        reason,
        patch: {
          ...patch,
          ownerId: patch.ownerId as UserId | null | undefined,
          reviewDate: patch.reviewDate as PlainDate | null | undefined,
        },
      }),
      riskJson,
    ),

  closeRisk: async ({ app, actor }, { params, body }) => presented(await closeRisk(app, { ...params, ...body, actor }), riskJson),

  // A refusal's current state is the risk (as after any other risk write), not the pair.
  realizeRisk: async ({ app, actor }, { params, body: { version, reason, action } }) =>
    presented(
      await realizeRisk(app, {
        ...params,
        version,
        reason,
        actor,
        action: { ...action, dueDate: action.dueDate as PlainDate | null | undefined },
      }),
      realizedRiskJson,
      (current: RiskView) => riskJson(current),
    ),

  riskChanges: async ({ app, actor }, { params, query }) =>
    presented(await riskChanges(app, { ...params, actor, since: query.since as PlainDate, until: query.until as PlainDate }), (items) => ({
      items: items.map(riskChangeJson),
    })),
};
