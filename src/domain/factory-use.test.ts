import { describe, expect, it } from 'vitest';
import { checkArchivable, checkPlaceChange, draftFollowing, draftFollowingSupplier, programCodes } from './factory-use.js';
import type { ProgramStatus } from './program.js';

const at = (code: string, status: ProgramStatus, archivedAt: string | null = null) => ({ code, status, archivedAt });
const ningbo = { city: 'Ningbo', country: 'CN', timeZone: 'Asia/Shanghai' };
const hanoi = { city: 'Hanoi', country: 'VN', timeZone: 'Asia/Ho_Chi_Minh' };

describe("what a factory's programs allow", () => {
  it('keeps country and time zone while an active or on-hold program is made there, archived or not; names them', () => {
    for (const status of ['active', 'on_hold'] as const) {
      const r = checkPlaceChange('Ningbo', ['timeZone'], [at('KHG-KW500', status, '2026-03-01T00:00:00.000Z'), at('KHG-NEW', 'draft')]);
      expect(r.ok).toBe(false);
      if (r.ok) continue;
      expect(r.error.code).toBe('FACTORY_IN_USE');
      expect(r.error.message).toContain('KHG-KW500');
      expect(r.error.message).not.toContain('KHG-NEW');
      expect(r.error.fields?.map((f) => f.path)).toEqual(['timeZone']);
    }
    expect(checkPlaceChange('Ningbo', ['country', 'timeZone'], [at('A', 'draft'), at('B', 'closed')]).ok).toBe(true);
    expect(checkPlaceChange('Ningbo', [], [at('A', 'active')]).ok).toBe(true);
  });

  it('archives a factory or supplier only when no program is open there (drafts count; archived and closed do not)', () => {
    const refused = checkArchivable('factory', [at('A', 'draft'), at('B', 'active', '2026-01-01T00:00:00.000Z'), at('C', 'closed')]);
    expect(refused).toMatchObject({ ok: false, error: { code: 'FACTORY_IN_USE' } });
    expect(!refused.ok && refused.error.message).toBe('A is made there, neither archived nor closed; archive or close it first.');
    expect(checkArchivable('supplier', [at('A', 'on_hold'), at('B', 'active')])).toMatchObject({
      ok: false,
      error: {
        code: 'SUPPLIER_IN_USE',
        message: 'A and B are made at its factories, neither archived nor closed; archive or close them first.',
      },
    });
    expect(checkArchivable('factory', [at('B', 'active', '2026-01-01T00:00:00.000Z'), at('C', 'closed')]).ok).toBe(true);
  });

  it('names at most ten programs, then how many more', () => {
    const many = Array.from({ length: 12 }, (_, i) => at(`P-${i + 1}`, 'active'));
    expect(programCodes(many)).toBe('P-1, P-2, P-3, P-4, P-5, P-6, P-7, P-8, P-9, P-10 and 2 more');
    expect(programCodes(many.slice(0, 1))).toBe('P-1');
  });

  it('moves a draft with its factory: city and country, and the zone unless the draft chose its own; others keep theirs', () => {
    const draft = { status: 'draft' as const, factoryCity: 'Ningbo', factoryCountry: 'CN', timeZone: 'Asia/Shanghai' };
    expect(draftFollowing(draft, ningbo, hanoi)).toEqual({ factoryCity: 'Hanoi', factoryCountry: 'VN', timeZone: 'Asia/Ho_Chi_Minh' });
    expect(draftFollowing({ ...draft, timeZone: 'Europe/Berlin' }, ningbo, hanoi)).toEqual({ factoryCity: 'Hanoi', factoryCountry: 'VN' });
    expect(draftFollowing({ ...draft, status: 'active' }, ningbo, hanoi)).toEqual({});
    // A rename moves nothing.
    expect(draftFollowing(draft, ningbo, ningbo)).toEqual({});
    expect(draftFollowingSupplier({ status: 'draft', supplierName: 'Old' }, 'New')).toEqual({ supplierName: 'New' });
    expect(draftFollowingSupplier({ status: 'closed', supplierName: 'Old' }, 'New')).toEqual({});
  });
});
