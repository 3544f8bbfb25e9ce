import { timingSafeEqual } from 'node:crypto';

/**
 * Whether the signature part of a signed link is exactly the expected MAC in base64url, compared in constant time.
 * Compared as text, not as decoded bytes: Node's base64url decoder ignores characters outside the alphabet and the
 * unused low bits of the last character, so several different texts decode to the same MAC, and a link changed in
 * those places would still open.
 */
export function signatureMatches(signature: string, expected: Buffer): boolean {
  const given = Buffer.from(signature, 'utf8');
  const wanted = Buffer.from(expected.toString('base64url'), 'utf8');
  return given.length === wanted.length && timingSafeEqual(given, wanted);
}
