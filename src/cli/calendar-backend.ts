import type { z } from 'zod';
import { getProgramCalendar } from '../app/calendar/get-program-calendar.js';
import { updateProgramCalendar } from '../app/calendar/update-program-calendar.js';
import { uploadOfficialSchedule } from '../app/calendar/upload-official-schedule.js';
import type { AppDeps } from '../app/deps.js';
import { ProgramCalendarSchema, type UpdateProgramCalendarSchema } from '../contract/calendar.js';
import type { CalendarSpec } from '../domain/calendar/calendar-spec.js';
import { ok, type Result } from '../domain/result.js';
import type { As, Call } from './backend-parts.js';

// The calendar commands' part of the Backend (cli/backend.ts), on the database and over the API:
// the same JSON and the same refusals either way.

export type ProgramCalendar = z.infer<typeof ProgramCalendarSchema>;
export type UpdateCalendarBody = z.output<typeof UpdateProgramCalendarSchema>;
export interface LoadedSchedule {
  readonly version: number;
  readonly country: string;
  readonly year: number;
}

export interface CalendarBackend {
  /** The program's calendar and one year of it, day by day; the program's current year by default. */
  getCalendar(programId: string, year: number | undefined): Promise<Result<ProgramCalendar>>;
  /** Replaces the calendar spec read at `version` (cadence owner); answers the program's new version. */
  updateCalendar(programId: string, body: UpdateCalendarBody): Promise<Result<{ version: number }>>;
  /** Loads an official schedule file's text; the refusal names each field at fault. */
  uploadOfficialSchedule(programId: string, text: string): Promise<Result<LoadedSchedule>>;
}

/** The calendar commands on the database, acting as the session's person (see database-backend.ts). */
export function calendarOnDatabase(deps: AppDeps, as: As): CalendarBackend {
  return {
    getCalendar: (programId, year) =>
      as(async (a) => {
        const r = await getProgramCalendar(deps, { programId, year, actor: a });
        // The API's serializer keeps exactly the schema's fields, in its order: so does --json here.
        return r.ok ? ok(ProgramCalendarSchema.parse(r.value)) : r;
      }),
    updateCalendar: (programId, b) =>
      as((a) => updateProgramCalendar(deps, { programId, actor: a, version: b.version, spec: b.spec as CalendarSpec, reason: b.reason })),
    uploadOfficialSchedule: (programId, text) => as((a) => uploadOfficialSchedule(deps, { programId, actor: a, text })),
  };
}

/** The calendar commands over the HTTP API (see server-backend.ts). */
export function calendarOverHttp(call: Call): CalendarBackend {
  const calendar = (programId: string, rest = '') => `/programs/${encodeURIComponent(programId)}/calendar${rest}`;
  return {
    getCalendar: (programId, year) => call<ProgramCalendar>({ method: 'GET', path: calendar(programId), query: { year } }),
    updateCalendar: (programId, body) => call<{ version: number }>({ method: 'PUT', path: calendar(programId), body }),
    // Sent as a JSON string, so the server parses the file's own text and names its faults as here.
    uploadOfficialSchedule: (programId, text) =>
      call<LoadedSchedule>({ method: 'POST', path: calendar(programId, '/official-schedules'), body: text }),
  };
}
