import { DateTime } from 'luxon';

// The small pieces every e-mail is written with: HTML escaping and instants in the recipient's zone.

const entities: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text made safe to put in HTML, in content and in attribute values. */
export const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => entities[c] ?? c);

/**
 * An instant as the recipient reads it: their local date and time, offset and zone
 * ("Tue 6 Oct 2026, 14:05 UTC+08:00 (Asia/Shanghai)"); a deadline in an e-mail names the zone it is in.
 */
export function instantInZone(instant: string, timeZone: string): string {
  const t = DateTime.fromISO(instant, { zone: 'utc' }).setZone(timeZone);
  if (!t.isValid) return instant;
  return `${t.toFormat("ccc d LLL yyyy, HH:mm 'UTC'ZZ", { locale: 'en-GB' })} (${timeZone})`;
}

/** A plain date as written in e-mails: the calendar day, never shifted by a zone ("Mon 12 Oct 2026"). */
export function plainDateText(date: string): string {
  const t = DateTime.fromISO(date, { zone: 'utc' });
  return t.isValid ? t.toFormat('ccc d LLL yyyy', { locale: 'en-GB' }) : date;
}
