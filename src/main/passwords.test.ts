import { describe, expect, it } from 'vitest';
import { argon2Passwords, argon2PasswordsAt } from './passwords.js';

describe('password hashing', () => {
  it('hashes with argon2id at OWASP’s cost (19 MiB, 2 passes, 1 lane), salted afresh each time', async () => {
    const a = await argon2Passwords.hash('correct horse battery staple');
    const b = await argon2Passwords.hash('correct horse battery staple');
    expect(a).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+$/);
    expect(b).not.toBe(a);
    expect(await argon2Passwords.verify(a, 'correct horse battery staple')).toBe(true);
    expect(await argon2Passwords.verify(a, 'correct horse battery stapler')).toBe(false);
  });

  it('verifies a hash made at another cost by the cost it names, and never matches a malformed one', async () => {
    const cheap = await argon2PasswordsAt({ memoryCost: 1024, timeCost: 1 }).hash('tollgate-demo');
    expect(cheap).toMatch(/^\$argon2id\$v=19\$m=1024,t=1,p=1\$/);
    expect(await argon2Passwords.verify(cheap, 'tollgate-demo')).toBe(true);
    expect(await argon2Passwords.verify(cheap, 'tollgate-demo ')).toBe(false);
    for (const malformed of ['', 'tollgate-demo', '$argon2id$v=19$m=19456,t=2,p=1$', '$2b$10$abcdefghijklmnopqrstuv'])
      expect(await argon2Passwords.verify(malformed, 'tollgate-demo')).toBe(false);
  });
});
