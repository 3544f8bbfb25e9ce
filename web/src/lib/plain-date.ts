import { isPlainDate, type PlainDate } from '../../../src/domain/plain-date.js';

export type { PlainDate };

/** The value of an <input type="date"> as a plain date, or null when empty or not a real date. */
export const toPlainDate = (value: string): PlainDate | null => (isPlainDate(value) ? value : null);
