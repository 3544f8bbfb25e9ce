import type { PlainDate } from '../plain-date.js';
import { keyNumber } from '../record-key.js';

/** Records of one kind in the order they were created (M-2 before M-10). */
export const byKey = (a: { readonly key: string }, b: { readonly key: string }): number =>
  keyNumber(a.key) - keyNumber(b.key) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

const undated = '9999-12-31';

/** Overdue first, then by due date (undated last), then by key: how every list of things to do reads. */
export function dueOrder(
  a: { readonly key: string; readonly dueDate: PlainDate | null; readonly isOverdue?: boolean },
  b: { readonly key: string; readonly dueDate: PlainDate | null; readonly isOverdue?: boolean },
): number {
  const ad = a.dueDate ?? undated;
  const bd = b.dueDate ?? undated;
  return Number(b.isOverdue ?? false) - Number(a.isOverdue ?? false) || (ad < bd ? -1 : ad > bd ? 1 : 0) || byKey(a, b);
}

/** Whether the text is an instant as utcText writes it (2026-06-17T08:00:00.000Z), which compares as text. */
const isUtcText = (s: string): boolean =>
  s.length === 24 &&
  s.charCodeAt(23) === 90 && // Z
  s.charCodeAt(19) === 46 && // .
  s.charCodeAt(10) === 84 && // T
  s.charCodeAt(4) === 45 && // -
  s.charCodeAt(7) === 45 &&
  s.charCodeAt(13) === 58 && // :
  s.charCodeAt(16) === 58;

/**
 * Instants compared as instants, whatever offset their text carries: negative, zero or positive. Two in
 * the UTC form the records store are compared as text (the same order, without parsing: reports compare
 * tens of thousands per portfolio).
 */
export const compareInstants = (a: string, b: string): number =>
  isUtcText(a) && isUtcText(b) ? (a < b ? -1 : a > b ? 1 : 0) : Date.parse(a) - Date.parse(b);

/** An instant as ISO-8601 UTC text with milliseconds, the form the change log stores. */
export const utcText = (at: string): string => new Date(Date.parse(at)).toISOString();
