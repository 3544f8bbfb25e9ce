import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isoWeekOf } from '../domain/my-week.js';
import { addDays, dateInZone } from '../domain/plain-date.js';
import { cursorOf, parseCursor } from './list-changes.js';
import { latestWeekEnd } from './my-week.js';
import type { ChangeRecord } from './ports.js';
import { expiryOf } from './program-summary.js';

/* The logic the read use cases hold beyond the domain: paging cursors, the bound "my week" reads up
 * to, and when kept figures stop being those of the stored data. */

const change = (at: string, id = '01a2463e-2e8e-779e-a85a-0e2275a7e8c8') => ({ at, id }) as ChangeRecord;

describe('change-log cursors', () => {
  it('give back the instant and id of the page’s last change, for any instant of the accepted range', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T23:59:59Z'), noInvalidDate: true }),
        fc.uuid(),
        (d, id) => {
          const at = d.toISOString();
          expect(parseCursor(cursorOf(change(at, id)))).toEqual({ at, id });
        },
      ),
    );
  });

  it('refuse anything that is not such a cursor: other text, a tampered id, extra parts, an impossible instant', () => {
    const ok = cursorOf(change('2026-03-10T09:30:00.000Z'));
    expect(parseCursor(ok)).not.toBeNull();
    for (const text of [
      '',
      'abc',
      '2026-03-10T09:30:00.000Z|x',
      '2026-03-10T09:30:00.000Z|1|2',
      'not a date|01a2463e-2e8e-779e-a85a-0e2275a7e8c8',
    ]) {
      expect(parseCursor(Buffer.from(text).toString('base64url')), text).toBeNull();
    }
    expect(parseCursor(`${ok}x`)).toBeNull();
  });
});

describe('the bound "my week" reads up to', () => {
  const zones = ['Pacific/Kiritimati', 'Pacific/Pago_Pago', 'Etc/GMT+12', 'Asia/Shanghai', 'Europe/Berlin', 'America/Chicago', 'UTC'];
  it('is never before the end of the current week in any time zone, and at most a week after it', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-30T00:00:00Z'), noInvalidDate: true }), (now) => {
        const bound = latestWeekEnd(now);
        for (const zone of zones) {
          const end = isoWeekOf(dateInZone(now, zone)).end;
          expect(end <= bound, `${now.toISOString()} in ${zone}: week ends ${end}, bound ${bound}`).toBe(true);
        }
        // Not far beyond: at most one week after the week's end where the day is earliest (UTC−12).
        expect(bound <= addDays(isoWeekOf(dateInZone(now, 'Etc/GMT+12')).end, 7)).toBe(true);
      }),
    );
  });
});

describe('when kept figures expire', () => {
  it('never, without a recent forecast move; otherwise four weeks after the oldest one', () => {
    expect(expiryOf([])).toBe(Number.POSITIVE_INFINITY);
    const moves = [change('2026-03-10T09:30:00.000Z'), change('2026-03-02T23:00:00.000Z'), change('2026-03-11T00:00:00.000Z')];
    expect(new Date(expiryOf(moves)).toISOString()).toBe('2026-03-30T23:00:00.000Z');
  });
});
