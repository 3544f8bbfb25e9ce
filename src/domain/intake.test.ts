import { describe, expect, it } from 'vitest';
import { asClientId, asUserId } from './ids.js';
import { intakeCodeAlphabet, intakeLinkState, intakeProgramCode } from './intake.js';
import { intakeGrant, permitIntake, permitProgramCreation } from './policy.js';
import { programCodePattern } from './program.js';

describe('intakeProgramCode', () => {
  it.each([
    ['Cordless kettle 1.7 l', 'INT-CORDLESS-KETTLE-7KQ2'],
    ['Crème brûlée torch', 'INT-CREME-BRULEE-TOR-7KQ2'],
    ['  --Tent (2P)--  ', 'INT-TENT-2P-7KQ2'],
    ['电热水壶', 'INT-7KQ2'],
    ['Ấm đun nước', 'INT-AM-UN-NUOC-7KQ2'],
    ['', 'INT-7KQ2'],
  ])('makes %j into %s', (product, code) => {
    expect(intakeProgramCode(product, '7KQ2')).toBe(code);
  });

  it('always makes a program code, at most 32 characters, whatever the product', () => {
    for (const product of ['x'.repeat(500), '-'.repeat(40), 'A-B-C-D-E-F-G-H-I-J', '<script>alert(1)</script>']) {
      const code = intakeProgramCode(product, 'ZZZZ');
      expect(code).toMatch(programCodePattern);
      expect(code.length).toBeLessThanOrEqual(32);
    }
  });

  it('draws its random part from letters that read unambiguously', () => {
    expect(intakeCodeAlphabet).not.toMatch(/[01IO]/);
    expect(new Set(intakeCodeAlphabet).size).toBe(32);
  });
});

describe('intakeLinkState', () => {
  const now = new Date('2026-03-11T04:00:00Z');
  it('is open until revoked or expired, and either ends it', () => {
    expect(intakeLinkState({ revokedAt: null, expiresAt: null }, now)).toBe('open');
    expect(intakeLinkState({ revokedAt: null, expiresAt: '2026-03-11T04:00:00.001Z' }, now)).toBe('open');
    expect(intakeLinkState({ revokedAt: null, expiresAt: '2026-03-11T04:00:00.000Z' }, now)).toBe('expired');
    expect(intakeLinkState({ revokedAt: '2026-03-01T00:00:00.000Z', expiresAt: null }, now)).toBe('revoked');
    expect(intakeLinkState({ revokedAt: '2026-03-01T00:00:00.000Z', expiresAt: '2026-01-01T00:00:00.000Z' }, now)).toBe('revoked');
  });
});

describe('who may submit through intake', () => {
  const keller = asClientId('c-keller');
  const nordwind = asClientId('c-nordwind');
  const person = (memberships: { clientId: string | null; programId: string | null }[], isAdmin = false) => ({
    id: asUserId('u-1'),
    name: 'Jonas',
    email: 'jonas@example.test',
    isAdmin,
    memberships: memberships.map((m, i) => ({
      id: `m-${i}`,
      userId: asUserId('u-1'),
      clientId: m.clientId === null ? null : asClientId(m.clientId),
      programId: m.programId as never,
      role: 'observer' as const,
      version: 1,
    })),
  });

  it('lets admins and anyone with a role on the client submit, not a role on one program or another client', () => {
    expect(permitIntake(person([], true), keller).ok).toBe(true);
    expect(permitIntake(person([{ clientId: keller, programId: null }]), keller).ok).toBe(true);
    expect(permitIntake(person([{ clientId: null, programId: 'p-1' }]), keller)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(permitIntake(person([{ clientId: nordwind, programId: null }]), keller)).toMatchObject({ ok: false });
  });

  it('grants one submission what the client’s cadence owner may do for that client only', () => {
    const observer = person([{ clientId: keller, programId: null }]);
    expect(permitProgramCreation(observer, keller).ok).toBe(false);
    const granted = intakeGrant(observer, keller);
    expect(permitProgramCreation(granted, keller).ok).toBe(true);
    expect(permitProgramCreation(granted, nordwind).ok).toBe(false);
    expect(observer.memberships).toHaveLength(1);
  });
});
