import { hash, type Options, verify } from '@node-rs/argon2';
import type { PasswordHasher } from '../app/ports.js';

/**
 * argon2id at the given cost; a hash names its own cost (`m=…,t=…,p=…`), so any of them verifies one made
 * at another. Tollgate hashes with argon2Passwords; the tests make their people's hashes cheaper
 * (test/support/passwords.ts).
 */
export function argon2PasswordsAt(options: Options = {}): PasswordHasher {
  return {
    hash: (password) => hash(password, options),
    verify: async (h, password) => {
      try {
        return await verify(h, password);
      } catch {
        // A malformed stored hash never matches.
        return false;
      }
    },
  };
}

/** argon2id with the library's defaults (OWASP: 19 MiB, 2 passes, 1 lane): ~40 ms per hash here. */
export const argon2Passwords: PasswordHasher = argon2PasswordsAt();
