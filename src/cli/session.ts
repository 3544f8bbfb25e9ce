import type { WorkspaceContents } from '../app/demo/workspace-contents.js';
import type { Actor, AppDeps } from '../app/deps.js';
import type { Config } from '../config/config.js';
import type { Result } from '../domain/result.js';

/** An open, migrated database and the person the commands act as; main/cli.ts opens it. */
export interface Session {
  readonly deps: AppDeps;
  /**
   * The person named by --as or TOLLGATE_AS, with their roles (chosen in main/cli.ts only): null
   * when nobody is named, a refusal when no active person has that email.
   */
  readonly actor: Result<Actor | null>;
  readonly location: string;
  readonly migrated: readonly string[];
  close(): Promise<void>;
}

/** A running web server as the `serve` command sees it. */
export interface ServerHandle {
  readonly url: string;
  readonly setupUrl: string | null;
  readonly isDemo: boolean;
  /** The demo was asked for but not loaded: what the database already held. */
  readonly demoNotLoaded: WorkspaceContents | null;
  readonly app: { readonly log: { info(obj: object | string, msg?: string): void; error(obj: object | string, msg?: string): void } };
  stop(): Promise<void>;
}

/** A background job as `tollgate sweep` sees it (src/jobs/, wired by main/). */
export interface JobEntry {
  readonly name: string;
  readonly description: string;
  /** e.g. "every 15 min on the clock (UTC)"; null: it runs only when asked. */
  readonly schedule: string | null;
}

/** One run of a job: which, for which slot, at which instant, what it found (JSON) and its one line. */
export interface JobRunReport {
  readonly job: string;
  readonly slot: string;
  readonly at: string;
  readonly result: unknown;
  readonly summary: string;
}

/**
 * What the commands need from the composition root. Commands never open the store or start the
 * server themselves (only main/ wires the store), so tests can swap these.
 */
export interface CliContext {
  /** Opens the configured database, acting as the person with this email (none: nobody). */
  open(opts?: { readonly as?: string | undefined }): Promise<Session>;
  startServer(config: Config, opts: { demo: boolean }): Promise<ServerHandle>;
  /** The job table, and one job's handler run once in this process at the clock's now (`tollgate sweep`). */
  readonly jobs: { list(): readonly JobEntry[]; run(deps: AppDeps, name: string): Promise<JobRunReport> };
}

/** Runs fn on an open session and always closes the store, also when fn ends the command. */
export async function withSession<T>(ctx: CliContext, fn: (s: Session) => Promise<T>, as?: string): Promise<T> {
  const session = await ctx.open({ as });
  try {
    return await fn(session);
  } finally {
    await session.close();
  }
}
