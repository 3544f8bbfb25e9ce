import { z } from 'zod';
import { dateRangeMessage, isInDateRange } from '../domain/date-range.js';
import { DateInputSchema, InstantSchema, PersonRefSchema } from './common.js';
import { CursorSchema, NextCursorSchema, pageLimit } from './paging.js';

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

/** One field an entry changed: old → new as logged, and the name or key an id stands for. */
export const ChangeEntryFieldSchema = z.object({
  field: z.string().meta({ description: 'The field as logged (forecastDate, ownerId, …); the web names it from its catalogue' }),
  oldValue: z.string().nullable(),
  newValue: z.string().nullable(),
  oldName: z.string().nullable().meta({ description: 'When oldValue is an id: the person’s name or the record’s key' }),
  newName: z.string().nullable().meta({ description: 'When newValue is an id: the person’s name or the record’s key' }),
});

export const ChangeEntrySchema = z
  .object({
    id: z.string().meta({ description: 'The id of the entry’s first change row' }),
    at: InstantSchema,
    by: PersonRefSchema,
    reason: z.string().nullable(),
    correlationId: z.string(),
    kind: z.enum(['added', 'changed', 'removed']).meta({ description: 'What the write did to the record' }),
    record: z.object({
      entity: z.string().meta({ description: 'program, milestone, milestone_link, decision, risk, action, link, baseline, membership' }),
      id: z.string(),
      key: z.string().nullable().meta({ description: 'M-33, or M-33→M-35 for a dependency; kept in the log, so removed records keep it' }),
      title: z.string().nullable().meta({ description: 'The record’s name now, or the last one the log holds if it is gone' }),
    }),
    fields: z.array(ChangeEntryFieldSchema),
  })
  .meta({ id: 'ChangeEntry', description: 'One write of one record: every field it changed at one moment, with its one reason' });
export type ChangeEntry = z.infer<typeof ChangeEntrySchema>;

export const ChangeLogSchema = z.object({
  items: z.array(ChangeEntrySchema),
  nextCursor: NextCursorSchema,
});
export type ChangeLog = z.infer<typeof ChangeLogSchema>;

export const recordKeyPattern = /^[A-Za-z]{1,3}-[0-9]{1,9}$/;

export const ChangeLogQuerySchema = z
  .object({
    record: z
      .string()
      .regex(recordKeyPattern, 'must be a record key such as M-12, D-3, R-2, A-5 or B-1')
      .optional()
      .meta({ description: 'Only this record (by key), with the dependencies and links that name it' }),
    by: z
      .string()
      .min(1)
      .max(254)
      .regex(/^[^\s]+$/, 'must be an email or a person’s id')
      .optional()
      .meta({ description: 'Only changes by this person: email or id' }),
    from: DateInputSchema.optional().meta({ description: "From this day (the program's time zone), inclusive" }),
    to: DateInputSchema.optional().meta({ description: 'Up to this day, inclusive (default today when from is given); at most 366 days' }),
    limit: pageLimit(20, 200),
    cursor: CursorSchema.optional(),
  })
  .strict();
export type ChangeLogQuery = z.infer<typeof ChangeLogQuerySchema>;
