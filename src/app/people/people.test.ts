import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openUseCaseWorld, refusal, type UseCaseWorld } from '../../../test/support/use-case-world.js';
import { createApiToken } from '../auth/create-api-token.js';
import { listApiTokens } from '../auth/list-api-tokens.js';
import { unwrap } from '../create-records.js';
import { getProgram } from '../get-program.js';
import { createPerson } from './create-person.js';
import { grantRole } from './grant-role.js';
import { listProgramPeople } from './list-program-people.js';
import { removePerson } from './remove-person.js';

let w: UseCaseWorld;
beforeAll(async () => {
  w = await openUseCaseWorld();
});
afterAll(() => w.close());

describe('createPerson', () => {
  it('makes the first admin once only; after that an admin adds people', async () => {
    const again = refusal(await createPerson(w.deps, { actor: null, email: 'second@example.test', name: 'Second', isAdmin: true }));
    expect(again.code).toBe('FORBIDDEN');
    const chen = await w.person('Chen Wei');
    expect(refusal(await createPerson(w.deps, { actor: chen, email: 'x@example.test', name: 'X' })).code).toBe('FORBIDDEN');
    const dup = refusal(await createPerson(w.deps, { actor: w.admin, email: ' ADMIN@example.test ', name: 'Copy' }));
    expect(dup).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ path: 'email' }] });
  });
});

describe('grantRole', () => {
  it('gives a role once: granting it again changes nothing', async () => {
    const p = await w.program();
    const chen = await w.person('Chen Wei');
    const first = unwrap(await grantRole(w.deps, { actor: w.admin, userId: chen.id, programId: p.code, role: 'contributor' }));
    const second = unwrap(await grantRole(w.deps, { actor: w.admin, userId: chen.id, programId: p.id, role: 'contributor' }));
    expect(second.id).toBe(first.id);
    expect((await w.changes(p, { entity: 'membership', field: 'role' })).map((c) => c.newValue)).toEqual(['contributor']);
    const people = unwrap(await listProgramPeople(w.deps, { actor: w.lead, programId: p.id }));
    expect(people.find((x) => x.user.id === chen.id)?.roles).toEqual(['contributor']);
  });

  it('takes a client or a program, not both, and only an admin grants', async () => {
    const p = await w.program();
    const chen = await w.person('Chen Wei');
    const both = refusal(
      await grantRole(w.deps, { actor: w.admin, userId: chen.id, programId: p.id, clientId: w.client.id, role: 'observer' }),
    );
    expect(both.fields?.map((f) => f.path)).toEqual(['clientId']);
    expect(refusal(await grantRole(w.deps, { actor: w.lead, userId: chen.id, programId: p.id, role: 'observer' })).code).toBe('FORBIDDEN');
  });
});

describe('removePerson', () => {
  it('ends a person’s roles and tokens at once, keeping the account named in the log', async () => {
    const p = await w.program();
    const chen = await w.person('Chen Wei', { role: 'contributor', program: p });
    unwrap(await createApiToken(w.deps, { actor: chen, name: 'laptop', expiresInDays: 30 }));
    unwrap(await removePerson(w.deps, { actor: w.admin, userId: chen.id, reason: 'Left the supplier' }));

    const after = await w.reload(chen);
    expect(after.memberships).toEqual([]);
    expect(refusal(await getProgram(w.deps, { programId: p.id, actor: after })).code).toBe('PROGRAM_NOT_FOUND');
    expect((await listApiTokens(w.deps, { actor: after })).map((t) => t.revokedAt)).toEqual([w.now().toISOString()]);
    expect((await w.changes(p, { entity: 'membership', field: 'role' })).at(-1)).toMatchObject({
      oldValue: 'contributor',
      newValue: null,
      reason: 'Left the supplier',
    });
    expect(refusal(await removePerson(w.deps, { actor: w.admin, userId: chen.id })).code).toBe('USER_NOT_FOUND');
  });

  it('keeps at least one admin', async () => {
    const r = refusal(await removePerson(w.deps, { actor: w.admin, userId: w.admin.id }));
    expect(r.code).toBe('LAST_ADMIN');
    const other = unwrap(
      await createPerson(w.deps, { actor: w.admin, email: 'second.admin@example.test', name: 'Sam Ortiz', isAdmin: true }),
    );
    unwrap(await removePerson(w.deps, { actor: w.admin, userId: other.id }));
    expect(refusal(await removePerson(w.deps, { actor: w.admin, userId: w.admin.id })).code).toBe('LAST_ADMIN');
  });
});
