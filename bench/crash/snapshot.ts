import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import ts from 'typescript';

/** A copy of the server's code, taken once: every restart of a run runs exactly this. */
export interface ServerSnapshot {
  /** The entry point, like dist/main/cli.js of a build. */
  readonly entry: string;
  readonly files: number;
  remove(): void;
}

/**
 * Transpiles src/ (the files tsconfig.json builds) file by file into a temp directory laid out like
 * the repository (dist/, package.json, and node_modules and docs linked), as `npm run build:server`
 * would emit it but without type-checking. A run then restarts the same code every time, even while
 * src/ is being edited; `tsx` would pick up each half-saved edit at the next restart.
 */
export function snapshotServer(repoRoot: string): ServerSnapshot {
  const configFile = join(repoRoot, 'tsconfig.json');
  const parsed = ts.getParsedCommandLineOfConfigFile(
    configFile,
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(`${configFile}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
      },
    },
  );
  if (!parsed) throw new Error(`cannot read ${configFile}`);
  const root = mkdtempSync(join(tmpdir(), 'tollgate-crash-server-'));
  try {
    const srcDir = join(repoRoot, 'src');
    // The package is ESM ("type": "module"), so every file is emitted as an ES module.
    const options: ts.CompilerOptions = {
      ...parsed.options,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      sourceMap: false,
      declaration: false,
    };
    for (const file of parsed.fileNames) {
      const out = join(root, 'dist', relative(srcDir, file)).replace(/\.ts$/, '.js');
      const { outputText, diagnostics } = ts.transpileModule(readFileSync(file, 'utf8'), {
        compilerOptions: options,
        fileName: file,
        reportDiagnostics: true,
      });
      if (diagnostics?.length) throw new Error(`${file}: ${ts.flattenDiagnosticMessageText(diagnostics[0]?.messageText ?? '', '\n')}`);
      mkdirSync(dirname(out), { recursive: true });
      writeFileSync(out, outputText);
    }
    copyFileSync(join(repoRoot, 'package.json'), join(root, 'package.json'));
    symlinkSync(join(repoRoot, 'node_modules'), join(root, 'node_modules'), 'dir');
    symlinkSync(join(repoRoot, 'docs'), join(root, 'docs'), 'dir');
    return {
      entry: join(root, 'dist', 'main', 'cli.js'),
      files: parsed.fileNames.length,
      remove: () => rmSync(root, { recursive: true, force: true }),
    };
  } catch (e) {
    rmSync(root, { recursive: true, force: true });
    throw e;
  }
}
