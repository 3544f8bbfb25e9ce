import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // Integration files each create their own databases; two workers match this 2-core machine.
    pool: 'forks',
    maxWorkers: 2,
    // Generous limits: a test may be slow when the machine is busy, but never fail for it (a hang still ends).
    testTimeout: 120_000,
    hookTimeout: 300_000,
    // expect.poll waits for what a page or server shows: up to 30 s, checked often, so a busy machine only slows it.
    expect: { poll: { timeout: 30_000, interval: 100 } },
    reporters: ['default'],
  },
});
