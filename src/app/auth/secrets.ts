import { createHash, randomBytes } from 'node:crypto';

/** A fresh secret for a cookie, link or token: 32 random bytes, URL-safe. */
export const newSecret = (prefix = ''): string => `${prefix}${randomBytes(32).toString('base64url')}`;

/** Secrets are stored only as their SHA-256; a leaked table cannot be replayed. */
export const hashSecret = (secret: string): string => createHash('sha256').update(secret).digest('hex');

export const sessionTtlMs = 14 * 24 * 3600_000;
/** A session's expiry slides forward when used, at most this often (one write per hour per session). */
export const sessionTouchMs = 3600_000;
export const inviteTtlMs = 7 * 24 * 3600_000;
export const setupTtlMs = 24 * 3600_000;
export const throttleWindowMs = 15 * 60_000;
export const maxAccountFailures = 5;
export const maxAddressFailures = 20;

/** The throttle key of an account: its email (trimmed, lower case) hashed, so unknown emails count the same. */
export const accountThrottleKey = (email: string): string => `account:${hashSecret(email.trim().toLowerCase())}`;
export const addressThrottleKey = (address: string): string => `address:${address}`;

export const plusMs = (now: Date, ms: number): string => new Date(now.getTime() + ms).toISOString();
