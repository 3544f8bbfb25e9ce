import type { PasswordHasher } from '../../src/app/ports.js';
import { argon2PasswordsAt } from '../../src/main/passwords.js';

/**
 * The hashing of the tests' own people (the demo copies, the seeded users, the use cases' world): argon2id
 * as Tollgate hashes, through the same library and code, at a cost of 1 MiB and one pass instead of 19 MiB
 * and two. A hash names its cost, so the servers under test verify these by their own cost and hash new
 * passwords (an invite accepted, a password changed) at Tollgate's. At Tollgate's cost, ~600 hashes and
 * verifications a run were ~20 s of CPU (each ~35–40 ms); src/main/passwords.test.ts holds that cost.
 */
export const testPasswords: PasswordHasher = argon2PasswordsAt({ memoryCost: 1024, timeCost: 1 });
