import { formatInstant, formatInstantFull } from '../lib/format.js';

/**
 * An instant in the reader's time zone, machine-readable in <time>; hovering shows it in full with
 * its offset and zone, where several zones meet.
 */
export function InstantText({ value }: { value: string }) {
  return (
    <time dateTime={value} title={formatInstantFull(value)}>
      {formatInstant(value)}
    </time>
  );
}
