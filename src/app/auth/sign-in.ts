import { ok, type Result, refuse } from '../../domain/result.js';
import type { AppDeps } from '../deps.js';
import { transact } from '../transact.js';
import { accountThrottleKey, addressThrottleKey, maxAccountFailures, maxAddressFailures, throttleWindowMs } from './secrets.js';
import { type StartedSession, startSession } from './start-session.js';

export interface SignInInput {
  readonly email: string;
  readonly password: string;
  /** The caller's network address, for the per-address limit. */
  readonly address: string;
}

// Verified against when the email is unknown, so both answers take the same time.
let decoy: Promise<string> | null = null;

/**
 * Signs in with email and password. A wrong password and an unknown email get the same refusal
 * after the same work; repeated failures lock the account and the address for a while.
 *
 * Every attempt is counted as a failure, per account and per address, in the database and in one
 * transaction, before the password is checked: parallel attempts (on any number of instances) each
 * see the count their own attempt made, so at most the limit of them is ever checked. A success
 * takes its attempt back: it clears the account's count and removes one from the address's.
 */
export async function signIn(deps: AppDeps, input: SignInInput): Promise<Result<StartedSession & { userId: string }>> {
  const email = input.email.trim().toLowerCase();
  const now = deps.clock.now().toISOString();
  const accountKey = accountThrottleKey(email);
  const addressKey = addressThrottleKey(input.address);
  const counted = await transact(deps.store, async (tx) => ({
    account: await tx.recordFailure(accountKey, now, throttleWindowMs),
    address: await tx.recordFailure(addressKey, now, throttleWindowMs),
  }));
  if (!counted.ok) return counted;
  if (counted.value.account > maxAccountFailures || counted.value.address > maxAddressFailures) {
    return refuse('RATE_LIMITED', 'Too many failed sign-ins. Wait 15 minutes and try again.');
  }
  const r = deps.store.reads;
  const user = await r.findUserByEmail(email);
  const hash = user && user.status === 'active' ? await r.findPasswordHash(user.id) : null;
  decoy ??= deps.passwords.hash('decoy password that never matches');
  const matches = await deps.passwords.verify(hash ?? (await decoy), input.password);
  // The failure is already counted.
  if (!user || !hash || !matches) return refuse('INVALID_CREDENTIALS', 'The email or password is not right.');
  const started = await transact(deps.store, async (tx) => {
    await tx.clearFailures(accountKey);
    await tx.forgiveFailure(addressKey);
    return startSession(deps, tx, user.id, 'password');
  });
  return started.ok ? ok({ ...started.value, userId: user.id }) : started;
}
