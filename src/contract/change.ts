import { z } from 'zod';
import { dateRangeMessage, isInDateRange } from '../domain/date-range.js';
import { DateInputSchema, InstantSchema, PersonRefSchema } from './common.js';

export const ChangeSchema = z
  .object({
    id: z.string(),
    at: InstantSchema,
    actor: PersonRefSchema,
    entity: z.string().meta({ description: 'program, milestone, …' }),
    entityId: z.string(),
    entityKey: z.string().nullable().meta({ description: 'Human key of the record, e.g. M-12' }),
    field: z.string(),
    oldValue: z.string().nullable(),
    newValue: z.string().nullable(),
    reason: z.string().nullable(),
    correlationId: z.string().meta({ description: 'Shared by every change of one write' }),
  })
  .meta({ id: 'Change' });
export type Change = z.infer<typeof ChangeSchema>;

export const ChangeListSchema = z.object({
  items: z.array(ChangeSchema),
  nextCursor: z
    .string()
    .nullable()
    .meta({ description: 'Pass as `cursor` to get the next (older) page with the same since/until; null on the last page' }),
});

// An instant within the accepted date range (its UTC date), like every date a request gives.
const InstantInput = z.iso.datetime({ offset: true }).refine(
  (v) => {
    const t = Date.parse(v);
    return Number.isFinite(t) && isInDateRange(new Date(t).toISOString().slice(0, 10));
  },
  { message: dateRangeMessage },
);

export const ChangesQuerySchema = z
  .object({
    since: z.union([DateInputSchema, InstantInput]).optional().meta({ description: 'From this date or instant (inclusive)' }),
    until: z.union([DateInputSchema, InstantInput]).optional().meta({ description: 'Up to this date (inclusive) or instant (exclusive)' }),
    limit: z.coerce.number().int().min(1).max(5000).default(500),
    cursor: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,200}$/, 'must be a nextCursor from an earlier page')
      .optional()
      .meta({ description: "An earlier page's nextCursor: the changes older than that page's last" }),
  })
  .strict();
export type ChangesQuery = z.infer<typeof ChangesQuerySchema>;
export type ChangeList = z.infer<typeof ChangeListSchema>;
