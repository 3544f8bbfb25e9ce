/** One field of one record changing from one value to another; the unit of the change log. */
export interface FieldChange {
  readonly field: string;
  readonly oldValue: string | null;
  readonly newValue: string | null;
}

export type Scalar = string | number | boolean | null;

const show = (v: Scalar): string | null => (v === null ? null : String(v));

/** The fields among `fields` whose value differs between `before` and `after`, in the given order. */
export function diffFields<T extends object>(before: T | null, after: T, fields: readonly (keyof T & string)[]): FieldChange[] {
  const out: FieldChange[] = [];
  for (const field of fields) {
    const oldValue = before === null ? null : show(before[field] as Scalar);
    const newValue = show(after[field] as Scalar);
    if (oldValue !== newValue) out.push({ field, oldValue, newValue });
  }
  return out;
}
