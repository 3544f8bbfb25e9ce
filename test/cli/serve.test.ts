import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt } from './run-cli.js';

const bin = fileURLToPath(new URL('../../bin/tollgate.js', import.meta.url));

/** Starts `tollgate serve` as a user would and resolves with the URL it prints. */
function serve(dataDir: string, ...args: string[]): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  const child = spawn(process.execPath, [bin, 'serve', '--port', '0', ...args], {
    env: { ...process.env, DATABASE_URL: '', TOLLGATE_DATA_DIR: dataDir, LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  return new Promise((resolve, reject) => {
    const onData = (b: Buffer) => {
      out += b.toString();
      const m = /running at (http:\/\/\S+)/.exec(out);
      if (m) resolve({ child, url: m[1] as string, output: () => out });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`serve exited early with ${code}:\n${out}`)));
  });
}

const exited = (child: ChildProcess) => new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

describe('tollgate serve', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'tollgate-serve-'));
  beforeAll(() => assertBuilt());
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('serves the demo, then on SIGTERM finishes requests and closes the database cleanly', async () => {
    const { child, url, output } = await serve(dataDir, '--demo');
    const ready = await fetch(`${url}/readyz`);
    expect(ready.status).toBe(200);
    const list = (await (await fetch(`${url}/api/v1/programs`)).json()) as { items: unknown[] };
    expect(list.items).toHaveLength(8);
    // A burst of requests with the signal sent among them: none of them may fail half-way.
    const burst = Array.from({ length: 20 }, () =>
      fetch(`${url}/api/v1/programs`).then(
        (r) => r.status,
        () => 'refused',
      ),
    );
    const done = exited(child);
    setTimeout(() => child.kill('SIGTERM'), 5);
    const statuses = await Promise.all(burst);
    expect(statuses.every((s) => s === 200 || s === 'refused')).toBe(true);
    expect(await done).toBe(0);
    expect(output()).toContain('stopped cleanly');
    // A clean close checkpoints the write-ahead log into the database file and removes it.
    expect(existsSync(join(dataDir, 'tollgate.db'))).toBe(true);
    expect(existsSync(join(dataDir, 'tollgate.db-wal'))).toBe(false);
  });

  it('keeps the data across a restart and does not load the demo twice', async () => {
    const { child, url, output } = await serve(dataDir, '--demo');
    const list = (await (await fetch(`${url}/api/v1/programs`)).json()) as { items: unknown[] };
    expect(list.items).toHaveLength(8);
    expect(output()).toContain('demo not loaded');
    const done = exited(child);
    child.kill('SIGINT');
    expect(await done).toBe(0);
  });

  it('refuses a bad environment variable with a message naming it', async () => {
    const child = spawn(process.execPath, [bin, 'serve'], {
      env: { ...process.env, PORT: 'eighty', TOLLGATE_DATA_DIR: dataDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let err = '';
    child.stderr?.on('data', (b: Buffer) => {
      err += b.toString();
    });
    expect(await exited(child)).toBe(2);
    expect(err).toContain('PORT');
  });
});
