import { describe, expect, it } from 'vitest';
import { scopeFieldOf, toGrant } from './scope.js';

describe('toGrant', () => {
  it('turns the scope select’s value into a role on a client’s programs or on one program', () => {
    expect(toGrant('cadence_owner', 'client:c-1')).toEqual({ role: 'cadence_owner', clientId: 'c-1' });
    expect(toGrant('observer', 'program:p:1')).toEqual({ role: 'observer', programId: 'p:1' });
  });

  it('gives nothing for a scope not chosen or of an unknown kind', () => {
    expect(toGrant('observer', '')).toBeNull();
    expect(toGrant('observer', 'client:')).toBeNull();
    expect(toGrant('observer', 'team:t-1')).toBeNull();
  });
});

describe('scopeFieldOf', () => {
  it('points the server’s client or program id at the row’s one scope select', () => {
    expect(scopeFieldOf('roles.2.clientId')).toBe('roles.2.scope');
    expect(scopeFieldOf('roles.0.programId')).toBe('roles.0.scope');
    expect(scopeFieldOf('email')).toBe('email');
  });
});
