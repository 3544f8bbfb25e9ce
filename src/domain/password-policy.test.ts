import { dictionary } from '@zxcvbn-ts/language-common';
import { describe, expect, it } from 'vitest';
import { characters, checkPassword, isListedPassword, minPasswordLength, type PasswordRules } from './password-policy.js';

const common = new Set(dictionary['passwords-common']);
const rules: PasswordRules = { common, forbidden: ['tollgate-demo'] };
const email = 'ana.lima@example.test';
const check = (password: string, r: PasswordRules = rules) => checkPassword(password, email, r);
const refusal = (password: string, r: PasswordRules = rules) => {
  const res = check(password, r);
  return res.ok ? null : { code: res.error.code, message: res.error.message, field: res.error.fields?.[0]?.path };
};

describe('password policy', () => {
  it('takes the common passwords from a package list of tens of thousands, in lower case', () => {
    expect(common.size).toBeGreaterThan(10_000);
    for (const p of ['password12', 'qwertyuiop', 'passwordpassword', 'iloveyou123']) expect(common.has(p), p).toBe(true);
    expect([...common].some((p) => p !== p.toLowerCase())).toBe(false);
  });

  it.each(['password12', 'qwertyuiop', 'passwordpassword', '1234567890', 'QwertyUIOP', 'iloveyou123'])(
    'refuses the common password %s',
    (password) => {
      expect(refusal(password)).toEqual({ code: 'PASSWORD_TOO_WEAK', message: expect.stringMatching(/commonly used/), field: 'password' });
    },
  );

  it.each(['monkey2026!', 'dragon-2026', 'Sunshine 123', 'qwertyqwertyqwerty', 'football1football1', 'letmein!!!!!'])(
    'refuses a common password repeated or with digits or punctuation appended: %s',
    (password) => {
      expect(refusal(password)?.message).toMatch(/commonly used/);
    },
  );

  it.each([
    'kettle-ana-2026',
    'correct horse battery',
    'a long admin passphrase',
    'first-choice-9xq',
    'monkey-kettle-2026',
    'abc1234567xyz',
  ])('accepts %s, which only contains a common word', (password) => {
    expect(check(password)).toEqual({ ok: true, value: true });
  });

  it('a short stem says nothing: "abc" + digits is judged as a whole, not as "abc"', () => {
    expect(isListedPassword('abc9876543', new Set(['abc']))).toBe(false);
    expect(isListedPassword('abcd987654', new Set(['abcd']))).toBe(true);
  });

  it('refuses the forbidden (published demo) password, also with digits appended, in any case; allows it when none is forbidden', () => {
    for (const p of ['tollgate-demo', 'Tollgate-Demo', 'tollgate-demo2026', 'tollgate-demotollgate-demo']) {
      expect(refusal(p), p).toEqual({ code: 'PASSWORD_TOO_WEAK', message: expect.stringMatching(/published/), field: 'password' });
    }
    expect(check('tollgate-demo', { common })).toEqual({ ok: true, value: true });
  });

  it('counts characters as people see them: five emoji are 5 characters, not 10', () => {
    const five = '😀😁😂🤣😃';
    expect(five.length).toBe(10);
    expect(characters(five)).toHaveLength(5);
    expect(refusal(five)?.message).toBe(`The password needs at least ${minPasswordLength} characters.`);
    // A family emoji is one character, however many code points make it.
    expect(characters('👨‍👩‍👧‍👦')).toHaveLength(1);
    expect(refusal('👨‍👩‍👧‍👦👨‍👩‍👧‍👦x')?.message).toMatch(/at least 10 characters/);
    expect(check('😀😁😂🤣😃😄😅😆😉😊')).toEqual({ ok: true, value: true });
    // Accented letters written with combining marks are one character each.
    expect(characters('e\u0301te\u0301')).toHaveLength(3);
  });

  it('still refuses too few different characters (as seen), and the email or its name part', () => {
    expect(refusal('aaaaaaaaaaaa')?.message).toMatch(/too few different/);
    expect(refusal('😀😁😀😁😀😁😀😁😀😁')?.message).toMatch(/too few different/);
    expect(refusal('ana.lima@example.test')?.message).toMatch(/email/);
    expect(refusal('ANA.LIMA00')).toBeNull();
    expect(checkPassword('ana.lima.x', 'ana.lima.x@example.test', rules).ok).toBe(false);
  });
});
