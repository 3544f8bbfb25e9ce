import type { ResolverOptions } from 'react-hook-form';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { contractResolver } from './contract-resolver.js';
import type { Issue } from './issue-text.js';

type Values = { title: string; lagDays: number; countries: { country: string }[] };

const schema = z.object({
  title: z
    .string()
    .min(3, 'English from the contract')
    .regex(/^[A-Z]/),
  lagDays: z.number().int().min(-365),
  countries: z.array(z.object({ country: z.string().regex(/^[A-Z]{2}$/) })),
});

/** The form's registered fields, as react-hook-form hands them to a resolver. */
const options = (names: string[]) =>
  ({ names, fields: {}, shouldUseNativeValidation: false, criteriaMode: 'firstError' }) as unknown as ResolverOptions<Values>;

/** Words each issue by its code and where it is, so a test sees which issue was kept. */
const textOf = (issue: Issue) => `${issue.code} at ${issue.path.join('.')}`;

describe('contractResolver', () => {
  it('reports every field at fault at once, each with its first issue, in the words given, never zod’s', async () => {
    const resolve = contractResolver(schema as z.ZodType<Values, Values>, textOf);
    const r = await resolve({ title: 'a', lagDays: 1.5, countries: [] }, undefined, options(['title', 'lagDays', 'countries']));
    expect(r.values).toEqual({});
    expect(r.errors).toEqual({
      title: { type: 'too_small', message: 'too_small at title', ref: undefined },
      lagDays: { type: 'invalid_type', message: 'invalid_type at lagDays', ref: undefined },
    });
  });

  it('puts an issue inside a list typed into one control on that control', async () => {
    const resolve = contractResolver(schema as z.ZodType<Values, Values>, textOf);
    const values = { title: 'Pilot', lagDays: 0, countries: [{ country: 'CN' }, { country: 'de' }, { country: 'x' }] };
    const r = await resolve(values, undefined, options(['title', 'lagDays', 'countries']));
    expect(r.errors).toEqual({ countries: { type: 'invalid_format', message: 'invalid_format at countries.1.country', ref: undefined } });
  });

  it('answers the values as the schema outputs them when all is well', async () => {
    const trimmed = z.object({ title: z.string().transform((s) => s.trim()) });
    const resolve = contractResolver(trimmed as unknown as z.ZodType<{ title: string }, { title: string }>, textOf);
    const r = await resolve({ title: '  Pilot  ' }, undefined, options(['title']) as unknown as ResolverOptions<{ title: string }>);
    expect(r).toEqual({ values: { title: 'Pilot' }, errors: {} });
  });
});
