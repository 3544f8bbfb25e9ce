// The layer rules (dependency-cruiser), refusing a run that cruised no module: dependency-cruiser reads
// TypeScript through the `typescript` package's JavaScript API, and without it (TypeScript 7 has none) it
// passes having read nothing. Arguments go to depcruise.
import { spawnSync } from 'node:child_process';

const run = spawnSync(process.execPath, ['node_modules/dependency-cruiser/bin/dependency-cruise.mjs', ...process.argv.slice(2)], {
  encoding: 'utf8',
});
process.stdout.write(run.stdout ?? '');
process.stderr.write(run.stderr ?? '');
if (run.status !== 0) process.exit(run.status ?? 1);
const cruised = /\((\d+) modules?, \d+ dependenc(?:y|ies) cruised\)/.exec(run.stdout ?? '');
if (!cruised) {
  console.error('depcruise: its summary ("N modules, M dependencies cruised") was not found; the layer rules are unchecked.');
  process.exit(1);
}
if (Number(cruised[1]) === 0) {
  console.error(
    'depcruise: no module was cruised (can it read TypeScript? it needs the `typescript` package 5.x); the layer rules are unchecked.',
  );
  process.exit(1);
}
