import { getProgramCalendar } from '../app/calendar/get-program-calendar.js';
import { updateProgramCalendar } from '../app/calendar/update-program-calendar.js';
import type { calendarOperations } from '../contract/operations/calendar.js';
import type { CalendarSpec } from '../domain/calendar/calendar-spec.js';
import { type Bindings, type OperationAnswer, presented } from './binding.js';

/** A program's business calendar (contract/operations/calendar.ts). */
export const calendarBindings: Bindings<keyof typeof calendarOperations> = {
  getCalendar: async ({ app, actor }, { params, query }) =>
    // The view's lists are readonly, the document's are not: the same data.
    presented(await getProgramCalendar(app, { ...params, year: query.year, actor }), (v) => v as OperationAnswer<'getCalendar'>),

  updateCalendar: async ({ app, actor }, { params, body }) =>
    presented(
      await updateProgramCalendar(app, {
        ...params,
        actor,
        version: body.version,
        spec: body.spec as CalendarSpec,
        reason: body.reason,
      }),
      (v) => v,
    ),
};
