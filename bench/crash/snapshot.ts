import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A copy of the server's code, taken once: every restart of a run runs exactly this. */
export interface ServerSnapshot {
  /** The entry point, like dist/main/cli.js of a build. */
  readonly entry: string;
  readonly files: number;
  remove(): void;
}

const countJs = (dir: string): number =>
  readdirSync(dir, { withFileTypes: true }).reduce(
    (n, e) => n + (e.isDirectory() ? countJs(join(dir, e.name)) : e.name.endsWith('.js') ? 1 : 0),
    0,
  );

/**
 * Compiles src/ (the files tsconfig.json builds) into a temp directory laid out like the repository
 * (dist/, package.json, and node_modules and docs linked), as `npm run build:server` does (the same
 * compiler, without type-checking). A run then restarts the same code every time, even while src/ is
 * being edited; `tsx` would pick up each half-saved edit at the next restart. TypeScript 7 has no
 * JavaScript API, so this runs its command line.
 */
export function snapshotServer(repoRoot: string): ServerSnapshot {
  const root = mkdtempSync(join(tmpdir(), 'tollgate-crash-server-'));
  try {
    const tsc = join(repoRoot, 'node_modules', 'typescript-native', 'bin', 'tsc');
    const args = ['-p', join(repoRoot, 'tsconfig.json'), '--noCheck', '--sourceMap', 'false', '--outDir', join(root, 'dist')];
    execFileSync(process.execPath, [tsc, ...args], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    copyFileSync(join(repoRoot, 'package.json'), join(root, 'package.json'));
    symlinkSync(join(repoRoot, 'node_modules'), join(root, 'node_modules'), 'dir');
    symlinkSync(join(repoRoot, 'docs'), join(root, 'docs'), 'dir');
    return {
      entry: join(root, 'dist', 'main', 'cli.js'),
      files: countJs(join(root, 'dist')),
      remove: () => rmSync(root, { recursive: true, force: true }),
    };
  } catch (e) {
    rmSync(root, { recursive: true, force: true });
    throw e;
  }
}
