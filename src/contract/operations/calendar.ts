import { CalendarSavedSchema, ProgramCalendarQuerySchema, ProgramCalendarSchema, UpdateProgramCalendarSchema } from '../calendar.js';
import { defineOperations, writeRefusals } from '../operation.js';
import { ProgramParamsSchema } from '../program.js';

/** A program's business calendar (the official schedule upload takes a file: http/routes/calendar.ts). */
export const calendarOperations = defineOperations({
  getCalendar: {
    method: 'GET',
    path: '/programs/:programId/calendar',
    tags: ['calendar'],
    summary: "The program's calendar spec and one year of it, day by day (provisional days marked)",
    params: ProgramParamsSchema,
    query: ProgramCalendarQuerySchema,
    status: 200,
    response: ProgramCalendarSchema,
    refusals: [400, 401, 404],
  },
  updateCalendar: {
    method: 'PUT',
    path: '/programs/:programId/calendar',
    tags: ['calendar'],
    summary: "Replace the program's calendar (cadence owner), with a reason",
    params: ProgramParamsSchema,
    body: UpdateProgramCalendarSchema,
    status: 200,
    response: CalendarSavedSchema,
    refusals: writeRefusals,
  },
});
