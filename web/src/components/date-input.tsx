import { dateRange } from '../../../src/domain/date-range.js';
import type { ControlProps } from './field.js';

interface Props {
  control: ControlProps;
  value: string;
  onChange: (value: string) => void;
  /** A later bound than the accepted range's end (e.g. today for an actual date). */
  max?: string | undefined;
}

/** A date input bounded to the dates Tollgate accepts, so the picker offers nothing the server refuses. */
export function DateInput({ control, value, onChange, max }: Props) {
  return (
    <input
      {...control}
      type="date"
      min={dateRange.min}
      max={max ?? dateRange.max}
      value={value}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}
