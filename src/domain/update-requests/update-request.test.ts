import { describe, expect, it } from 'vitest';
import { mondayToFriday } from '../business-days.js';
import type { UserId } from '../ids.js';
import type { PlainDate } from '../plain-date.js';
import { parseReportWeek } from '../report/iso-week.js';
import { itemLabel, linkExpiryOf, linkState, type OpenItem, requestDayOf, requestItemsByOwner, requestWeekDue } from './update-request.js';

const d = (s: string) => s as PlainDate;
const week = (label: string) => {
  const w = parseReportWeek(label);
  if (!w.ok) throw new Error(label);
  return w.value;
};
const li = 'li' as UserId;
const chen = 'chen' as UserId;

describe('the request day', () => {
  it('is the business days before the report’s day on the program calendar, the day itself at 0', () => {
    // 2026-W49: Monday 30 November; the report on Friday 4 December.
    expect(requestDayOf(week('2026-W49'), 5, 0, mondayToFriday)).toBe('2026-12-04');
    expect(requestDayOf(week('2026-W49'), 5, 2, mondayToFriday)).toBe('2026-12-02');
    // A Monday report two business days before: the Thursday of the week before.
    expect(requestDayOf(week('2026-W49'), 1, 2, mondayToFriday)).toBe('2026-11-26');
  });

  it('comes due from that day until the report’s time, in the program’s zone; off, or without a report day, never', () => {
    const rule = { businessDaysBefore: 2, untouchedDays: 14 };
    const s = { weekday: 5, time: '16:00', rule };
    const zone = 'Asia/Shanghai';
    // Tuesday in Shanghai: not yet.
    expect(requestWeekDue(s, d('2026-12-01'), new Date('2026-12-01T04:00:00Z'), zone, mondayToFriday)).toBeNull();
    // Wednesday 00:30 in Shanghai (Tuesday 16:30 UTC): due, for 2026-W49.
    expect(requestWeekDue(s, d('2026-12-02'), new Date('2026-12-01T16:30:00Z'), zone, mondayToFriday)?.label).toBe('2026-W49');
    // Friday 15:59 there: still; 16:00: the report is due, no more requests for it.
    expect(requestWeekDue(s, d('2026-12-04'), new Date('2026-12-04T07:59:00Z'), zone, mondayToFriday)?.label).toBe('2026-W49');
    expect(requestWeekDue(s, d('2026-12-04'), new Date('2026-12-04T08:00:00Z'), zone, mondayToFriday)).toBeNull();
    // A Monday report asked the Thursday before: that Thursday belongs to the next week's report.
    const monday = { weekday: 1, time: '09:00', rule };
    expect(requestWeekDue(monday, d('2026-11-26'), new Date('2026-11-26T02:00:00Z'), zone, mondayToFriday)?.label).toBe('2026-W49');
    expect(
      requestWeekDue(
        { ...s, rule: { ...rule, businessDaysBefore: null } },
        d('2026-12-02'),
        new Date('2026-12-02T02:00:00Z'),
        zone,
        mondayToFriday,
      ),
    ).toBeNull();
    expect(requestWeekDue({ ...s, weekday: null }, d('2026-12-02'), new Date('2026-12-02T02:00:00Z'), zone, mondayToFriday)).toBeNull();
  });
});

describe('the items asked about', () => {
  const askedAt = '2026-12-02T01:00:00.000Z';
  const item = (over: Partial<OpenItem>): OpenItem => ({
    kind: 'milestone',
    id: 'm',
    key: 'M-1',
    title: 'Pilot run',
    ownerId: li,
    dueDate: null,
    gateKey: null,
    lastChangedAt: '2026-12-01T00:00:00.000Z',
    ...over,
  });

  it('are overdue, due by the end of next week, or untouched for the days set; by owner, overdue first, then by date (none last); none without an owner, and a dormant item (its gate not started) only by its date', () => {
    const by = requestItemsByOwner(
      [
        item({ id: 'far', key: 'M-9', dueDate: d('2027-03-01') }),
        item({ id: 'due', key: 'M-2', dueDate: d('2026-12-11') }),
        item({ id: 'late', key: 'A-3', kind: 'action', dueDate: d('2026-11-30') }),
        item({ id: 'stale', key: 'R-1', kind: 'risk', dueDate: d('2027-01-15'), lastChangedAt: '2026-11-01T00:00:00.000Z' }),
        item({ id: 'never', key: 'G1-2', kind: 'checklist_item', gateKey: 'G1', lastChangedAt: null }),
        item({ id: 'dormant', key: 'G3-1', kind: 'checklist_item', gateKey: 'G3', lastChangedAt: null, isDormant: true }),
        item({ id: 'dormant-due', key: 'G3-2', kind: 'checklist_item', gateKey: 'G3', dueDate: d('2026-12-01'), isDormant: true }),
        item({ id: 'nobody', key: 'M-5', ownerId: null, dueDate: d('2026-11-01') }),
        item({ id: 'chen', key: 'M-7', ownerId: chen, dueDate: d('2026-12-03') }),
      ],
      d('2026-12-02'),
      askedAt,
      14,
    );
    expect(by.get(li)?.map((i) => [i.key, i.why])).toEqual([
      ['A-3', 'overdue'],
      ['G3-2', 'overdue'],
      ['M-2', 'due'],
      ['R-1', 'untouched'],
      ['G1-2', 'untouched'],
    ]);
    expect(by.get(chen)?.map((i) => i.key)).toEqual(['M-7']);
    expect(by.size).toBe(2);
  });

  it('are at most 50 per owner', () => {
    const many = Array.from({ length: 60 }, (_, n) => item({ id: `m${n}`, key: `M-${n}`, dueDate: d('2026-12-03') }));
    expect(requestItemsByOwner(many, d('2026-12-02'), askedAt, 14).get(li)).toHaveLength(50);
  });
});

describe('the signed link', () => {
  it('works 14 days, not once revoked; people who sign in have none', () => {
    const expiresAt = linkExpiryOf('2026-12-02T01:00:00.000Z');
    expect(expiresAt).toBe('2026-12-16T01:00:00.000Z');
    expect(linkState({ linkExpiresAt: expiresAt, revokedAt: null }, new Date('2026-12-16T00:59:59Z'))).toBe('open');
    expect(linkState({ linkExpiresAt: expiresAt, revokedAt: null }, new Date('2026-12-16T01:00:00Z'))).toBe('expired');
    expect(linkState({ linkExpiresAt: expiresAt, revokedAt: '2026-12-03T00:00:00Z' }, new Date('2026-12-04T00:00:00Z'))).toBe('revoked');
    expect(linkState({ linkExpiresAt: null, revokedAt: null }, new Date())).toBe('none');
  });
});

describe('an item’s label', () => {
  it('puts its gate in front unless the key starts with it', () => {
    expect(itemLabel({ key: 'G3-NCR', gateKey: 'G3' })).toBe('G3-NCR');
    expect(itemLabel({ key: '4.2', gateKey: 'G2' })).toBe('G2 4.2');
    expect(itemLabel({ key: 'M-12', gateKey: null })).toBe('M-12');
  });
});
