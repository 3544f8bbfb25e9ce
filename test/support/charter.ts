import { type CharterView, getCharter } from '../../src/app/charter/get-charter.js';
import { setCharter } from '../../src/app/charter/set-charter.js';
import { unwrap } from '../../src/app/create-records.js';
import type { Actor, AppDeps } from '../../src/app/deps.js';
import type { Charter } from '../../src/domain/charter.js';
import type { UserId } from '../../src/domain/ids.js';

/**
 * A complete kickoff charter, everything said: `personId` decides, is the one level of escalation and
 * receives the weekly report (Friday 16:00), so a program with one person on it can be activated.
 */
export function completeCharter(personId: string, over: Partial<Charter> = {}): Charter {
  const id = personId as UserId;
  return {
    decisionOwnerId: id,
    escalationPath: [id],
    successDefinitions: {
      G1: 'Golden sample signed; drawings and BOM frozen.',
      G2: 'Pilot run at the planned quantity, first-article inspection passed.',
      G3: 'Yield on target for four weeks.',
      G4: 'First shipment released on time.',
    },
    weeklyReport: { weekday: 5, time: '16:00', recipientIds: [id], recipientEmails: [], autoIssue: false },
    leadershipReview: { scoreAtLeast: 15, unresolvedDays: 10 },
    ...over,
  };
}

/**
 * Writes a complete kickoff charter for the program (id or code) through the setCharter use case, at the
 * version it has, as `actor` (its cadence owner: charter.edit), so the program may be activated. Everyone
 * it names is `actor` unless `over` says otherwise.
 */
export async function writeCompleteCharter(
  deps: AppDeps,
  programId: string,
  actor: Actor,
  over: Partial<Charter> = {},
): Promise<CharterView> {
  const { version } = unwrap(await getCharter(deps, { programId, actor }));
  return unwrap(
    await setCharter(deps, {
      programId,
      actor,
      charter: completeCharter(actor.id, over),
      version,
      reason: 'Kick-off agreed',
    }),
  );
}
