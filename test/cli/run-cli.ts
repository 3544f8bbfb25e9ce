import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { TestDatabase } from '../support/databases.js';

const bin = fileURLToPath(new URL('../../bin/tollgate.js', import.meta.url));
const built = fileURLToPath(new URL('../../dist/main/cli.js', import.meta.url));

/** The CLI tests run the built binary; building is the test command's job (`npm run build:server`). */
export function assertBuilt(): void {
  if (!existsSync(built)) throw new Error(`${built} is missing: run \`npm run build:server\` before the CLI tests.`);
}

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `tollgate …args` as a user would, against the test database, and reports how it ended. */
export function tollgate(db: TestDatabase, ...args: string[]): Promise<CliResult> {
  const env = { ...process.env, DATABASE_URL: db.databaseUrl ?? '', TOLLGATE_DATA_DIR: db.dataDir };
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [bin, ...args], { cwd: db.dataDir, env, timeout: 20_000 }, (err, stdout, stderr) => {
      // A non-numeric code means it did not run to an exit (spawn failure, timeout): a test failure.
      if (err && typeof err.code !== 'number') return reject(new Error(`tollgate ${args.join(' ')}: ${err.message}\n${stderr}`));
      resolve({ code: err ? (err.code as number) : 0, stdout, stderr });
    });
  });
}

/** stdout parsed as JSON, after checking the command succeeded and wrote nothing to stderr. */
export function jsonOf<T = unknown>(r: CliResult): T {
  if (r.code !== 0 || r.stderr !== '') throw new Error(`expected success, got exit ${r.code}: ${r.stderr}`);
  return JSON.parse(r.stdout) as T;
}
