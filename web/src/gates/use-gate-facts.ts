import { useCurrentUser } from '../auth/session.js';
import { useProgram, useProgramPeople } from '../lib/queries.js';
import type { GateFacts } from './gate-rights.js';
import { useCharter } from './gates-api.js';

/**
 * Who the signed-in person is to the program's gates: their roles, the program's decision owner (the
 * charter's, else whoever holds the role) and its quality owners. Undefined until all are loaded.
 */
export function useGateFacts(code: string): GateFacts | undefined {
  const me = useCurrentUser();
  const program = useProgram(code).data;
  const people = useProgramPeople(code).data?.items;
  const charter = useCharter(code);
  if (!program || !people || charter.isPending) return undefined;
  const holders = (role: string) => people.filter((p) => p.roles.some((r) => r === role)).map((p) => p.id);
  return {
    meId: me.id,
    myRoles: program.myRoles,
    decisionOwnerId: charter.data?.decisionOwnerId ?? holders('decision_owner')[0] ?? null,
    qualityOwnerIds: holders('quality_owner'),
  };
}
