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

export const ChangeListSchema = z.object({ items: z.array(ChangeSchema) });

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
  })
  .strict();
export type ChangesQuery = z.infer<typeof ChangesQuerySchema>;
