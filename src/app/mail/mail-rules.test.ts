import { describe, expect, it } from 'vitest';
import type { UserId } from '../../domain/ids.js';
import { maxMailAttempts, retryAt } from './deliver-outbox.js';
import { signOneClick, verifyOneClick } from './one-click-token.js';
import { dueDigestDay } from './send-digests.js';

const now = new Date('2026-03-16T02:00:00Z');

describe('e-mail rules', () => {
  it('backs off 1, 5, 25 minutes … up to 6 hours, and gives up after the last attempt', () => {
    const minutes = (a: number) => (Date.parse(retryAt(now, a) as string) - now.getTime()) / 60_000;
    expect([1, 2, 3, 4, 5, 6].map(minutes)).toEqual([1, 5, 25, 125, 360, 360]);
    expect(retryAt(now, maxMailAttempts - 1)).not.toBeNull();
    expect(retryAt(now, maxMailAttempts)).toBeNull();
  });

  it('a one-click token holds only as signed, with the same key, until it expires', () => {
    const claim = { userId: 'u1' as UserId, kinds: ['gate_at_risk'] as const, expiresAt: '2026-04-01T00:00:00.000Z' };
    const token = signOneClick('key-1', { ...claim, kinds: [...claim.kinds] });
    expect(verifyOneClick('key-1', token, now)).toEqual({ ok: true, value: { ...claim, kinds: ['gate_at_risk'] } });
    expect(verifyOneClick('key-2', token, now)).toMatchObject({ ok: false, error: { code: 'MAIL_LINK_INVALID' } });
    const [payload, sig] = token.split('.') as [string, string];
    const forged = Buffer.from(JSON.stringify({ u: 'someone-else', k: ['gate_at_risk'], e: claim.expiresAt })).toString('base64url');
    expect(verifyOneClick('key-1', `${forged}.${sig}`, now)).toMatchObject({ ok: false, error: { code: 'MAIL_LINK_INVALID' } });
    expect(verifyOneClick('key-1', payload, now)).toMatchObject({ ok: false, error: { code: 'MAIL_LINK_INVALID' } });
    expect(verifyOneClick('key-1', 'x'.repeat(2000), now)).toMatchObject({ ok: false, error: { code: 'MAIL_LINK_INVALID' } });
    expect(verifyOneClick('key-1', token, new Date('2026-04-01T00:00:00Z'))).toMatchObject({
      ok: false,
      error: { code: 'MAIL_LINK_EXPIRED' },
    });
  });

  it('a digest is due from 08:00 of the person’s local day, also on the day clocks change', () => {
    expect(dueDigestDay(new Date('2026-03-16T06:59:00Z'), 'Europe/Berlin')).toBeNull();
    expect(dueDigestDay(new Date('2026-03-16T07:00:00Z'), 'Europe/Berlin')).toEqual({
      localDate: '2026-03-16',
      dueAt: '2026-03-16T07:00:00.000Z',
    });
    // Berlin moves to summer time on 29 March 2026: 08:00 is then 06:00 UTC.
    expect(dueDigestDay(new Date('2026-03-29T06:30:00Z'), 'Europe/Berlin')).toEqual({
      localDate: '2026-03-29',
      dueAt: '2026-03-29T06:00:00.000Z',
    });
    // Late evening in Chicago is the next day in UTC, still the local day's digest.
    expect(dueDigestDay(new Date('2026-03-17T04:00:00Z'), 'America/Chicago')?.localDate).toBe('2026-03-16');
  });
});
