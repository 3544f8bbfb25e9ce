import { z } from 'zod';

/**
 * A control's text where empty means none ('' → null), then checked by the contract's schema for
 * the field: optional dates, owners, levels.
 */
export const blankAsNull = <S extends z.ZodType>(schema: S) =>
  z
    .string()
    .transform((v) => (v.trim() === '' ? null : v))
    // The contract's schema takes null (nullable) or refuses it as missing: either is what the form means.
    .pipe(schema as unknown as z.ZodType<z.output<S>, string | null>);

/** A number control's text ('' → null, else the number typed), then checked by the contract's schema. */
export const numberOrNull = <S extends z.ZodType>(schema: S) =>
  z
    .string()
    .transform((v) => (v.trim() === '' ? null : Number(v)))
    .pipe(schema as unknown as z.ZodType<z.output<S>, number | null>);

/** A control's text as it is (a radio group, a select with an empty "choose" option), checked by the contract's schema. */
export const fromControl = <S extends z.ZodType>(schema: S) => z.string().pipe(schema as unknown as z.ZodType<z.output<S>, string>);
