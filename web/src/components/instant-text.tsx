import { formatInstant, formatInstantFull, formatInstantParts } from '../lib/format.js';

/**
 * An instant in the reader's time zone, machine-readable in <time>; hovering shows it in full with
 * its offset and zone, where several zones meet. `stacked` shows the day and the time on two lines,
 * for a table column that must stay narrow.
 */
export function InstantText({ value, stacked = false }: { value: string; stacked?: boolean }) {
  if (stacked) {
    const [day, time] = formatInstantParts(value);
    return (
      <time dateTime={value} title={formatInstantFull(value)} className="instant--stacked">
        <span>{day}</span> <span>{time}</span>
      </time>
    );
  }
  return (
    <time dateTime={value} title={formatInstantFull(value)}>
      {formatInstant(value)}
    </time>
  );
}
