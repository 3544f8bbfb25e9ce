import type { FieldProblem } from '../result.js';
import { hasBidiControl, hasControlCharacter, hasUnpairedSurrogate } from '../text.js';

/** Longest text a gate accepts: a name or title on one line, a comment or reason over several. */
export const gateTextLimits = { line: 200, long: 5000 } as const;

/**
 * What is wrong with free text given to a gate rule (the contract's ShortText/LongText rules, applied
 * again because templates and domain callers do not all come through a route): null when nothing is.
 */
export function textProblem(path: string, value: string, kind: 'line' | 'long'): FieldProblem | null {
  const max = gateTextLimits[kind];
  if (value.length > max) return { path, message: `At most ${max} characters.` };
  if (hasControlCharacter(value, kind === 'long'))
    return {
      path,
      message:
        kind === 'long'
          ? 'Text must not contain control characters other than newline and tab.'
          : 'Text must not contain control characters; this field is a single line (no newline or tab).',
    };
  if (hasUnpairedSurrogate(value))
    return { path, message: 'Text contains an unpaired surrogate (half of a UTF-16 pair), which is not a character.' };
  if (kind === 'line' && hasBidiControl(value))
    return { path, message: 'Text must not contain bidirectional override characters (U+202A–U+202E, U+2066–U+2069).' };
  return null;
}

export const isBlank = (s: string | null | undefined): boolean => s === null || s === undefined || s.trim().length === 0;
