import type { Command } from 'commander';
import { z } from 'zod';
import { type Config, ConfigError } from '../config/config.js';
import type { Backend } from './backend.js';
import { type Credentials, normalizeServer, readCredentials } from './credentials.js';
import { badOption, parseOption } from './options.js';
import { fail, type Output } from './output.js';
import { serverBackend } from './server-backend.js';
import { type CliContext, withSession } from './session.js';
import { terminalConfig } from './terminal.js';

// Whom the commands act as, and where: the database as --as/TOLLGATE_AS, or a server over HTTP with
// a token (--server/TOLLGATE_SERVER, or where `tollgate login` signed in).

export interface Globals {
  readonly as?: string | undefined;
  readonly server?: string | undefined;
}

const asHelp = 'act on the database as the person with this email (default: $TOLLGATE_AS)';
const serverHelp = 'work over the API of the Tollgate server at this address (default: $TOLLGATE_SERVER, or where you logged in)';

/** The options naming who acts and where, given to the program and to every command that uses them. */
export function addActingOptions(cmd: Command, opts: { readonly server?: boolean } = {}): Command {
  cmd.option('--as <email>', asHelp);
  if (opts.server !== false) cmd.option('--server <url>', serverHelp);
  return cmd;
}

/** --as and --server as given after the command or before it (after wins). */
export function globalsOf(cmd: Command): Globals {
  const pick = (key: 'as' | 'server') => {
    for (let c: Command | null = cmd; c; c = c.parent) {
      const v = (c.opts() as Record<string, unknown>)[key];
      if (typeof v === 'string') return v;
    }
    return undefined;
  };
  return { as: pick('as'), server: pick('server') };
}

const EmailOption = z.email();
const ServerOption = z.url({ protocol: /^https?$/ });

/** An address option's value, checked: an http(s) URL without a trailing slash. */
export const urlOption = (out: Output, flag: string, raw: string): string =>
  normalizeServer(parseOption(out, flag, ServerOption, raw.trim(), 'Must be an http(s) address, e.g. https://tollgate.example.com.'));

export type Connection =
  | { readonly kind: 'database'; readonly as: string | undefined }
  | {
      readonly kind: 'server';
      readonly server: string;
      readonly token: string | undefined;
      readonly tokenFrom: 'TOLLGATE_TOKEN' | 'login';
    };

/**
 * Where a command works. Options beat the environment, which beats a stored login:
 * --server, then --as; TOLLGATE_SERVER, then TOLLGATE_AS; then the server `tollgate login` signed in
 * to; otherwise the database with nobody named.
 */
export function connectionOf(out: Output, g: Globals, config: Config, stored: () => Credentials | null): Connection {
  const as = g.as === undefined ? undefined : parseOption(out, '--as', EmailOption, g.as.trim(), 'Must be an email address.');
  const server = g.server === undefined ? undefined : urlOption(out, '--server', g.server);
  if (as && server) {
    badOption(out, '--as', 'Give --as (the database, as that person) or --server (the API, as the person who logged in), not both.');
  }
  if (as) return { kind: 'database', as };
  const target = server ?? (config.actAs ? undefined : config.server);
  if (!target && config.actAs) return { kind: 'database', as: config.actAs };
  if (target) {
    if (config.token) return { kind: 'server', server: target, token: config.token, tokenFrom: 'TOLLGATE_TOKEN' };
    const c = stored();
    return { kind: 'server', server: target, token: c && normalizeServer(c.server) === target ? c.token : undefined, tokenFrom: 'login' };
  }
  if (config.token)
    throw new ConfigError('Invalid environment:\n  TOLLGATE_TOKEN: needs a server: give --server <url> or set TOLLGATE_SERVER');
  const c = stored();
  if (c) return { kind: 'server', server: normalizeServer(c.server), token: c.token, tokenFrom: 'login' };
  return { kind: 'database', as: undefined };
}

/** Refuses --server for a command that works on the database only. */
export function databaseOnly(cmd: Command, out: Output, why: string): void {
  if (globalsOf(cmd).server !== undefined) badOption(out, '--server', why);
}

/**
 * Runs fn with the backend the command works with (see connectionOf), and always closes it, also
 * when fn ends the command.
 */
export async function withBackend<T>(ctx: CliContext, cmd: Command, out: Output, fn: (b: Backend) => Promise<T>): Promise<T> {
  const config = terminalConfig();
  const c = connectionOf(out, globalsOf(cmd), config, () => readCredentials(config.configDir));
  // The database backend loads every use case: only when a command works on the database.
  if (c.kind === 'database') return withSession(ctx, async (s) => fn((await import('./database-backend.js')).databaseBackend(s)), c.as);
  const login = `tollgate login --server ${c.server}`;
  if (!c.token)
    return fail(out, { code: 'UNAUTHENTICATED', message: `Not signed in to ${c.server}: run \`${login}\` (or set TOLLGATE_TOKEN).` });
  const signInHint = c.tokenFrom === 'login' ? `Sign in again: \`${login}\`.` : 'Check TOLLGATE_TOKEN.';
  const backend = serverBackend({ server: c.server, token: c.token, signInHint });
  try {
    return await fn(backend);
  } finally {
    await backend.close();
  }
}
