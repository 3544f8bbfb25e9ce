import type { Result } from '../../domain/result.js';
import type { Actor, AppDeps } from '../deps.js';
import type { Tx } from '../ports.js';
import { checkPlace } from '../setup/clients.js';
import { abort } from '../transact.js';
import { updateRecord } from '../write-record.js';
import { writeSequence } from '../write-sequence.js';
import { getMe, type MeView } from './get-me.js';

export interface UpdateMeInput {
  readonly actor: Actor;
  /** The account's version the person read (GET /me). */
  readonly version: number;
  readonly name?: string | undefined;
  /** An IANA zone: every instant is shown to the person in it. */
  readonly timeZone?: string | undefined;
  /** The leadership view by e-mail each Monday morning. */
  readonly hasLeadershipMail?: boolean | undefined;
}

/**
 * Changes one's own name, time zone or leadership-view e-mail, at the version read: anyone signed in, on their own account
 * only (the actor is the account). Each changed field is logged old → new under the person.
 */
export async function updateMe(deps: AppDeps, input: UpdateMeInput): Promise<Result<MeView>> {
  const place = checkPlace(undefined, input.timeZone);
  if (!place.ok) return place;
  const open = async (tx: Tx) => {
    const user = await tx.findUser(input.actor.id);
    if (!user || user.status === 'removed') return abort({ code: 'UNAUTHENTICATED', message: 'Sign in again.' });
    if (user.version !== input.version) {
      abort({
        code: 'VERSION_CONFLICT',
        message: `Your account was changed elsewhere (you read version ${input.version}, it is now ${user.version}); reload and retry.`,
      });
    }
    return { user };
  };
  return writeSequence(
    deps,
    { actorId: input.actor.id, reason: 'Changed in their own account.', open },
    async ({ tx, meta, user }) => {
      const set = {
        ...(input.name !== undefined ? { name: input.name.trim() } : {}),
        ...(input.timeZone !== undefined ? { timeZone: input.timeZone } : {}),
        ...(input.hasLeadershipMail !== undefined ? { hasLeadershipMail: input.hasLeadershipMail } : {}),
      };
      await updateRecord(deps, tx, { entity: 'user', id: user.id, programId: null, meta }, user, set);
    },
    () => getMe(deps, { actor: input.actor }),
  );
}
