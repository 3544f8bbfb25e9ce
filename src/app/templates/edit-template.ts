import type { EscalationDefaults, GateTemplate, MilestoneTemplate, PpapLevel } from '../../domain/gates/template.js';
import { shippedTemplates } from '../../domain/gates/templates.js';
import { editTemplate as edited } from '../../domain/gates/workspace-template.js';
import type { Result } from '../../domain/result.js';
import type { Actor, AppDeps } from '../deps.js';
import { abort, must } from '../transact.js';
import { updateRecord } from '../write-record.js';
import { workspaceWrite } from '../write-sequence.js';
import { findTemplateEntry, type TemplateEntry, workspaceEntry } from './templates.js';

export interface EditTemplateInput {
  readonly actor: Actor;
  readonly templateId: string;
  /** The version read; another one is refused with VERSION_CONFLICT and the current template. */
  readonly version: number;
  readonly reason: string;
  readonly name?: string | undefined;
  readonly description?: string | undefined;
  readonly ppapLevel?: PpapLevel | undefined;
  readonly gates?: readonly GateTemplate[] | undefined;
  readonly milestones?: readonly MilestoneTemplate[] | undefined;
  readonly escalation?: EscalationDefaults | undefined;
  /** Archived: no longer offered for new programs (programs made from it keep their gates); false restores it. */
  readonly isArchived?: boolean | undefined;
}

/**
 * A workspace admin edits a workspace template at the version read, with a reason: the edited template
 * must be valid as a whole, and its version counts up (programs made from it keep the version they
 * record). Shipped templates are read-only: copy one first.
 */
export async function editTemplate(deps: AppDeps, input: EditTemplateInput): Promise<Result<TemplateEntry>> {
  return workspaceWrite(
    deps,
    { actor: input.actor, permission: 'templates.manage', reason: input.reason },
    async ({ tx, meta, now }) => {
      if (shippedTemplates.some((t) => t.id === input.templateId))
        abort({
          code: 'TEMPLATE_READ_ONLY',
          message: `"${input.templateId}" is shipped with Tollgate and read-only; copy it (\`tollgate template copy ${input.templateId} --id … --name …\`) and edit the copy.`,
        });
      const before =
        (await tx.findWorkspaceTemplate(input.templateId)) ??
        abort({ code: 'TEMPLATE_NOT_FOUND', message: `No template "${input.templateId}". \`tollgate template list\` lists them.` });
      if (before.version !== input.version)
        abort({
          code: 'VERSION_CONFLICT',
          message: `The template ${before.id} is at version ${before.version} now, changed by someone else; reload and retry.`,
          current: workspaceEntry(before),
        });
      if (!input.reason.trim())
        abort({ code: 'REASON_REQUIRED', message: 'Say why the template changes.', fields: [{ path: 'reason', message: 'Required.' }] });
      const next = must(edited(before, input));
      const archivedAt =
        input.isArchived === undefined ? before.archivedAt : input.isArchived ? (before.archivedAt ?? now.toISOString()) : null;
      const set = {
        name: next.name,
        description: next.description,
        ppapLevel: next.ppapLevel,
        gates: next.gates,
        milestones: next.milestones,
        escalation: next.escalation,
        archivedAt,
      };
      const same = (Object.keys(set) as (keyof typeof set)[]).every((k) => JSON.stringify(set[k]) === JSON.stringify(before[k]));
      if (same) abort({ code: 'NOTHING_TO_CHANGE', message: `The template ${before.id} already reads so; nothing was changed.` });
      await updateRecord(deps, tx, { entity: 'workspace_template', id: before.id, programId: null, entityKey: before.id, meta }, before, {
        ...set,
        updatedById: input.actor.id,
      });
      return before.id;
    },
    async ({ value }) => (await findTemplateEntry(deps.store.reads, value)) as TemplateEntry,
  );
}
