import { hashSecret } from '../../src/app/auth/secrets.js';
import { signIn } from '../../src/app/auth/sign-in.js';
import { createPerson } from '../../src/app/people/create-person.js';
import type { BenchContext } from './types.js';
import { defineOperation, expectOk } from './types.js';

/*
 * A wrong password and an unknown email must cost the same, so that timing does not reveal who
 * has an account (docs/access.md). These two operations measure both refusals side by side; the
 * throttle counters are cleared untimed before each call so the full check runs every time.
 */
const address = '203.0.113.9';
const known = 'timing-known@bench.invalid';
const unknown = 'timing-unknown@bench.invalid';

async function clearThrottle(ctx: BenchContext, email: string): Promise<void> {
  await ctx.deps.store.transaction(async (tx) => {
    await tx.clearFailures(`account:${hashSecret(email)}`);
    await tx.clearFailures(`address:${address}`);
  });
}

async function refused(ctx: BenchContext, email: string): Promise<string> {
  const r = await signIn(ctx.deps, { email, password: 'not the password', address });
  if (r.ok || r.error.code !== 'INVALID_CREDENTIALS') throw new Error(`expected INVALID_CREDENTIALS for ${email}`);
  return r.error.code;
}

export const signInWrongPassword = defineOperation({
  name: 'sign-in-wrong-password',
  description: 'signIn refused: an existing account, wrong password (argon2id verify)',
  setup: async (ctx) => {
    const admin = ctx.portfolio.admin;
    const existing = await ctx.deps.store.reads.findUserByEmail(known);
    if (!existing)
      expectOk(
        await createPerson(ctx.deps, { actor: admin, email: known, name: 'Timing Check', password: 'correct horse battery' }),
        'createPerson',
      );
  },
  beforeEach: (ctx) => clearThrottle(ctx, known),
  run: (ctx) => refused(ctx, known),
});

export const signInUnknownEmail = defineOperation({
  name: 'sign-in-unknown-email',
  description: 'signIn refused: no such account (verifies against a decoy hash, same cost)',
  beforeEach: (ctx) => clearThrottle(ctx, unknown),
  run: (ctx) => refused(ctx, unknown),
});
