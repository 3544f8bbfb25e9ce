import type { TFunction } from 'i18next';
import type { z } from 'zod';
import { isInDateRange } from '../../../src/domain/date-range.js';
import { isPlainDate } from '../../../src/domain/plain-date.js';
import { hasBidiControl, hasControlCharacter, hasUnpairedSurrogate } from '../../../src/domain/text.js';

/** A zod issue as a resolver sees it, with the input that raised it (parsed with `reportInput`). */
export type Issue = z.core.$ZodIssue & { input?: unknown };

/** Nothing given: an empty control, or a value the form turned into null. */
const isMissing = (input: unknown): boolean => input === undefined || input === null || (typeof input === 'string' && input.trim() === '');

/**
 * A refine in the contract carries only an English message; which rule it is shows in the input,
 * checked with the same domain predicates the contract uses.
 */
function customText(t: TFunction, input: unknown): string {
  if (typeof input !== 'string') return t('validation.invalid');
  if (hasUnpairedSurrogate(input)) return t('validation.brokenCharacter');
  if (hasBidiControl(input)) return t('validation.bidiControl');
  if (hasControlCharacter(input, true)) return t('validation.controlCharacter');
  if (hasControlCharacter(input)) return t('validation.singleLine');
  if (isPlainDate(input)) return isInDateRange(input) ? t('validation.invalid') : t('validation.dateOutOfRange');
  if (/^\d+-\d+-\d+$/.test(input)) return t('validation.date');
  return t('validation.invalid');
}

/**
 * The words, from the catalogue, for one issue zod found in a form's values: chosen by the issue's
 * code and parameters, never from zod's (English) message. `required` words the empty-field case
 * for this field (e.g. "Say why the date moves."); a generic request to fill it in otherwise.
 */
export function issueText(t: TFunction, issue: Issue, required?: string): string {
  const missing = required ?? t('validation.required');
  switch (issue.code) {
    case 'invalid_type':
      if (isMissing(issue.input)) return missing;
      if (issue.expected === 'int') return t('validation.wholeNumber');
      if (issue.expected === 'number') return t('validation.number');
      return t('validation.invalid');
    case 'too_small':
      if (issue.origin === 'string')
        return Number(issue.minimum) <= 1 ? missing : t('validation.tooShort', { count: Number(issue.minimum) });
      if (issue.origin === 'array' || issue.origin === 'set')
        return Number(issue.minimum) <= 1 ? missing : t('validation.tooFew', { count: Number(issue.minimum) });
      return t('validation.atLeast', { min: String(issue.minimum) });
    case 'too_big':
      if (issue.origin === 'string') return t('validation.tooLong', { count: Number(issue.maximum) });
      if (issue.origin === 'array' || issue.origin === 'set') return t('validation.tooMany', { count: Number(issue.maximum) });
      return t('validation.atMost', { max: String(issue.maximum) });
    case 'invalid_format':
      if (isMissing(issue.input)) return missing;
      return issue.format === 'email' ? t('validation.email') : t('validation.invalid');
    case 'invalid_value':
      return isMissing(issue.input) ? missing : t('validation.choice');
    case 'custom':
      // A form's own cross-field check words its issue from the catalogue itself.
      if (typeof issue.params?.text === 'string') return issue.params.text;
      return isMissing(issue.input) ? missing : customText(t, issue.input);
    default:
      return t('validation.invalid');
  }
}
