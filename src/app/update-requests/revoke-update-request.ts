import type { Result } from '../../domain/result.js';
import type { Actor, AppDeps } from '../deps.js';
import { abort } from '../transact.js';
import { updateRecord } from '../write-record.js';
import { programWrite } from '../write-sequence.js';
import { type UpdateRequestList, updateRequestList } from './list-update-requests.js';

export interface RevokeUpdateRequestInput {
  readonly actor: Actor;
  readonly programId: string;
  readonly requestId: string;
  readonly reason?: string | null | undefined;
}

/**
 * Withdraws a request's signed link (the cadence owner: report.issue): from then on it opens nothing. Written through
 * the one write path (who, when, why); answers the week's requests as they are now.
 */
export function revokeUpdateRequest(deps: AppDeps, input: RevokeUpdateRequestInput): Promise<Result<UpdateRequestList>> {
  return programWrite(
    deps,
    { programId: input.programId, actor: input.actor, permission: 'report.issue', locksProgram: true, reason: input.reason },
    async ({ tx, program, meta }) => {
      const r = await tx.findUpdateRequest(input.requestId);
      if (!r || r.programId !== program.id)
        return abort({ code: 'UPDATE_REQUEST_NOT_FOUND', message: `No update request "${input.requestId}" in ${program.code}.` });
      if (r.linkExpiresAt === null)
        return abort({
          code: 'NOTHING_TO_CHANGE',
          message: 'This owner signs in to Tollgate: their request has no link to withdraw.',
        });
      if (r.revokedAt !== null) return abort({ code: 'NOTHING_TO_CHANGE', message: 'This link was withdrawn already.' });
      await updateRecord(deps, tx, { entity: 'update_request', id: r.id, programId: program.id, entityKey: r.week, meta }, r, {
        revokedAt: meta.at,
        revokedById: input.actor.id,
      });
      return { program, week: r.week };
    },
    async ({ value, now }) => updateRequestList(deps.store.reads, value.program, value.week, now),
  );
}
