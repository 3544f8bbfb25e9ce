import { ok, type Result, refuse } from './result.js';

export const minPasswordLength = 10;

/** A password is long enough and is not simply the person's email or its name part. */
export function checkPassword(password: string, email: string): Result<true> {
  const field = [{ path: 'password', message: `At least ${minPasswordLength} characters, not your email.` }];
  if (password.length < minPasswordLength)
    return refuse('PASSWORD_TOO_WEAK', `The password needs at least ${minPasswordLength} characters.`, field);
  const lower = password.toLowerCase();
  const e = email.toLowerCase();
  if (lower === e || lower === e.split('@')[0]) return refuse('PASSWORD_TOO_WEAK', 'The password must not be your email.', field);
  if (new Set(password).size < 4) return refuse('PASSWORD_TOO_WEAK', 'The password repeats too few different characters.', field);
  return ok(true);
}
