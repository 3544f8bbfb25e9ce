import { defineOperations, readRefusals, writeRefusals } from '../operation.js';
import { ProgramParamsSchema } from '../program.js';
import {
  RevokeUpdateRequestSchema,
  UpdateRequestListSchema,
  UpdateRequestParamsSchema,
  UpdateRequestsQuerySchema,
} from '../update-request.js';

const tags = ['reports'];

/** Update requests before the weekly report: who was asked and who answered; withdrawing a signed link. */
export const updateRequestOperations = defineOperations({
  listUpdateRequests: {
    method: 'GET',
    path: '/programs/:programId/update-requests',
    tags,
    summary: "Who was asked to update their items before a week's report (?week=2026-W49), and who answered",
    description:
      'One request per owner: when asked, the items (due, overdue or untouched), when they first updated or confirmed one since (answeredAt, null while not), and the signed link of a person without an account.',
    params: ProgramParamsSchema,
    query: UpdateRequestsQuerySchema,
    status: 200,
    response: UpdateRequestListSchema,
    refusals: [...readRefusals, 422],
  },
  revokeUpdateRequest: {
    method: 'POST',
    path: '/programs/:programId/update-requests/:requestId/revoke',
    tags,
    summary: "Withdraw a request's signed link (the cadence owner): it opens nothing from then on",
    params: UpdateRequestParamsSchema,
    body: RevokeUpdateRequestSchema,
    status: 200,
    response: UpdateRequestListSchema,
    refusals: writeRefusals,
  },
});
