import { AsyncLocalStorage } from 'node:async_hooks';
import { resolve } from 'node:path';
import { type Config, loadConfig, processEnv } from '../config/config.js';

/**
 * Where a command reads and writes: the process's streams and environment when run as `tollgate`,
 * others when run in-process (tests, embedding). Commands never touch process.stdout, process.stdin
 * or process.env themselves; they ask terminal().
 */
export interface Terminal {
  /** `columns`: the terminal's width, when it is one. */
  readonly stdout: { write(text: string): unknown; readonly columns?: number };
  readonly stderr: { write(text: string): unknown };
  /** Input: a password piped in (--password-stdin), or a person typing when isTTY. */
  readonly stdin: NodeJS.ReadableStream & { readonly isTTY?: boolean; setRawMode?(mode: boolean): unknown };
  readonly env: NodeJS.ProcessEnv;
  /** The directory relative file names (e.g. `calendar upload ./cn-2027.json`) are read from. */
  readonly cwd: string;
}

const processTerminal = (): Terminal => ({
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  env: processEnv(),
  cwd: process.cwd(),
});

const current = new AsyncLocalStorage<Terminal>();

/** The terminal the running command was given (the process's by default). */
export const terminal = (): Terminal => current.getStore() ?? processTerminal();

/** Runs fn with t as its terminal; commands started inside it (and what they await) see t. */
export const withTerminal = <T>(t: Terminal, fn: () => Promise<T>): Promise<T> => current.run(t, fn);

/** A file name as the person typed it, read from the terminal's working directory. */
export const terminalPath = (name: string): string => resolve(terminal().cwd, name);

/** The configuration from the terminal's environment. */
export const terminalConfig = (): Config => loadConfig(terminal().env);
