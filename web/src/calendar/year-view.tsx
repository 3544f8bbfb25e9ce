import { type KeyboardEvent, useMemo, useRef, useState } from 'react';
import { isoWeekday, type PlainDate } from '../../../src/domain/plain-date.js';
import type { ProgramCalendar } from './calendar-api.js';
import { dayState, isProvisionalMark } from './day-state.js';
import { type DayCell, MonthGrid } from './month-grid.js';
import { useDayText } from './use-day-text.js';

interface Props {
  calendar: ProgramCalendar;
  /** The program's today, marked when it falls in the year. */
  today: string | null;
  /** Another year is loading: the shown one stays, dimmed. */
  isBusy: boolean;
}

const months = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] as const;

/**
 * Twelve month grids with one Tab stop: arrow keys move by day and week, Home/End to the week's
 * ends, Page Up/Down by month. The day in keyboard focus is spelled out beside it (Escape hides that).
 */
export function YearView({ calendar, today, isBusy }: Props) {
  const text = useDayText();
  const ref = useRef<HTMLDivElement>(null);
  const { year, days, provisionalCountries } = calendar.year;

  const cells = useMemo(
    () =>
      days.map((d): DayCell => {
        const isProvisional = isProvisionalMark(d, provisionalCountries);
        const isToday = d.date === today;
        return { date: d.date, state: dayState(d), isProvisional, isToday, label: text.label(d, { isProvisional, isToday }) };
      }),
    [days, provisionalCountries, today, text.label],
  );
  const index = useMemo(() => new Map(cells.map((c, i) => [c.date, i])), [cells]);
  const byMonth = useMemo(() => months.map((m) => cells.filter((c) => Number(c.date.slice(5, 7)) === m)), [cells]);

  const [chosen, setChosen] = useState<string | null>(null);
  const [isTipHidden, setTipHidden] = useState(false);
  const fallback = today !== null && index.has(today) ? today : (cells[0]?.date ?? '');
  const focusDate = chosen !== null && index.has(chosen) ? chosen : fallback;

  const moveTo = (i: number) => {
    const target = cells[Math.max(0, Math.min(cells.length - 1, i))];
    if (!target) return;
    setChosen(target.date);
    setTipHidden(false);
    ref.current?.querySelector<HTMLElement>(`[data-date="${target.date}"]`)?.focus();
  };
  const sameDayOtherMonth = (date: string, step: number): number => {
    const month = Number(date.slice(5, 7)) + step;
    const list = byMonth[month - 1];
    if (!list || list.length === 0) return step < 0 ? 0 : cells.length - 1;
    const day = Math.min(Number(date.slice(8)), list.length);
    return index.get(list[day - 1]?.date ?? '') ?? 0;
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const date = (e.target as HTMLElement).dataset.date;
    const i = date === undefined ? undefined : index.get(date);
    if (date === undefined || i === undefined) return;
    if (e.key === 'Escape') {
      setTipHidden(true);
      return;
    }
    const weekday = isoWeekday(date as PlainDate);
    const next: Record<string, number> = {
      ArrowLeft: i - 1,
      ArrowRight: i + 1,
      ArrowUp: i - 7,
      ArrowDown: i + 7,
      Home: i - (weekday - 1),
      End: i + (7 - weekday),
      PageUp: sameDayOtherMonth(date, -1),
      PageDown: sameDayOtherMonth(date, 1),
    };
    const to = next[e.key];
    if (to === undefined) return;
    e.preventDefault();
    moveTo(to);
  };

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: key and focus events come from the grid cells inside
    <div
      ref={ref}
      className={`cal-year${isBusy ? ' cal-year--busy' : ''}${isTipHidden ? ' cal-year--no-tip' : ''}`}
      aria-busy={isBusy || undefined}
      onKeyDown={onKeyDown}
      onFocus={(e) => {
        const date = (e.target as HTMLElement).dataset.date;
        if (date !== undefined) setChosen(date);
      }}
    >
      {months.map((m) => {
        const list = byMonth[m - 1] ?? [];
        const first = list[0];
        if (!first) return null;
        return (
          <MonthGrid
            key={m}
            year={year}
            month={m}
            days={list}
            firstWeekday={isoWeekday(first.date as PlainDate)}
            focusDate={Number(focusDate.slice(5, 7)) === m ? focusDate : null}
          />
        );
      })}
    </div>
  );
}
