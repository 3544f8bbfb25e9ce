#!/usr/bin/env node
// Conventions no linter rule covers, checked in `npm run check`:
// - dates and numbers are formatted for people in one module per side (web/src/lib/format.ts);
// - use cases, domain code and PDFs never read the clock themselves (time is an argument);
// - every error code in the catalogue is documented in docs/errors.md (the test checks the reverse too);
// - only domain/policy.ts casts to AuthorizedProgramId, the proof that someone may see a program;
// - shared store code never tests which database it is on: the dialect object answers.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const files = (dir) =>
  readdirSync(join(root, dir)).flatMap((name) => {
    const p = join(dir, name);
    return statSync(join(root, p)).isDirectory() ? files(p) : /\.(ts|tsx)$/.test(name) ? [p] : [];
  });

const problems = [];
const scan = (dir, pattern, allowed, why) => {
  for (const f of files(dir)) {
    if (allowed.some((a) => f.endsWith(a)) || f.endsWith('.test.ts')) continue;
    readFileSync(join(root, f), 'utf8')
      .split('\n')
      .forEach((line, i) => {
        if (pattern.test(line)) problems.push(`${relative(root, join(root, f))}:${i + 1}: ${why}\n    ${line.trim()}`);
      });
  }
};

scan(
  'web/src',
  /toLocale(Date|Time)?String\(|Intl\.(DateTimeFormat|NumberFormat|RelativeTimeFormat)/,
  ['lib/format.ts'],
  'format dates and numbers through web/src/lib/format.ts',
);
scan('src/domain', /new Date\(\)|Date\.now\(\)/, [], 'domain code takes time as an argument; do not read the clock');
scan('src/app', /new Date\(\)|Date\.now\(\)/, [], 'use cases read time from deps.clock');
scan('src/pdf', /new Date\(\)|Date\.now\(\)/, [], 'a PDF writes the instant its view gives (generatedAt); do not read the clock');
scan(
  'src/store',
  /dialect\s*[!=]==|\.name\s*[!=]==\s*'(sqlite|postgres)'/,
  ['dialects/sqlite.ts', 'dialects/postgres.ts'],
  'what differs between the databases belongs to the dialect object (store/dialects/store-dialect.ts)',
);
scan(
  'src',
  /as\s+(unknown\s+as\s+)?AuthorizedProgramId\b|as\s+(unknown\s+as\s+)?Authorized</,
  ['domain/policy.ts'],
  'only domain/policy.ts mints the proof of access: take program.id from findAccessibleProgram/authorize (app/get-program.ts)',
);

if (problems.length) {
  console.error(`Convention check failed:\n${problems.join('\n')}`);
  process.exit(1);
}
console.log('Conventions: ok');
