import { dateInZone } from '../domain/plain-date.js';
import { ok, type Result } from '../domain/result.js';
import type { Actor, AppDeps } from './deps.js';
import { findAccessibleProgram } from './get-program.js';
import { earliestSummaryExpiry, summaryExpiry } from './program-summary.js';
import { programToday } from './views.js';

/**
 * What one program's answers (the program, its milestones, people, change log) are a function of, as
 * one key: the program's revision (every committed write to it or anything in it), the workspace's
 * revision (people's names, clients, client-wide roles), the day at the factory, the instant its
 * derived figures change by themselves, and the roles the reader holds on it. Equal keys, equal answers:
 * an answer built after the key was read may be kept under it and given to anyone whose key is equal.
 */
export interface ReadStamp {
  readonly key: string;
  /** Until when (ms) an answer kept under the key stays right though nothing is written. */
  readonly expiresAt: number;
}

/**
 * The stamp of a program the actor may see (PROGRAM_NOT_FOUND otherwise, as the reads answer), read
 * before the data an answer is built from: a write committed in between makes the answer newer than
 * its key says, never older, and the next reader's key differs.
 */
export async function programReadStamp(
  deps: AppDeps,
  input: {
    programId: string;
    actor: Actor;
    /** The workspace's revision when already read for this request (before the actor's roles), else read here. */
    workspace?: number;
  },
): Promise<Result<ReadStamp>> {
  const reads = deps.store.reads;
  const found = await findAccessibleProgram(reads, input.actor, input.programId);
  if (!found.ok) return found;
  const { program, access } = found.value;
  const now = deps.clock.now();
  const workspace = input.workspace ?? (await reads.workspaceRevision());
  const expiresAt = await summaryExpiry(deps.store, program, access.programId, now);
  const roles = [...access.roles].sort().join('+');
  const key = [program.id, program.revision, workspace, programToday(program, now), expiresAt, access.isAdmin ? 'admin' : '', roles].join(
    '|',
  );
  return ok({ key, expiresAt });
}

/**
 * The stamp of the portfolio as one person sees it: the workspace's revision (which also counts every
 * change to anyone's roles, so it covers which programs they see and what they may do), and per
 * factory time zone the programs' count, the sum of their revisions (any write to any program moves
 * it) and today's date there, and the earliest instant any program's figures change by themselves.
 */
export async function portfolioReadStamp(deps: AppDeps, input: { actor: Actor; workspace?: number }): Promise<Result<ReadStamp>> {
  const reads = deps.store.reads;
  const workspace = input.workspace ?? (await reads.workspaceRevision());
  const zones = await reads.programRevisions();
  const now = deps.clock.now();
  const expiresAt = earliestSummaryExpiry(deps.store, now);
  const programs = zones.map((z) => `${z.timeZone}:${z.programs}:${z.revisions}:${dateInZone(now, z.timeZone)}`).join(',');
  return ok({ key: [input.actor.id, workspace, expiresAt, programs].join('|'), expiresAt });
}
