import { hash, verify } from '@node-rs/argon2';
import type { PasswordHasher } from '../app/ports.js';

/** argon2id with the library's defaults (OWASP: 19 MiB, 2 passes, 1 lane): ~40 ms per hash here. */
export const argon2Passwords: PasswordHasher = {
  hash: (password) => hash(password),
  verify: async (h, password) => {
    try {
      return await verify(h, password);
    } catch {
      // A malformed stored hash never matches.
      return false;
    }
  },
};
