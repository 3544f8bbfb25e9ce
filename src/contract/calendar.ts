import { z } from 'zod';
import { dateRange } from '../domain/date-range.js';
import { DateInputSchema, Identifier, PlainDateSchema, ReasonSchema, ShortText, VersionSchema } from './common.js';

/**
 * The calendar spec, built twice: strict for what a request may send, and as stored for what the API
 * answers (so a spec saved before today's rules, e.g. a 1999 shutdown, still reads instead of failing).
 */
function calendarSpecSchema(date: z.ZodType<string>, label: z.ZodType<string>, text: (max: number) => z.ZodType<string>, id?: string) {
  const LabelledDateSchema = z.object({ date, label }).strict();
  const OfficialSchedule = z
    .object({
      country: z.string().regex(/^[A-Z]{2}$/, 'Must be a two-letter upper-case country code, e.g. "CN".'),
      year: id ? z.number().int().min(dateRange.minYear).max(dateRange.maxYear) : z.number().int(),
      holidays: z.array(LabelledDateSchema),
      makeupWorkdays: z.array(LabelledDateSchema),
    })
    .strict();
  const spec = z
    .object({
      countries: z
        .array(
          z
            .object({
              country: z.string().regex(/^[A-Z]{2}$/, 'Must be a two-letter upper-case country code, e.g. "CN".'),
              region: text(10).optional(),
            })
            .strict(),
        )
        .max(10)
        .meta({ description: 'Countries whose public holidays the program observes' }),
      weekendDays: z
        .array(z.number().int().min(1).max(7))
        .max(7)
        .optional()
        .meta({ description: 'ISO weekdays nobody works (1 = Monday … 7 = Sunday); Saturday and Sunday when omitted' }),
      shutdowns: z
        .array(z.object({ from: date, to: date, label }).strict())
        .max(200)
        .optional(),
      exceptions: z
        .array(z.object({ date, working: z.boolean(), label }).strict())
        .max(1000)
        .optional(),
      timeZone: text(64).meta({ description: 'IANA time zone, e.g. Asia/Shanghai' }),
      endOfDayHour: z.number().int().min(0).max(24).meta({ description: 'Local hour at which a business day ends' }),
      countryMode: z.enum(['any_closed', 'all_closed']).optional(),
      officialSchedules: z.array(OfficialSchedule).max(200).optional(),
    })
    .strict();
  return { OfficialSchedule, spec: id ? spec.meta({ id }) : spec };
}

const requestSpec = calendarSpecSchema(DateInputSchema, ShortText(100).min(1), (max) => Identifier(max), 'CalendarSpec');
export const OfficialScheduleSchema = requestSpec.OfficialSchedule.meta({ id: 'OfficialSchedule' });
export const CalendarSpecSchema = requestSpec.spec;
/** The spec as stored, in answers. */
const StoredCalendarSpecSchema = calendarSpecSchema(PlainDateSchema, z.string(), (max) => z.string().max(max)).spec;

const DayInfoSchema = z.object({
  date: PlainDateSchema,
  working: z.boolean(),
  reasons: z.array(
    z.object({
      kind: z.enum(['weekend', 'holiday', 'makeup_workday', 'shutdown', 'exception']),
      country: z.string().optional(),
      label: z.string(),
    }),
  ),
  provisional: z.boolean().meta({ description: "True when rules stand in for a country's not yet published official schedule" }),
});

export const ProgramCalendarSchema = z
  .object({
    programId: z.string(),
    version: z.number().int().meta({ description: "The program's version; send it back to change the calendar" }),
    isDefault: z.boolean().meta({ description: "True when the program keeps the default calendar (its factory country's)" }),
    spec: StoredCalendarSpecSchema,
    year: z.object({
      year: z.number().int(),
      workingDays: z.number().int(),
      provisionalCountries: z.array(z.string()),
      days: z.array(DayInfoSchema),
    }),
  })
  .meta({ id: 'ProgramCalendar' });

export const ProgramCalendarQuerySchema = z.object({
  year: z.coerce
    .number()
    .int()
    .min(dateRange.minYear)
    .max(dateRange.maxYear)
    .optional()
    .meta({ description: "Defaults to the program's current year" }),
});

export const UpdateProgramCalendarSchema = z
  .object({ version: VersionSchema, spec: CalendarSpecSchema, reason: ReasonSchema.min(1) })
  .strict();

export const OfficialScheduleUploadSchema = z
  .union([z.string(), z.record(z.string(), z.unknown())])
  .meta({ description: 'The schedule file: its text, or the JSON object it holds (see parseOfficialSchedule)' });

/** The program's version after its calendar changed. */
export const CalendarSavedSchema = z.object({ version: z.number().int() });
/** An official schedule loaded into the program's calendar. */
export const OfficialScheduleLoadedSchema = CalendarSavedSchema.extend({ country: z.string(), year: z.number().int() });
