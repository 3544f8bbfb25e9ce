import { apqpPpapTemplate } from '../../domain/gates/apqp-ppap.js';
import type { PpapLevel, ProgramTemplate } from '../../domain/gates/template.js';
import { atPpapLevel } from '../../domain/gates/template-rules.js';
import { shippedTemplates } from '../../domain/gates/templates.js';
import type { TemplateSource, WorkspaceTemplate } from '../../domain/gates/workspace-template.js';
import { ok, type Result, refuse } from '../../domain/result.js';
import type { Actor, AppDeps } from '../deps.js';
import type { Reads } from '../ports.js';

/** A template as the templates' answers show it: shipped or the workspace's, and for a workspace one where it came from. */
export interface TemplateEntry {
  readonly template: ProgramTemplate;
  readonly source: TemplateSource;
  /** The workspace template's own record (null for a shipped one). */
  readonly workspace: WorkspaceTemplate | null;
}

const shippedEntry = (template: ProgramTemplate): TemplateEntry => ({ template, source: 'shipped', workspace: null });
export const workspaceEntry = (w: WorkspaceTemplate): TemplateEntry => ({ template: w, source: 'workspace', workspace: w });

const notFound = (id: string) => refuse<never>('TEMPLATE_NOT_FOUND', `No template "${id}". \`tollgate template list\` lists them.`);

/** A template made for another PPAP level, or a refusal when it has no PPAP. */
function atLevel(t: ProgramTemplate, ppapLevel: PpapLevel | undefined, shipped: boolean): Result<ProgramTemplate> {
  if (ppapLevel === undefined || ppapLevel === t.ppapLevel) return ok(t);
  if (t.ppapLevel === null)
    return refuse('VALIDATION_FAILED', `The template "${t.id}" has no PPAP, so no submission level applies.`, [
      { path: 'ppapLevel', message: 'Only for a template with PPAP.' },
    ]);
  return ok(shipped ? apqpPpapTemplate(ppapLevel) : atPpapLevel(t, ppapLevel));
}

/** Any template by id, shipped first (their ids are reserved), archived ones included. */
export async function findTemplateEntry(reads: Reads, templateId: string): Promise<TemplateEntry | null> {
  const shipped = shippedTemplates.find((t) => t.id === templateId);
  if (shipped) return shippedEntry(shipped);
  const own = await reads.findWorkspaceTemplate(templateId);
  return own ? workspaceEntry(own) : null;
}

/**
 * The program templates anyone signed in may read: those Tollgate ships, as data, then the workspace's
 * own (archived ones marked). The actor is asked for so that a caller is always someone.
 */
export async function listTemplates(deps: AppDeps, _input: { actor: Actor }): Promise<Result<readonly TemplateEntry[]>> {
  const own = await deps.store.reads.listWorkspaceTemplates();
  return ok([...shippedTemplates.map(shippedEntry), ...own.map(workspaceEntry)]);
}

/** One template; for one with PPAP, its release checklist made for the submission level asked for (default: the template's own). */
export function getTemplate(
  deps: AppDeps,
  input: { actor: Actor; templateId: string; ppapLevel?: PpapLevel | undefined },
): Promise<Result<TemplateEntry>> {
  return readTemplate(deps.store.reads, input.templateId, input.ppapLevel);
}

/** A template by id (TEMPLATE_NOT_FOUND otherwise), at the PPAP level asked for. */
export async function readTemplate(reads: Reads, templateId: string, ppapLevel: PpapLevel | undefined): Promise<Result<TemplateEntry>> {
  const found = await findTemplateEntry(reads, templateId);
  if (!found) return notFound(templateId);
  const t = atLevel(found.template, ppapLevel, found.source === 'shipped');
  return t.ok ? ok({ ...found, template: t.value }) : t;
}

/**
 * The template a new program is made from (shipped or the workspace's, not archived), at the PPAP level
 * asked for; an unknown or archived one is refused as the `templateId` field.
 */
export async function templateForProgram(
  reads: Reads,
  templateId: string,
  ppapLevel: PpapLevel | undefined,
): Promise<Result<ProgramTemplate>> {
  const found = await findTemplateEntry(reads, templateId);
  if (!found)
    return refuse('VALIDATION_FAILED', `No template "${templateId}". \`tollgate template list\` lists them.`, [
      { path: 'templateId', message: 'Unknown template.' },
    ]);
  if (found.workspace?.archivedAt)
    return refuse('VALIDATION_FAILED', `The template "${templateId}" is archived; choose another.`, [
      { path: 'templateId', message: 'The template is archived.' },
    ]);
  return atLevel(found.template, ppapLevel, found.source === 'shipped');
}

/**
 * The template a program's gates were made from (id, version and PPAP level as its gates record them):
 * a shipped one at that version, or the workspace's template — its current version, which holds the
 * same items' offsets unless they were edited since (earlier versions are in the change log).
 */
export async function templateOfGates(
  reads: Reads,
  origin: { templateId: string; templateVersion: number; ppapLevel: PpapLevel | null },
): Promise<ProgramTemplate | null> {
  const shipped = shippedTemplates.find((t) => t.id === origin.templateId);
  if (shipped) {
    if (shipped.version !== origin.templateVersion) return null;
    return origin.ppapLevel === null || origin.ppapLevel === shipped.ppapLevel ? shipped : apqpPpapTemplate(origin.ppapLevel);
  }
  const own = await reads.findWorkspaceTemplate(origin.templateId);
  if (!own) return null;
  return origin.ppapLevel === null ? own : atPpapLevel(own, origin.ppapLevel);
}
