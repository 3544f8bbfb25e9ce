import { describe, expect, it } from 'vitest';
import { asClientId, asProgramId, asUserId, type UserId } from './ids.js';
import { accessProgram, grantFor, type ProgramAccess, permit, permitAdmin, programActions } from './policy.js';
import type { Result } from './result.js';
import { type Membership, type Principal, type Role, rolesOn } from './roles.js';

const keller = asClientId('c-keller');
const halvorsen = asClientId('c-halvorsen');
const kettle = { id: asProgramId('p-kettle'), clientId: keller, code: 'KHG-KW500' };
const blender = { id: asProgramId('p-blender'), clientId: keller, code: 'KHG-HB20' };
const winch = { id: asProgramId('p-winch'), clientId: halvorsen, code: 'HM-WINCH3' };

const dana = asUserId('u-dana');
let n = 0;
const on = (where: { clientId?: typeof keller; programId?: typeof kettle.id }, role: Role, userId: UserId = dana): Membership => ({
  id: `m-${++n}`,
  userId,
  clientId: where.clientId ?? null,
  programId: where.programId ?? null,
  role,
  version: 1,
});
const person = (memberships: Membership[], isAdmin = false): Principal => ({
  id: dana,
  name: 'Dana',
  email: 'dana@example.test',
  isAdmin,
  memberships,
});

function value<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(`expected ok, got ${r.error.code}: ${r.error.message}`);
  return r.value;
}
function refusal<T>(r: Result<T>) {
  if (r.ok) throw new Error('expected a refusal');
  return r.error;
}

const accessAs = (...held: Role[]): ProgramAccess => value(accessProgram(person(held.map((r) => on({ programId: kettle.id }, r))), kettle));

describe('own versus yes', () => {
  const mine = { ownerId: dana };
  const theirs = { ownerId: asUserId('u-chen') };
  const nobodys = { ownerId: null };

  it("'own' allows an item the person owns, and refuses another's, an unowned one, or no item at all", () => {
    const contributor = accessAs('contributor');
    expect(value(permit(contributor, 'milestone.move', mine, dana))).toBe(true);
    expect(value(permit(contributor, 'milestone.complete', mine, dana))).toBe(true);
    for (const item of [theirs, nobodys, undefined]) {
      const r = refusal(permit(contributor, 'milestone.move', item, dana));
      expect(r.code).toBe('FORBIDDEN');
      expect(r.message).toContain('only on items you own');
    }
  });

  it("'own' compares with the acting person: someone else's id does not make the item theirs", () => {
    expect(refusal(permit(accessAs('quality_owner'), 'milestone.complete', mine, asUserId('u-chen'))).code).toBe('FORBIDDEN');
    expect(refusal(permit(accessAs('quality_owner'), 'milestone.complete', mine)).code).toBe('FORBIDDEN');
  });

  it("'yes' allows every item, owned or not", () => {
    const cadence = accessAs('cadence_owner');
    for (const item of [mine, theirs, nobodys, undefined]) expect(value(permit(cadence, 'milestone.move', item, dana))).toBe(true);
  });

  it("'no' refuses even the person's own item", () => {
    expect(refusal(permit(accessAs('observer'), 'milestone.move', mine, dana)).code).toBe('FORBIDDEN');
    expect(refusal(permit(accessAs('contributor'), 'milestone.edit', mine, dana)).code).toBe('FORBIDDEN');
  });
});

describe('several roles', () => {
  it('take the best grant of any role held, whichever order they come in', () => {
    expect(grantFor(accessAs('observer', 'contributor'), 'milestone.move')).toBe('own');
    expect(grantFor(accessAs('contributor', 'observer'), 'milestone.move')).toBe('own');
    expect(grantFor(accessAs('contributor', 'cadence_owner'), 'milestone.move')).toBe('yes');
    expect(grantFor(accessAs('cadence_owner', 'contributor'), 'milestone.move')).toBe('yes');
    expect(grantFor(accessAs('decision_owner', 'observer'), 'milestone.create')).toBe('no');
  });

  it('a role on the client and another on the program add up', () => {
    const p = person([on({ clientId: keller }, 'observer'), on({ programId: kettle.id }, 'quality_owner')]);
    expect(rolesOn(p, kettle).sort()).toEqual(['observer', 'quality_owner']);
    expect(grantFor(value(accessProgram(p, kettle)), 'milestone.complete')).toBe('own');
    // The program role stays on its program; the client role covers the client's other programs.
    expect(rolesOn(p, blender)).toEqual(['observer']);
  });
});

