import { memo, useId } from 'react';
import { formatMonth, formatNumber, formatWeekday } from '../lib/format.js';
import { type DayState, provisionalGlyph, stateGlyph } from './day-state.js';

export interface DayCell {
  date: string;
  state: DayState;
  isProvisional: boolean;
  isToday: boolean;
  /** The day in words with its reasons: the cell's accessible name and tooltip. */
  label: string;
}

interface Props {
  year: number;
  /** 1–12. */
  month: number;
  /** The month's days in order; the first one's ISO weekday places it. */
  days: readonly DayCell[];
  firstWeekday: number;
  /** The one day that takes Tab focus in the whole year, when it is in this month. */
  focusDate: string | null;
}

const weekdays = [1, 2, 3, 4, 5, 6, 7] as const;

/** One month, Monday first: a grid whose cells name their day and why it is or is not worked. */
export const MonthGrid = memo(function MonthGrid({ year, month, days, firstWeekday, focusDate }: Props) {
  const captionId = useId();
  const cells: (DayCell | null)[] = [...Array.from({ length: firstWeekday - 1 }, () => null), ...days];
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks = Array.from({ length: cells.length / 7 }, (_, w) => cells.slice(w * 7, w * 7 + 7));
  const name = formatMonth(year, month);
  return (
    // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: a month is a table of days; as a grid it takes arrow keys with one Tab stop
    <table className="cal-month" role="grid" aria-labelledby={captionId} aria-readonly="true">
      <caption id={captionId} className="cal-month__name">
        {name}
      </caption>
      <thead>
        <tr>
          {weekdays.map((w) => (
            <th key={w} scope="col" className="cal-month__weekday" title={formatWeekday(w, 'long')}>
              <span aria-hidden="true">{formatWeekday(w, 'short')}</span>
              <span className="visually-hidden">{formatWeekday(w, 'long')}</span>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {weeks.map((week, w) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a month's weeks are fixed by its dates
          <tr key={w}>
            {week.map((d, i) =>
              d === null ? (
                // biome-ignore lint/suspicious/noArrayIndexKey: blank cells before the 1st and after the last day
                <td key={`blank-${i}`} className="cal-day cal-day--blank" />
              ) : (
                <DayTd key={d.date} day={d} isFocusable={d.date === focusDate} />
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
});

/** One day: its number and shape for the eye, its words as its name; only one day in the year is in the Tab order. */
function DayTd({ day: d, isFocusable }: { day: DayCell; isFocusable: boolean }) {
  const glyph = `${stateGlyph[d.state]}${d.isProvisional ? provisionalGlyph : ''}`;
  return (
    <td
      // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: the grid's cells take focus to tell each day's reason
      role="gridcell"
      data-date={d.date}
      tabIndex={isFocusable ? 0 : -1}
      aria-label={d.label}
      title={d.label}
      className={`cal-day cal-day--${d.state}${d.isProvisional ? ' cal-day--provisional' : ''}${d.isToday ? ' cal-day--today' : ''}`}
    >
      <span className="cal-day__num" aria-hidden="true">
        {formatNumber(Number(d.date.slice(8)))}
      </span>
      {glyph && (
        <span className="cal-day__glyph" aria-hidden="true">
          {glyph}
        </span>
      )}
    </td>
  );
}
