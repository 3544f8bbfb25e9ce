import type { Actor, AppDeps } from '../app/deps.js';
import type { Config } from '../config/config.js';

/** An open, migrated database and the person the commands act as; main/cli.ts opens it. */
export interface Session {
  readonly deps: AppDeps;
  /** Whom writes are recorded as: the local user until sign-in exists (chosen in main/cli.ts only). */
  readonly actor: Actor;
  readonly location: string;
  readonly migrated: readonly string[];
  close(): Promise<void>;
}

/** A running web server as the `serve` command sees it. */
export interface ServerHandle {
  readonly url: string;
  readonly app: { readonly log: { info(obj: object | string, msg?: string): void; error(obj: object | string, msg?: string): void } };
  stop(): Promise<void>;
}

/**
 * What the commands need from the composition root. Commands never open the store or start the
 * server themselves (only main/ wires the store), so tests and sign-in can swap these.
 */
export interface CliContext {
  open(): Promise<Session>;
  startServer(config: Config, opts: { demo: boolean }): Promise<ServerHandle>;
}

/** Runs fn on an open session and always closes the store, also when fn ends the command. */
export async function withSession<T>(ctx: CliContext, fn: (s: Session) => Promise<T>): Promise<T> {
  const session = await ctx.open();
  try {
    return await fn(session);
  } finally {
    await session.close();
  }
}
