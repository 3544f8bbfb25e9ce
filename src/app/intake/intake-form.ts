import type { ProgramTemplate } from '../../domain/gates/template.js';
import { shippedTemplates } from '../../domain/gates/templates.js';
import type { IntakeSubmission } from '../../domain/intake.js';
import { ok, type Result } from '../../domain/result.js';
import type { Actor, AppDeps } from '../deps.js';
import { findAccessibleProgram } from '../get-program.js';
import { listTemplates } from '../templates/templates.js';
import { attempt } from '../transact.js';
import { openIntakeClient, openIntakeLink } from './submit-intake.js';

/** What the intake form shows before anything is typed: whose programs it takes, and from which templates. */
export interface IntakeFormView {
  readonly clientName: string;
  readonly templates: readonly ProgramTemplate[];
}

/** The form a client's link opens (no account); an unknown, revoked or expired link is INTAKE_LINK_NOT_FOUND, alike. */
export async function showIntakeLinkForm(deps: AppDeps, input: { token: string }): Promise<Result<IntakeFormView>> {
  return attempt(async () => {
    const { client } = await openIntakeLink(deps.store.reads, input.token, deps.clock.now());
    // Templates are read by people signed in (app/templates); a link's form offers the same shipped ones.
    return { clientName: client.name, templates: shippedTemplates };
  });
}

/** The form for a signed-in person who holds a role on the client (admins: any client in use). */
export async function showClientIntakeForm(deps: AppDeps, input: { actor: Actor; clientId: string }): Promise<Result<IntakeFormView>> {
  return attempt(async () => {
    const client = await openIntakeClient(deps.store.reads, input.actor, input.clientId);
    const templates = await listTemplates(deps, { actor: input.actor });
    // Archived workspace templates are no longer offered for new programs.
    const offered = templates.ok ? templates.value.filter((e) => !e.workspace?.archivedAt).map((e) => e.template) : [];
    return { clientName: client.name, templates: offered };
  });
}

/** What intake recorded for a program, with the names a page shows; null when it was not made by intake. */
export interface ProgramIntakeView {
  readonly submission: IntakeSubmission;
  readonly submittedByName: string;
  /** The link's label, when it came through one. */
  readonly linkLabel: string | null;
}

/** The intake record of a program, for everyone who may read the program. */
export async function getProgramIntake(
  deps: AppDeps,
  input: { actor: Actor; programId: string },
): Promise<Result<ProgramIntakeView | null>> {
  const reads = deps.store.reads;
  const found = await findAccessibleProgram(reads, input.actor, input.programId);
  if (!found.ok) return found;
  const submission = await reads.findIntakeSubmission(found.value.program.id);
  if (!submission) return ok(null);
  const [by, link] = await Promise.all([
    reads.findUser(submission.submittedById),
    submission.linkId ? reads.findIntakeLink(submission.linkId) : null,
  ]);
  return ok({ submission, submittedByName: by?.name ?? '', linkLabel: link?.label ?? null });
}
