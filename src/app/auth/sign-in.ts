import { ok, type Result, refuse } from '../../domain/result.js';
import type { AppDeps } from '../deps.js';
import { transact } from '../transact.js';
import { hashSecret, maxAccountFailures, maxAddressFailures, throttleWindowMs } from './secrets.js';
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
 */
export async function signIn(deps: AppDeps, input: SignInInput): Promise<Result<StartedSession & { userId: string }>> {
  const email = input.email.trim().toLowerCase();
  const now = deps.clock.now().toISOString();
  const accountKey = `account:${hashSecret(email)}`;
  const addressKey = `address:${input.address}`;
  const r = deps.store.reads;
  const [accountFailures, addressFailures] = await Promise.all([
    r.failuresFor(accountKey, now, throttleWindowMs),
    r.failuresFor(addressKey, now, throttleWindowMs),
  ]);
  if (accountFailures >= maxAccountFailures || addressFailures >= maxAddressFailures) {
    return refuse('RATE_LIMITED', 'Too many failed sign-ins. Wait 15 minutes and try again.');
  }
  const user = await r.findUserByEmail(email);
  const hash = user && user.status === 'active' ? await r.findPasswordHash(user.id) : null;
  decoy ??= deps.passwords.hash('decoy password that never matches');
  const matches = await deps.passwords.verify(hash ?? (await decoy), input.password);
  if (!user || !hash || !matches) {
    await transact(deps.store, async (tx) => {
      await tx.recordFailure(accountKey, now, throttleWindowMs);
      await tx.recordFailure(addressKey, now, throttleWindowMs);
    });
    return refuse('INVALID_CREDENTIALS', 'The email or password is not right.');
  }
  const started = await transact(deps.store, async (tx) => {
    await tx.clearFailures(accountKey);
    return startSession(deps, tx, user.id, 'password');
  });
  return started.ok ? ok({ ...started.value, userId: user.id }) : started;
}
