import { decideDecision } from '../app/decisions/decide-decision.js';
import { decisionQueue } from '../app/decisions/decision-queue.js';
import type { DecisionView } from '../app/decisions/decision-view.js';
import { editDecision } from '../app/decisions/edit-decision.js';
import { getDecision } from '../app/decisions/get-decision.js';
import { listDecisions } from '../app/decisions/list-decisions.js';
import { requestDecision } from '../app/decisions/request-decision.js';
import { supersedeDecision } from '../app/decisions/supersede-decision.js';
import type { decisionOperations } from '../contract/operations/decisions.js';
import type { PlainDate } from '../domain/plain-date.js';
import { ok } from '../domain/result.js';
import { decisionJson, supersessionJson } from '../present/decisions-json.js';
import { type Bindings, presented } from './binding.js';
import { todayOf, warned } from './warnings.js';

/** The decision log and queue (contract/operations/decisions.ts). */
export const decisionBindings: Bindings<keyof typeof decisionOperations> = {
  listDecisions: async ({ app, actor }, { params, query }) =>
    presented(await listDecisions(app, { programId: params.programId, actor, ...query }), (page) => ({
      items: page.items.map(decisionJson),
      nextCursor: page.nextCursor,
      period: { ...page.period },
    })),

  requestDecision: async ({ app, actor }, { params, body: b }) => {
    const r = await requestDecision(app, {
      programId: params.programId,
      actor,
      statement: b.statement,
      context: b.context,
      options: b.options,
      ownerId: b.ownerId,
      dueDate: b.dueDate as PlainDate | null | undefined,
      links: b.links,
    });
    return presented(r, warned(r, decisionJson, todayOf(app.clock.now()), { dueDate: b.dueDate }));
  },

  getDecision: async ({ app, actor }, { params }) => presented(await getDecision(app, { ...params, actor }), decisionJson),

  editDecision: async ({ app, actor }, { params, body: { version, ...patch } }) => {
    const r = await editDecision(app, {
      ...params,
      version,
      actor,
      patch: { ...patch, dueDate: patch.dueDate as PlainDate | null | undefined },
    });
    return presented(r, warned(r, decisionJson, todayOf(app.clock.now()), { dueDate: patch.dueDate }));
  },

  decideDecision: async ({ app, actor }, { params, body }) =>
    presented(await decideDecision(app, { ...params, actor, ...body }), decisionJson),

  // A VERSION_CONFLICT carries the decision asked about as it is now, not a supersession.
  supersedeDecision: async ({ app, actor }, { params, body }) =>
    presented(await supersedeDecision(app, { ...params, actor, ...body }), supersessionJson, (current: DecisionView) =>
      decisionJson(current),
    ),

  decisionQueue: async ({ app, actor }, { query }) =>
    ok({ items: (await decisionQueue(app, { actor, ownerId: query.ownerId })).map(decisionJson) }),
};
