import type { FieldChange } from './change.js';

/**
 * What a domain decision produces for a record: the record as it will be and the field changes the
 * change log records (old -> new), which the one write path stores together.
 */
export interface Edit<T> {
  readonly next: T;
  readonly changes: readonly FieldChange[];
}
