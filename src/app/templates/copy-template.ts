import type { PpapLevel } from '../../domain/gates/template.js';
import { shippedTemplates } from '../../domain/gates/templates.js';
import { copyTemplate as copied } from '../../domain/gates/workspace-template.js';
import type { Result } from '../../domain/result.js';
import type { Actor, AppDeps } from '../deps.js';
import { abort, must } from '../transact.js';
import { insertRecord } from '../write-record.js';
import { workspaceWrite } from '../write-sequence.js';
import { findTemplateEntry, readTemplate, type TemplateEntry } from './templates.js';

export interface CopyTemplateInput {
  readonly actor: Actor;
  /** The template copied: shipped or the workspace's. */
  readonly templateId: string;
  /** The copy's id (a slug) and name. */
  readonly id: string;
  readonly name: string;
  /** For a template with PPAP: the submission level the copy's release checklist is made for (default: the source's). */
  readonly ppapLevel?: PpapLevel | undefined;
  readonly reason?: string | undefined;
}

/**
 * A workspace admin copies a template (shipped or the workspace's own) under a new id and name: the copy
 * is the workspace's, at version 1, recording the template and version it is based on. Two copies under
 * one id at once: the database's key lets one win, the other is refused with TEMPLATE_EXISTS.
 */
export async function copyTemplate(deps: AppDeps, input: CopyTemplateInput): Promise<Result<TemplateEntry>> {
  return workspaceWrite(
    deps,
    { actor: input.actor, permission: 'templates.manage', reason: input.reason },
    async ({ tx, meta }) => {
      const source = must(await readTemplate(tx, input.templateId, input.ppapLevel));
      const copy = must(
        copied(
          source.template,
          { id: input.id, name: input.name },
          shippedTemplates.map((t) => t.id),
        ),
      );
      if (await tx.findWorkspaceTemplate(copy.id))
        abort({
          code: 'TEMPLATE_EXISTS',
          message: `A workspace template "${copy.id}" exists already; choose another id.`,
          fields: [{ path: 'id', message: 'Already in use.' }],
        });
      await insertRecord(
        deps,
        tx,
        { entity: 'workspace_template', id: copy.id, programId: null, entityKey: copy.id, meta },
        {
          name: copy.name,
          description: copy.description,
          ppapLevel: copy.ppapLevel,
          gates: copy.gates,
          milestones: copy.milestones,
          escalation: copy.escalation,
          basedOnId: source.template.id,
          basedOnVersion: source.template.version,
          archivedAt: null,
          createdById: input.actor.id,
          updatedById: input.actor.id,
        },
      );
      return copy.id;
    },
    async ({ value }) => (await findTemplateEntry(deps.store.reads, value)) as TemplateEntry,
  );
}
