import { z } from 'zod';
import { CreateClientSchema } from '../../../src/contract/setup.js';

/**
 * A country typed as its two-letter code, upper-cased, then checked by the contract; a code of the
 * wrong shape is worded by `text` (the contract's regex alone would only say "check this value").
 */
export const countryControl = (text: string) =>
  z
    .string()
    .transform((c) => c.trim().toUpperCase())
    .refine((c) => c === '' || /^[A-Z]{2}$/.test(c), { params: { text } })
    .pipe(CreateClientSchema.shape.country);
