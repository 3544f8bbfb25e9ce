import { useCurrentUser } from '../auth/session.js';
import { useProgram } from '../lib/queries.js';
import type { GateFacts } from './gate-rights.js';

/** The decision owner and quality owners the gate rules go by, as the server sends them with the gate. */
export interface GateReviewers {
  readonly decisionOwnerId: string | null;
  readonly qualityOwnerIds: readonly string[];
}

/**
 * Who the signed-in person is to the program's gates: their roles, and the decision owner and quality
 * owners exactly as the server's gate rules name them (sent with the gate). Undefined until both are loaded.
 */
export function useGateFacts(code: string, reviewers: GateReviewers | undefined): GateFacts | undefined {
  const me = useCurrentUser();
  const program = useProgram(code).data;
  if (!program || !reviewers) return undefined;
  return {
    meId: me.id,
    myRoles: program.myRoles,
    decisionOwnerId: reviewers.decisionOwnerId,
    qualityOwnerIds: reviewers.qualityOwnerIds,
  };
}
