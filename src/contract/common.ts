import { z } from 'zod';
import { isPlainDate } from '../domain/plain-date.js';

export const PlainDateSchema = z
  .string()
  .refine(isPlainDate, { message: 'Must be a real calendar date written YYYY-MM-DD.' })
  .meta({ description: 'A calendar date, YYYY-MM-DD', example: '2026-03-12' });

export const InstantSchema = z.string().meta({ description: 'A UTC instant, ISO-8601', example: '2026-11-26T09:30:00.000Z' });

export const IdSchema = z.string().min(1).max(64);

export const VersionSchema = z
  .number()
  .int()
  .positive()
  .meta({ description: 'The version you read; the write is refused with 409 when it is no longer current.' });

export const ReasonSchema = z.string().trim().max(2000);

export const HealthSchema = z.enum(['on_track', 'at_risk', 'late', 'done']);

export const HealthReasonSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('done') }),
  z.object({ kind: z.literal('on_plan') }),
  z.object({ kind: z.literal('slipped'), days: z.number().int() }),
  z.object({ kind: z.literal('breach'), days: z.number().int(), tolerance: z.number().int() }),
  z.object({ kind: z.literal('overdue'), days: z.number().int() }),
  z.object({ kind: z.literal('no_slack'), days: z.number().int().meta({ description: 'Business days short of the target release' }) }),
  z.object({ kind: z.literal('slipping'), moves: z.number().int(), days: z.number().int() }).meta({
    description: 'Moved later `moves` times in the last 4 weeks, `days` business days in all',
  }),
  z.object({ kind: z.literal('blocked'), actionKey: z.string(), overdue: z.boolean() }).meta({
    description: 'An open action blocks it and is overdue or due after the forecast',
  }),
]);

export const PersonRefSchema = z.object({ id: z.string(), name: z.string(), email: z.string() });
export type PersonRef = z.infer<typeof PersonRefSchema>;

/** RFC 9457 problem details, with our stable code and the fields at fault. */
export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.string(),
    instance: z.string().optional(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    current: z.unknown().optional(),
  })
  .meta({ id: 'Problem' });
export type Problem = z.infer<typeof ProblemSchema>;
