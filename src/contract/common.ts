import { z } from 'zod';
import { dateRange, dateRangeMessage, isInDateRange } from '../domain/date-range.js';
import { isPlainDate } from '../domain/plain-date.js';
import { hasBidiControl, hasControlCharacter, hasUnpairedSurrogate } from '../domain/text.js';

/** A stored calendar date as the API answers it: format only, so an old out-of-range value still reads. */
export const PlainDateSchema = z
  .string()
  .refine(isPlainDate, { message: 'Must be a real calendar date written YYYY-MM-DD.' })
  .meta({ description: 'A calendar date, YYYY-MM-DD', example: '2026-03-12' });

/** A calendar date a request may give: a real day within the accepted range (domain/date-range.ts). */
const dateInput = (missing?: string) =>
  z
    .string(missing ? { error: (iss) => (iss.input === undefined || iss.input === null ? missing : undefined) } : undefined)
    .refine(isPlainDate, { message: 'Must be a real calendar date written YYYY-MM-DD.', abort: true })
    .refine(isInDateRange, { message: dateRangeMessage })
    .meta({
      description: `A calendar date, YYYY-MM-DD, from ${dateRange.min} to ${dateRange.max}`,
      example: '2026-03-12',
    });
export const DateInputSchema = dateInput();

/** A due date a record must have (PRODUCT.md: every item has an owner and a due date); `missing` says why when it is left out or null. */
export const DueDateSchema = (missing: string) => dateInput(missing);

export const InstantSchema = z.string().meta({ description: 'A UTC instant, ISO-8601', example: '2026-11-26T09:30:00.000Z' });

// ── Text ─────────────────────────────────────────────────────────────────────────────────────────
// Every string a request carries refuses control characters and unpaired surrogates, and one-line text
// also bidirectional overrides: see domain/text.ts for why. Messages all begin "Text …" so that a client
// can show them next to the field the problem's `errors` names.

const CONTROL_IN_LINE = 'Text must not contain control characters; this field is a single line (no newline or tab).';
const CONTROL_IN_LONG = 'Text must not contain control characters other than newline and tab.';
const UNPAIRED_SURROGATE = 'Text contains an unpaired surrogate (half of a UTF-16 pair), which is not a character.';
const BIDI_CONTROL = 'Text must not contain bidirectional override characters (U+202A–U+202E, U+2066–U+2069).';

type StringParams = Parameters<typeof z.string>[0];

/** One line of text a person types (a name, title, label): trimmed, at most `max` characters. */
export const ShortText = (max: number, params?: StringParams) =>
  z
    .string(params)
    .trim()
    .max(max)
    .refine((s) => !hasControlCharacter(s), { message: CONTROL_IN_LINE })
    .refine((s) => !hasUnpairedSurrogate(s), { message: UNPAIRED_SURROGATE })
    .refine((s) => !hasBidiControl(s), { message: BIDI_CONTROL });

/**
 * Text of several lines (a description, reason, note, rationale): trimmed, at most `max` characters.
 * Newline and tab are kept; Windows line ends (CR LF) and lone CRs are stored as a newline.
 */
export const LongText = (max: number, params?: StringParams) =>
  z
    .string(params)
    .overwrite((s) => s.replace(/\r\n?/g, '\n'))
    .trim()
    .max(max)
    .refine((s) => !hasControlCharacter(s, true), { message: CONTROL_IN_LONG })
    .refine((s) => !hasUnpairedSurrogate(s), { message: UNPAIRED_SURROGATE });

/** A name: one line of at most 200 characters, not empty. */
export const NameSchema = ShortText(200).min(1, 'Required.');

/**
 * An id, key or code a request names a record by (looked up, never stored as given): no control
 * characters or broken text either, which a database would choke on before it could say "not found".
 */
export const Identifier = (max: number, min = 1, params?: StringParams) =>
  z
    .string(params)
    .min(min)
    .max(max)
    .refine((s) => !hasControlCharacter(s), { message: CONTROL_IN_LINE })
    .refine((s) => !hasUnpairedSurrogate(s), { message: UNPAIRED_SURROGATE })
    .refine((s) => !hasBidiControl(s), { message: BIDI_CONTROL });

export const IdSchema = Identifier(64);

/** The person who owns a record, which must have one: an id, never left out, null or empty; `missing` says why. */
export const OwnerIdSchema = (missing: string) =>
  Identifier(64, 0, { error: (iss) => (iss.input === undefined || iss.input === null ? missing : undefined) }).refine(
    (s) => s.trim().length > 0,
    { message: missing, abort: true },
  );

export const VersionSchema = z
  .number()
  .int()
  .positive()
  .meta({ description: 'The version you read; the write is refused with 409 when it is no longer current.' });

export const ReasonSchema = LongText(2000);

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
  z.object({ kind: z.literal('gate_at_risk'), gateKey: z.string(), items: z.number().int() }).meta({
    description: 'It is the review of a gate at risk: `items` required checklist items are rejected, overdue or due and not accepted',
  }),
  z.object({ kind: z.literal('escalations_overdue'), count: z.number().int() }).meta({
    description: '`count` escalations of the program are past their deadline, neither acknowledged nor resolved',
  }),
  z.object({ kind: z.literal('unavailable') }).meta({
    description: "The program's health could not be computed; the error is logged with the program's id",
  }),
]);

export const WarningsSchema = z
  .array(
    z.object({
      path: z.string(),
      code: z.enum(['DATE_IN_PAST', 'NOT_A_WORKING_DAY']),
      message: z.string(),
      suggestion: PlainDateSchema.optional().meta({ description: 'NOT_A_WORKING_DAY: the next working day' }),
    }),
  )
  .optional()
  .meta({ description: 'What was accepted but deserves a second look (e.g. a new due date already past); absent when none' });

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
