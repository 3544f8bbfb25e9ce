// Prints the failed tests of a run from vitest's JSON report (scripts/test.sh writes it): file, test and the
// first lines of each error. test.sh prints this last, so that whoever reads only the end of a long log
// (a CI page shows its tail) still sees what failed and why, not just the checks' output.
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { stripVTControlCharacters } from 'node:util';

const [file] = process.argv.slice(2);
let report;
try {
  report = JSON.parse(readFileSync(file, 'utf8'));
} catch (e) {
  console.log(`── failed tests: no report to read (${e instanceof Error ? e.message : String(e)}); see the vitest output above.`);
  process.exit(0);
}

const linesOf = (text, max) => {
  const lines = stripVTControlCharacters(String(text))
    .split('\n')
    .filter((l) => l.trim() !== '' && !/^\s*at .*(node_modules|node:internal|<anonymous>)/.test(l));
  return lines.length > max ? [...lines.slice(0, max), `… (${lines.length - max} more lines above, in the vitest output)`] : lines;
};

const failures = [];
for (const suite of report.testResults ?? []) {
  const name = relative(process.cwd(), suite.name);
  const failed = (suite.assertionResults ?? []).filter((t) => t.status === 'failed');
  for (const t of failed) failures.push({ name, test: t.fullName, messages: t.failureMessages ?? [] });
  // A file can fail without a failed test: an error in a hook, at import, or an unhandled rejection.
  if (suite.status === 'failed' && failed.length === 0)
    failures.push({
      name,
      test: '(the file itself: an error in a hook, at import or unhandled; its text is in the vitest output above)',
      messages: suite.message ? [suite.message] : [],
    });
}
if (failures.length === 0 && report.success === false)
  failures.push({ name: '(the run)', test: '(no failed test: see the vitest output above for errors outside tests)', messages: [] });

console.log(`── failed tests (${failures.length}): ${report.numFailedTests ?? 0} of ${report.numTotalTests ?? 0} tests`);
for (const f of failures) {
  console.log(`✗ ${f.name} › ${f.test}`);
  for (const m of f.messages.slice(0, 2)) for (const l of linesOf(m, 12)) console.log(`    ${l}`);
}
