import { dictionary } from '@zxcvbn-ts/language-common';
import { checkPassword } from '../../domain/password-policy.js';
import type { Result } from '../../domain/result.js';
import { demoPassword } from '../demo/demo-data.js';
import type { AppDeps } from '../deps.js';

// The common-passwords list of zxcvbn-ts (about 49,000 from breach corpora, lower case), read once on first use.
let common: ReadonlySet<string> | null = null;
export const commonPasswords = (): ReadonlySet<string> => {
  common ??= new Set(dictionary['passwords-common']);
  return common;
};

/**
 * Checks a password someone chooses (invite, setup link, change, an admin adding a person) against
 * the policy: the common passwords, and the published demo password unless this is the demo.
 */
export const checkNewPassword = (deps: AppDeps, password: string, email: string): Result<true> =>
  checkPassword(password, email, { common: commonPasswords(), forbidden: deps.demo ? [] : [demoPassword] });