describe('where a role holds', () => {
  it("a client membership applies to every program of that client, and to no other client's", () => {
    const p = person([on({ clientId: keller }, 'cadence_owner')]);
    expect(rolesOn(p, kettle)).toEqual(['cadence_owner']);
    expect(rolesOn(p, blender)).toEqual(['cadence_owner']);
    expect(rolesOn(p, winch)).toEqual([]);
    expect(grantFor(value(accessProgram(p, blender)), 'milestone.create')).toBe('yes');
  });

  it('a program membership applies to that program only, not to its sister programs', () => {
    const p = person([on({ programId: kettle.id }, 'cadence_owner')]);
    expect(rolesOn(p, kettle)).toEqual(['cadence_owner']);
    expect(rolesOn(p, blender)).toEqual([]);
    expect(refusal(accessProgram(p, blender)).code).toBe('PROGRAM_NOT_FOUND');
  });

  it('someone with no memberships sees no program', () => {
    for (const program of [kettle, blender, winch]) expect(refusal(accessProgram(person([]), program)).code).toBe('PROGRAM_NOT_FOUND');
  });
});

describe('seeing a program', () => {
  it('a program the person holds no role on is refused as PROGRAM_NOT_FOUND, naming only the code asked for', () => {
    const r = refusal(accessProgram(person([on({ clientId: keller }, 'observer')]), winch));
    expect(r).toEqual({ code: 'PROGRAM_NOT_FOUND', message: 'No program "HM-WINCH3".' });
  });

  it('an admin sees every program, reads it, confirms closures, and may do on it only what their roles there allow', () => {
    const admin = person([], true);
    const access = value(accessProgram(admin, winch));
    expect(access).toMatchObject({ programId: winch.id, roles: [], isAdmin: true });
    expect(grantFor(access, 'program.read')).toBe('yes');
    expect(grantFor(access, 'action.confirm')).toBe('yes');
    for (const action of programActions.filter((a) => a !== 'program.read' && a !== 'action.confirm')) {
      expect(grantFor(access, action)).toBe('no');
    }
    expect(refusal(permit(access, 'milestone.move', { ownerId: dana }, dana)).code).toBe('FORBIDDEN');
    const adminLead = person([on({ programId: winch.id }, 'cadence_owner')], true);
    expect(value(permit(value(accessProgram(adminLead, winch)), 'milestone.create'))).toBe(true);
  });
});

describe('FORBIDDEN', () => {
  it('names the permission and the roles that hold it', () => {
    const r = refusal(permit(accessAs('observer'), 'milestone.move', { ownerId: null }, dana));
    expect(r.code).toBe('FORBIDDEN');
    expect(r.message).toContain('milestone.move');
    expect(r.message).toContain('cadence owner');
    expect(r.message).toContain('contributor (own items)');
    expect(r.message).not.toContain('observer');
    const create = refusal(permit(accessAs('decision_owner'), 'milestone.create'));
    expect(create.message).toContain('milestone.create');
    expect(create.message).toContain('cadence owner');
  });

  it('names the permission for workspace administration, which only admins hold', () => {
    const r = refusal(permitAdmin(person([on({ clientId: keller }, 'cadence_owner')]), 'people.manage'));
    expect(r.code).toBe('FORBIDDEN');
    expect(r.message).toContain('people.manage');
    expect(r.message).toContain('admin');
    expect(value(permitAdmin(person([], true), 'programs.manage'))).toBe(true);
  });
});

describe('actions: the owner marks done, someone else confirms', () => {
  const mine = { ownerId: dana };
  const theirs = { ownerId: asUserId('u-chen') };

  it('only the owner marks an action done, even the cadence owner', () => {
    for (const role of ['decision_owner', 'cadence_owner', 'quality_owner', 'contributor'] as const) {
      expect(value(permit(accessAs(role), 'action.done', mine, dana))).toBe(true);
      expect(refusal(permit(accessAs(role), 'action.done', theirs, dana)).code).toBe('FORBIDDEN');
    }
    expect(refusal(permit(accessAs('observer'), 'action.done', mine, dana)).code).toBe('FORBIDDEN');
  });

  it('the cadence owner or a decision owner confirms or reopens; the quality owner may also check effectiveness', () => {
    expect(value(permit(accessAs('cadence_owner'), 'action.confirm', theirs, dana))).toBe(true);
    expect(value(permit(accessAs('decision_owner'), 'action.confirm', theirs, dana))).toBe(true);
    for (const role of ['quality_owner', 'contributor', 'observer'] as const) {
      expect(refusal(permit(accessAs(role), 'action.confirm', mine, dana)).code).toBe('FORBIDDEN');
    }
    expect(value(permit(accessAs('quality_owner'), 'action.check', theirs, dana))).toBe(true);
    expect(refusal(permit(accessAs('contributor'), 'action.check', mine, dana)).code).toBe('FORBIDDEN');
  });

  it('everyone but observers opens actions; owners edit their own, the cadence owner any', () => {
    expect(value(permit(accessAs('contributor'), 'action.open'))).toBe(true);
    expect(refusal(permit(accessAs('observer'), 'action.open')).code).toBe('FORBIDDEN');
    expect(value(permit(accessAs('contributor'), 'action.edit', mine, dana))).toBe(true);
    expect(refusal(permit(accessAs('contributor'), 'action.edit', theirs, dana)).code).toBe('FORBIDDEN');
    expect(value(permit(accessAs('cadence_owner'), 'action.edit', theirs, dana))).toBe(true);
  });
});
