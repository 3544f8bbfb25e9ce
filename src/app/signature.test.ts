import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { UserId } from '../domain/ids.js';
import { signOneClick, verifyOneClick } from './mail/one-click-token.js';
import { signatureMatches } from './signature.js';
import { signUpdateLink, verifyUpdateLink } from './update-requests/update-link-token.js';

/** Another text for the same bytes: the last character's unused low bits set (A→B, Q→R… for 16 bytes, A→B, E→F… for 32). */
const sameBytesOtherText = (b64: string) => `${b64.slice(0, -1)}${String.fromCharCode((b64.at(-1) ?? 'A').charCodeAt(0) + 1)}`;

describe('signed links compare their signature as text', () => {
  const mac = createHmac('sha256', 'k').update('payload').digest().subarray(0, 16);
  const text = mac.toString('base64url');

  it('accepts exactly the expected text and refuses texts that decode to the same bytes', () => {
    expect(signatureMatches(text, mac)).toBe(true);
    const twin = sameBytesOtherText(text);
    // The premise: Node decodes both texts (and one with a stray character) to the same MAC.
    expect(Buffer.from(twin, 'base64url').equals(mac)).toBe(true);
    expect(Buffer.from(`${text.slice(0, 5)}$${text.slice(5)}`, 'base64url').equals(mac)).toBe(true);
    expect(signatureMatches(twin, mac)).toBe(false);
    expect(signatureMatches(`${text.slice(0, 5)}$${text.slice(5)}`, mac)).toBe(false);
    expect(signatureMatches(`${text}=`, mac)).toBe(false);
    expect(signatureMatches('', mac)).toBe(false);
  });

  it('an update link or a one-click link changed only where the decoder does not look is refused', () => {
    const link = signUpdateLink('workspace-key', '01a25011-ec8d-7034-8bdf-dfb444970924');
    expect(verifyUpdateLink('workspace-key', link)).toEqual({ ok: true, value: '01a25011-ec8d-7034-8bdf-dfb444970924' });
    expect(verifyUpdateLink('workspace-key', sameBytesOtherText(link)).ok).toBe(false);

    const expiresAt = '2027-03-01T00:00:00.000Z';
    const oneClick = signOneClick('workspace-key', { userId: 'u-1' as UserId, kinds: ['gate_at_risk'], expiresAt });
    expect(verifyOneClick('workspace-key', oneClick, new Date('2027-01-01T00:00:00Z')).ok).toBe(true);
    expect(verifyOneClick('workspace-key', sameBytesOtherText(oneClick), new Date('2027-01-01T00:00:00Z')).ok).toBe(false);
  });
});
