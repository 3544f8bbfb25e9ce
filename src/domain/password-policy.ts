import { ok, type Result, refuse } from './result.js';

export const minPasswordLength = 10;

/** What a new password is checked against besides its own shape; app/ supplies it (the lists are data, not rules). */
export interface PasswordRules {
  /** Commonly used passwords (lower case), e.g. from a breach corpus: refused, also repeated or with digits or symbols appended. */
  readonly common: ReadonlySet<string>;
  /** Published passwords refused here, also repeated or with digits appended (the demo's, outside the demo). */
  readonly forbidden?: readonly string[];
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** The characters as people see them: an emoji, even one built of several code points, is one. */
export const characters = (s: string): string[] => Array.from(graphemes.segment(s), (g) => g.segment);

/** The shortest unit that, repeated, makes the text ("passwordpassword" → "password"). */
function repeatedUnit(chars: readonly string[]): string {
  const n = chars.length;
  for (let size = 1; size <= n / 2; size++) {
    if (n % size !== 0) continue;
    let repeats = true;
    for (let i = size; i < n && repeats; i++) repeats = chars[i] === chars[i - size];
    if (repeats) return chars.slice(0, size).join('');
  }
  return chars.join('');
}

// Digits, spaces and ASCII punctuation people tack on to a word to pass a rule ("monkey2026!").
const appended = /[\d\s!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~]+$/;

/** The password in lower case, without what is appended, and the unit each of those repeats. */
function variants(password: string): string[] {
  const lower = password.toLowerCase();
  const stems = new Set([lower, lower.replace(appended, '')]);
  for (const stem of [...stems]) stems.add(repeatedUnit(characters(stem)));
  // A stem of one to three characters ("a", "abc") says nothing about the whole password.
  return [...stems].filter((s) => s === lower || characters(s).length >= 4);
}

/**
 * Whether the password is one of the list, or one of it repeated ("passwordpassword"), or one with
 * digits or punctuation appended ("password2026!"). Case does not matter; the list is in lower case.
 */
export const isListedPassword = (password: string, list: ReadonlySet<string>): boolean => variants(password).some((v) => list.has(v));

/**
 * A password is long enough (counted in characters as people see them), is not simply the person's
 * email or its name part, not a common password and not one of the forbidden ones.
 */
export function checkPassword(password: string, email: string, rules: PasswordRules): Result<true> {
  const refused = (message: string, field: string) => refuse('PASSWORD_TOO_WEAK', message, [{ path: 'password', message: field }]);
  const rule = `At least ${minPasswordLength} characters, not your email.`;
  const chars = characters(password);
  if (chars.length < minPasswordLength) return refused(`The password needs at least ${minPasswordLength} characters.`, rule);
  const lower = password.toLowerCase();
  const e = email.toLowerCase();
  if (lower === e || lower === e.split('@')[0]) return refused('The password must not be your email.', rule);
  if (new Set(chars).size < 4) return refused('The password repeats too few different characters.', 'Use more different characters.');
  const forbidden = new Set(rules.forbidden?.map((f) => f.toLowerCase()));
  if (isListedPassword(password, forbidden))
    return refused(
      "The password is published (e.g. as the demo's) and refused here; choose another.",
      'A published password; choose another.',
    );
  if (isListedPassword(password, rules.common))
    return refused('The password is one of the most commonly used ones; choose another.', 'A commonly used password; choose another.');
  return ok(true);
}
