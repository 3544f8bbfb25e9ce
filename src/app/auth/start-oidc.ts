import { ok, type Result, refuse } from '../../domain/result.js';
import type { AppDeps } from '../deps.js';
import { hashSecret, newSecret, plusMs } from './secrets.js';

/** How long a started sign-in at the identity provider may take before its state expires. */
export const oidcStateTtlMs = 10 * 60_000;

/** The secrets of one authorization code round trip (RFC 6749 state, OIDC nonce, PKCE verifier). */
export interface OidcRoundTrip {
  readonly state: string;
  readonly nonce: string;
  readonly codeVerifier: string;
  /** A same-site path to land on after signing in. */
  readonly returnTo: string;
}

const maxReturnTo = 2000;

/**
 * Where to go after signing in: only a path on this site. Anything else (absolute or
 * protocol-relative URLs, backslashes that browsers read as slashes, control characters) gives '/'.
 */
export function safeReturnTo(value: unknown): string {
  if (typeof value !== 'string' || value.length > maxReturnTo) return '/';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it rejects
  if (!value.startsWith('/') || value.startsWith('//') || /[\\\u0000-\u001f\u007f]/.test(value)) return '/';
  return value;
}

/**
 * Starts a sign-in through the identity provider: fresh state, nonce and PKCE verifier, kept in the
 * store (so any instance can finish it) for ten minutes. The state is stored only as its hash.
 */
export async function startOidc(deps: AppDeps, input: { returnTo?: unknown }): Promise<OidcRoundTrip> {
  const round: OidcRoundTrip = {
    state: newSecret(),
    nonce: newSecret(),
    codeVerifier: newSecret(),
    returnTo: safeReturnTo(input.returnTo),
  };
  const expiresAt = plusMs(deps.clock.now(), oidcStateTtlMs);
  await deps.store.transaction((tx) =>
    tx.putOidcState({ ...round, state: hashSecret(round.state), expiresAt }, deps.clock.now().toISOString()),
  );
  return round;
}

/** Takes back a started sign-in by its state, once: a second take, or one after ten minutes, is refused. */
export async function takeOidcRoundTrip(deps: AppDeps, input: { state: string }): Promise<Result<OidcRoundTrip>> {
  const now = deps.clock.now().toISOString();
  const stored = await deps.store.transaction((tx) => tx.takeOidcState(hashSecret(input.state), now));
  if (!stored) return refuse('OIDC_FAILED', 'This sign-in was already used or took longer than ten minutes; start again.');
  return ok({ state: input.state, nonce: stored.nonce, codeVerifier: stored.codeVerifier, returnTo: stored.returnTo });
}
