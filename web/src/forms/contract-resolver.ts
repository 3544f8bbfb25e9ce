import { toNestErrors } from '@hookform/resolvers';
import type { FieldError, FieldValues, Resolver } from 'react-hook-form';
import type { z } from 'zod';
import type { Issue } from './issue-text.js';

/**
 * The form field an issue belongs to: its path, or the nearest field holding it, e.g. an item of
 * a list typed in one text field ("countries.2.country" → "countries").
 */
function fieldAt(path: readonly PropertyKey[], names: readonly string[]): string {
  const parts = path.map(String);
  for (let n = parts.length; n > 0; n--) {
    const name = parts.slice(0, n).join('.');
    if (names.includes(name)) return name;
  }
  return parts.join('.');
}

/**
 * A react-hook-form resolver over a contract-derived zod schema. zodResolver would keep zod's own
 * message, and the contract's English ones outrank any error map; this one hands each issue (code,
 * parameters, input) to `textOf`, which words it from the catalogue. Every field's first issue is
 * reported at once.
 */
export function contractResolver<In extends FieldValues, Out>(
  schema: z.ZodType<Out, In>,
  textOf: (issue: Issue) => string,
): Resolver<In, unknown, Out> {
  return async (values, _context, options) => {
    const result = await schema.safeParseAsync(values, { reportInput: true });
    if (result.success) return { values: result.data, errors: {} };
    const errors: Record<string, FieldError> = {};
    for (const issue of result.error.issues) {
      const path = fieldAt(issue.path, options.names ?? []);
      errors[path] ??= { type: issue.code, message: textOf(issue) };
    }
    return { values: {}, errors: toNestErrors(errors, options) };
  };
}
