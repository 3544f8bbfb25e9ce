import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { CalendarSpecSchema, ProgramCalendarSchema, UpdateProgramCalendarSchema } from '../../../src/contract/calendar.js';
import { callOperation, request } from '../lib/http.js';

export type ProgramCalendar = z.infer<typeof ProgramCalendarSchema>;
export type CalendarSpec = z.infer<typeof CalendarSpecSchema>;
export type CalendarDay = ProgramCalendar['year']['days'][number];
export type DayReason = CalendarDay['reasons'][number];
export type Shutdown = NonNullable<CalendarSpec['shutdowns']>[number];
export type CalendarException = NonNullable<CalendarSpec['exceptions']>[number];
export type UpdateCalendarBody = z.input<typeof UpdateProgramCalendarSchema>;
export interface LoadedSchedule {
  version: number;
  country: string;
  year: number;
}

const path = (programId: string) => `/api/v1/programs/${encodeURIComponent(programId)}/calendar`;

/** The program's business calendar, typed by the API contract. */
export const calendarApi = {
  get: (programId: string, year: number | null, signal?: AbortSignal) =>
    callOperation('getCalendar', { params: { programId }, query: { year: year ?? undefined } }, signal),
  update: (programId: string, body: UpdateCalendarBody) => callOperation('updateCalendar', { params: { programId }, body }),
  /** The file's text goes as is (a JSON string), so the server reports what is wrong with the file itself. */
  uploadSchedule: (programId: string, fileText: string) =>
    request<LoadedSchedule>('POST', `${path(programId)}/official-schedules`, fileText),
};

/** Under the program's key, so every write to the program refreshes it too. */
export const calendarKey = (programId: string, year: number | null) => ['program', programId, 'calendar', year ?? 'current'] as const;

/** One year of the calendar; while another year of the same program loads, the last one stays on screen (marked busy). */
export const useProgramCalendar = (programId: string, year: number | null) =>
  useQuery({
    queryKey: calendarKey(programId, year),
    queryFn: ({ signal }) => calendarApi.get(programId, year, signal),
    placeholderData: (previous, previousQuery) => (previousQuery?.queryKey[1] === programId ? previous : undefined),
  });
