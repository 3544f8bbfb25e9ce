import { getEscalation, listEscalations } from '../app/escalations/list-escalations.js';
import { listTriggers, setTrigger } from '../app/escalations/triggers.js';
import { acknowledgeEscalation, reassignEscalation, resolveEscalation } from '../app/escalations/work-escalation.js';
import type { escalationOperations } from '../contract/operations/escalations.js';
import type { UserId } from '../domain/ids.js';
import { escalationJson, triggersJson } from '../present/escalations-json.js';
import { type Bindings, presented } from './binding.js';

/** Escalation triggers and the escalation tracker (contract/operations/escalations.ts). */
export const escalationBindings: Bindings<keyof typeof escalationOperations> = {
  listTriggers: async ({ app, actor }, { params }) =>
    presented(await listTriggers(app, { programId: params.programId, actor }), triggersJson),
  setTrigger: async ({ app, actor }, { params, body }) => {
    const { version, reason, owner, ...rest } = body;
    const setting = {
      ...rest,
      kind: params.kind,
      owner: owner.kind === 'person' ? { kind: 'person' as const, userId: owner.userId as UserId } : owner,
    };
    return presented(await setTrigger(app, { programId: params.programId, actor, version, reason, setting }), triggersJson);
  },
  listProgramEscalations: async ({ app, actor }, { params, query }) =>
    presented(await listEscalations(app, { actor, programId: params.programId, ...query }), (page) => ({
      items: page.items.map(escalationJson),
      nextCursor: page.nextCursor,
    })),
  getEscalation: async ({ app, actor }, { params }) => presented(await getEscalation(app, { actor, ...params }), escalationJson),
  listEscalations: async ({ app, actor }, { query }) =>
    presented(
      await listEscalations(app, { actor, mine: query.owner === 'me', status: query.status, limit: query.limit, cursor: query.cursor }),
      (page) => ({
        items: page.items.map(escalationJson),
        nextCursor: page.nextCursor,
      }),
    ),
  acknowledgeEscalation: async ({ app, actor }, { params, body }) =>
    presented(await acknowledgeEscalation(app, { ...params, version: body.version, actor }), escalationJson),
  resolveEscalation: async ({ app, actor }, { params, body }) =>
    presented(await resolveEscalation(app, { ...params, ...body, actor }), escalationJson),
  reassignEscalation: async ({ app, actor }, { params, body }) =>
    presented(await reassignEscalation(app, { ...params, ...body, actor }), escalationJson),
};
