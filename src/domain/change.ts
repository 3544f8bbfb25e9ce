/** One field of one record changing from one value to another; the unit of the change log. */
export interface FieldChange {
  readonly field: string;
  readonly oldValue: string | null;
  readonly newValue: string | null;
}

export type Scalar = string | number | boolean | null;

/** A value as the change log writes it: text, or null; a structured value (a calendar) as its JSON text. */
export const changeText = (v: unknown): string | null =>
  v === null || v === undefined ? null : typeof v === 'object' ? JSON.stringify(v) : String(v as Scalar);

/** The fields among `fields` whose value differs between `before` and `after`, in the given order. */
export function diffFields<T extends object>(
  before: Partial<T> | null,
  after: Partial<T>,
  fields: readonly (keyof T & string)[],
): FieldChange[] {
  const out: FieldChange[] = [];
  for (const field of fields) {
    const oldValue = before === null ? null : changeText(before[field]);
    const newValue = changeText(after[field]);
    if (oldValue !== newValue) out.push({ field, oldValue, newValue });
  }
  return out;
}
