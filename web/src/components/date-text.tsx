import { type DateStyle, formatPlainDate } from '../lib/format.js';
import { Gap } from './gap.js';

interface Props {
  value: string | null;
  /** Shown as a visible gap when there is no date. */
  missing?: string;
  style?: DateStyle;
}

/** A calendar date, machine-readable in <time>, or a visible gap. */
export function DateText({ value, missing, style }: Props) {
  if (value === null) return <Gap>{missing}</Gap>;
  return <time dateTime={value}>{formatPlainDate(value, style)}</time>;
}
