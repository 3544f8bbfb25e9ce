import { z } from 'zod';
import { DateInputSchema, PlainDateSchema } from './common.js';

// What every list that grows shares: a page size with a default and a maximum, an opaque cursor, the
// next page's cursor in the answer, and (for lists of records that close) the period closed ones are read for.

/** How many items a page holds: a whole number from 1 to `max`, `fallback` when not given. */
export const pageLimit = (fallback: number, max: number) =>
  z.coerce
    .number()
    .int()
    .min(1)
    .max(max)
    .default(fallback)
    .meta({ description: `Items per page, 1 to ${max} (default ${fallback})` });

/** A nextCursor from an earlier answer: opaque, base64url; one that does not decode is refused naming `cursor`. */
export const CursorSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,200}$/, 'must be a nextCursor from an earlier page')
  .meta({ description: "An earlier page's nextCursor, with the same other parameters: the page after that one" });

export const NextCursorSchema = z
  .string()
  .nullable()
  .meta({ description: 'Pass as `cursor` (with the same other parameters) for the next page; null on the last page' });

/** The period closed records are listed for: days in the program's time zone, both inclusive. */
export const PeriodQuery = {
  since: DateInputSchema.optional().meta({
    description: 'Closed records last changed before this day are left out (default: 365 days before until)',
  }),
  until: DateInputSchema.optional().meta({ description: 'Closed records last changed after this day are left out (default: today)' }),
};

export const PeriodSchema = z.object({ since: PlainDateSchema, until: PlainDateSchema }).meta({
  description: "The period closed records were read for (days in the program's time zone, inclusive); open ones are always listed",
});
