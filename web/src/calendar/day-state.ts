import type { CalendarDay } from './calendar-api.js';

/** What a day is, for its cell, its legend entry and its row in the list of days off. */
export type DayState = 'working' | 'weekend' | 'holiday' | 'shutdown' | 'closed' | 'makeup' | 'opened' | 'off';

export const dayStates = ['working', 'weekend', 'holiday', 'shutdown', 'closed', 'makeup', 'opened'] as const;

/** The shape shown with each state, so no state is told by colour alone. */
export const stateGlyph: Record<DayState, string> = {
  working: '',
  weekend: '',
  holiday: '★',
  shutdown: '■',
  closed: '✕',
  makeup: '◆',
  opened: '✓',
  off: '–',
};
export const provisionalGlyph = '?';

const has = (d: CalendarDay, kind: CalendarDay['reasons'][number]['kind']) => d.reasons.some((r) => r.kind === kind);

/** The strongest reason decides, in the domain's order: exception, shutdown, makeup day, holiday, weekend. */
export function dayState(d: CalendarDay): DayState {
  if (has(d, 'exception')) return d.working ? 'opened' : 'closed';
  if (d.working) return has(d, 'makeup_workday') ? 'makeup' : 'working';
  if (has(d, 'shutdown')) return 'shutdown';
  if (has(d, 'holiday')) return 'holiday';
  return has(d, 'weekend') ? 'weekend' : 'off';
}

/** A day whose status rests on a country's rule-based holidays, which its official schedule may move. */
export const isProvisionalMark = (d: CalendarDay, provisionalCountries: readonly string[]): boolean =>
  d.provisional && d.reasons.some((r) => r.kind === 'holiday' && r.country !== undefined && provisionalCountries.includes(r.country));

/** Days that change the count against a plain Monday-to-Friday week: weekdays off and weekend days worked. */
export const isNotable = (d: CalendarDay): boolean => (has(d, 'weekend') ? d.working : !d.working || has(d, 'exception'));
