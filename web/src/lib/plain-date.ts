import { isInDateRange } from '../../../src/domain/date-range.js';
import { isPlainDate, type PlainDate } from '../../../src/domain/plain-date.js';

export type { PlainDate };

/** A real date typed outside the accepted range (the form says which range, rather than "enter a date"). */
export const isOutOfRange = (value: string): boolean => isPlainDate(value) && !isInDateRange(value);

/** The value of an <input type="date"> as a plain date, or null when empty, not a real date or outside the accepted range. */
export const toPlainDate = (value: string): PlainDate | null => (isPlainDate(value) && isInDateRange(value) ? value : null);
