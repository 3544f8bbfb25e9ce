import { defineConfig } from 'vitest/config';
import { BrowserFirstSequencer } from './test/support/sequencer.js';

const demo = ['./test/support/global-setup.ts'];

export default defineConfig({
  test: {
    // Two workers match this 2-core machine (a third makes every file slower: the browser, PostgreSQL and
    // the servers under test already keep both cores busy); each integration file has its own databases.
    maxWorkers: 2,
    // Generous limits: a test may be slow when the machine is busy, but never fail for it (a hang still ends).
    testTimeout: 120_000,
    hookTimeout: 300_000,
    // expect.poll waits for what a page or server shows: up to 30 s, checked often, so a busy machine only slows it.
    expect: { poll: { timeout: 30_000, interval: 100 } },
    reporters: ['default'],
    // Without timings from an earlier run, the browser files (the longest) start first: see the sequencer.
    sequence: { sequencer: BrowserFirstSequencer },
    projects: [
      // Logic beside the code: pure functions and use cases on their own SQLite file
      // (test/support/use-case-world.ts); no server, no PostgreSQL. Threads start fastest, and a worker loads
      // the app and the store once for all its files (isolate: false: a third less CPU); no unit test may
      // count on module state another file left or did not leave.
      {
        extends: true,
        test: { name: 'unit', include: ['src/**/*.test.ts'], pool: 'threads', isolate: false, sequence: { groupOrder: 0 } },
      },
      // The web app's logic and forms (in jsdom where a file asks for it), in a project of its own: mixed
      // into the server's files, a worker switching between them loaded 111 files in 36–39 s and 70 s of
      // CPU; apart, 26 s and 49 s. The projects run one after another (groupOrder): the unit and web files
      // side by side made their threads switch between the two and load each side again (64 s of CPU and
      // 36 s for both, against 48 s and 27 s one after the other).
      {
        extends: true,
        test: { name: 'web', include: ['web/src/**/*.test.{ts,tsx}'], pool: 'threads', isolate: false, sequence: { groupOrder: 1 } },
      },
      // Everything with a real server, database or browser, in one project so that a worker loads the
      // server's modules once for all of it (isolate: false; caches such as holidays and calendars carry
      // over from file to file, so no test may count on a cold one): the HTTP API and the stores on real
      // SQLite files and PostgreSQL databases, the command line in-process on the same databases (a few
      // tests run the built binary), and real Chromium against the real server and built web app. Each
      // file has its own databases (the demo copied per file).
      {
        extends: true,
        test: {
          name: 'integration',
          include: [
            'test/api/**/*.test.ts',
            'test/store/**/*.test.ts',
            'test/oidc/**/*.test.ts',
            'test/cli/**/*.test.ts',
            'test/jobs/**/*.test.ts',
            'test/e2e/**/*.test.ts',
          ],
          pool: 'forks',
          isolate: false,
          // A larger young generation (V8's default semi-space is 16 MB): the servers under test allocate
          // much short-lived garbage per request, and fewer scavenges promote less of it; ~6 % less CPU
          // for the API files measured here.
          execArgv: ['--max-semi-space-size=32'],
          globalSetup: demo,
          sequence: { groupOrder: 2 },
        },
      },
    ],
  },
});
