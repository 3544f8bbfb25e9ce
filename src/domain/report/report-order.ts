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

/** Instants compared as instants, whatever offset their text carries. */
export const compareInstants = (a: string, b: string): number => Date.parse(a) - Date.parse(b);

/** An instant as ISO-8601 UTC text with milliseconds, the form the change log stores. */
export const utcText = (at: string): string => new Date(Date.parse(at)).toISOString();
