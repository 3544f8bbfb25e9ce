import { listUpdateRequests } from '../app/update-requests/list-update-requests.js';
import { revokeUpdateRequest } from '../app/update-requests/revoke-update-request.js';
import type { updateRequestOperations } from '../contract/operations/update-requests.js';
import { updateRequestListJson } from '../present/update-requests-json.js';
import { type Bindings, presented } from './binding.js';

/** Update requests before the weekly report (contract/operations/update-requests.ts). */
export const updateRequestBindings: Bindings<keyof typeof updateRequestOperations> = {
  listUpdateRequests: async ({ app, actor }, { params, query }) =>
    presented(await listUpdateRequests(app, { actor, programId: params.programId, week: query.week }), updateRequestListJson),
  revokeUpdateRequest: async ({ app, actor }, { params, body }) =>
    presented(await revokeUpdateRequest(app, { actor, ...params, reason: body.reason }), updateRequestListJson),
};
