import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { asClientId, asProgramId, asUserId } from '../../src/domain/ids.js';
import { accessProgram, grantFor, type ProgramAccess, type ProgramAction, policy, programActions } from '../../src/domain/policy.js';
import { type Role, roles } from '../../src/domain/roles.js';

// The permission table of docs/access.md is the policy: this test reads it (as error-catalogue.test.ts
// reads docs/errors.md) and holds src/domain/policy.ts to it, action by action and role by role.

type Grant = 'yes' | 'own' | 'no';

/**
 * What each role may do, read from the permission table of docs/access.md (as the error catalogue
 * test reads docs/errors.md): the code must not drift from the doc, and the doc is the one copy.
 * A row is "| `action` — what it is | grant per role |", the header names the roles; "–" is no.
 */
function documentedGrants(): Record<string, Record<string, Grant>> {
  const doc = readFileSync(fileURLToPath(new URL('../../docs/access.md', import.meta.url)), 'utf8').split('\n');
  const cells = (line: string) =>
    line
      .split('|')
      .slice(1, -1)
      .map((c) => c.trim());
  const head = doc.findIndex((l) => /^\|\s*permission\s*\|/.test(l));
  if (head < 0) throw new Error('docs/access.md has no "| permission | … |" table');
  const roleNames = cells(doc[head] ?? '')
    .slice(1)
    .map((name) => name.replaceAll(' ', '_'));
  const table: Record<string, Record<string, Grant>> = {};
  for (const line of doc.slice(head + 2)) {
    if (!line.startsWith('|')) break;
    const [first = '', ...grants] = cells(line);
    const action = /^`([a-z]+\.[a-z]+)`/.exec(first)?.[1];
    if (!action) throw new Error(`docs/access.md: a permission row without a \`name\`: ${line}`);
    table[action] = Object.fromEntries(
      grants.map((g, i) => {
        const grant = g === '–' ? 'no' : g;
        if (grant !== 'yes' && grant !== 'own' && grant !== 'no') throw new Error(`docs/access.md: ${action}: "${g}" is not yes, own or –`);
        return [roleNames[i] ?? `column ${i + 2}`, grant];
      }),
    );
  }
  return table;
}

const documented = documentedGrants() as Record<ProgramAction, Record<Role, Grant>>;

const kettle = { id: asProgramId('p-kettle'), clientId: asClientId('c-keller'), code: 'KHG-KW500' };
const accessAs = (...held: Role[]): ProgramAccess => {
  const memberships = held.map((role, i) => ({
    id: `m-${i}`,
    userId: asUserId('u-dana'),
    clientId: null,
    programId: kettle.id,
    role,
    version: 1,
  }));
  const r = accessProgram({ id: asUserId('u-dana'), name: 'Dana', email: 'dana@example.test', isAdmin: false, memberships }, kettle);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};

describe('the policy table', () => {
  it('holds exactly the documented grant for every action and role', () => {
    expect(Object.keys(policy).sort()).toEqual([...programActions].sort());
    expect(Object.keys(documented).sort()).toEqual([...programActions].sort());
    for (const grants of Object.values(documented)) expect(Object.keys(grants).sort()).toEqual([...roles].sort());
    expect(policy).toEqual(documented);
  });

  it.each(programActions.flatMap((a) => roles.map((r) => [a, r] as const)))('%s for a %s: the grant of the table', (action, role) => {
    expect(grantFor(accessAs(role), action)).toBe(documented[action][role]);
  });
});
