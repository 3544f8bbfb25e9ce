import { ok, type Result, refuse } from '../../domain/result.js';
import type { AppDeps } from '../deps.js';
import type { InviteRecord, Reads, User } from '../ports.js';
import { hashSecret } from './secrets.js';

export interface OpenInvite {
  readonly invite: InviteRecord;
  /** The invited person; null for the setup link, which creates the first admin. */
  readonly user: User | null;
}

const invalid = () => refuse<OpenInvite>('INVITE_INVALID', 'This link is unknown, already used or expired. Ask an admin for a new one.');

/** An invite or setup link that can still be used. */
export async function findOpenInvite(reads: Reads, token: string, now: Date): Promise<Result<OpenInvite>> {
  const invite = await reads.findInviteByHash(hashSecret(token));
  if (!invite || invite.usedAt !== null || invite.expiresAt <= now.toISOString()) return invalid();
  if (invite.purpose === 'setup') return (await reads.countAdmins()) > 0 ? invalid() : ok({ invite, user: null });
  const user = invite.userId ? await reads.findUser(invite.userId) : null;
  if (user?.status !== 'invited') return invalid();
  return ok({ invite, user });
}

/** What an invite link is for, so the page can greet the person. */
export const showInvite = (deps: AppDeps, input: { token: string }) => findOpenInvite(deps.store.reads, input.token, deps.clock.now());
