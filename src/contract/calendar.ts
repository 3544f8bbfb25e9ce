import { z } from 'zod';
import { PlainDateSchema, ReasonSchema, VersionSchema } from './common.js';

const LabelSchema = z.string().trim().min(1).max(100);
const LabelledDateSchema = z.object({ date: PlainDateSchema, label: LabelSchema }).strict();

export const OfficialScheduleSchema = z
  .object({
    country: z.string().regex(/^[A-Z]{2}$/, 'Must be a two-letter upper-case country code, e.g. "CN".'),
    year: z.number().int().min(1900).max(2999),
    holidays: z.array(LabelledDateSchema),
    makeupWorkdays: z.array(LabelledDateSchema),
  })
  .strict()
  .meta({ id: 'OfficialSchedule' });

export const CalendarSpecSchema = z
  .object({
    countries: z
      .array(
        z
          .object({
            country: z.string().regex(/^[A-Z]{2}$/, 'Must be a two-letter upper-case country code, e.g. "CN".'),
            region: z.string().min(1).max(10).optional(),
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
      .array(z.object({ from: PlainDateSchema, to: PlainDateSchema, label: LabelSchema }).strict())
      .max(200)
      .optional(),
    exceptions: z
      .array(z.object({ date: PlainDateSchema, working: z.boolean(), label: LabelSchema }).strict())
      .max(1000)
      .optional(),
    timeZone: z.string().min(1).max(64).meta({ description: 'IANA time zone, e.g. Asia/Shanghai' }),
    endOfDayHour: z.number().int().min(0).max(24).meta({ description: 'Local hour at which a business day ends' }),
    countryMode: z.enum(['any_closed', 'all_closed']).optional(),
    officialSchedules: z.array(OfficialScheduleSchema).max(200).optional(),
  })
  .strict()
  .meta({ id: 'CalendarSpec' });

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
    spec: CalendarSpecSchema,
    year: z.object({
      year: z.number().int(),
      workingDays: z.number().int(),
      provisionalCountries: z.array(z.string()),
      days: z.array(DayInfoSchema),
    }),
  })
  .meta({ id: 'ProgramCalendar' });

export const ProgramCalendarQuerySchema = z.object({
  year: z.coerce.number().int().min(1900).max(2999).optional().meta({ description: "Defaults to the program's current year" }),
});

export const UpdateProgramCalendarSchema = z
  .object({ version: VersionSchema, spec: CalendarSpecSchema, reason: ReasonSchema.min(1) })
  .strict();

export const OfficialScheduleUploadSchema = z
  .union([z.string(), z.record(z.string(), z.unknown())])
  .meta({ description: 'The schedule file: its text, or the JSON object it holds (see parseOfficialSchedule)' });
