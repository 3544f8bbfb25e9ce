import { apqpPpapTemplate } from '../../domain/gates/apqp-ppap.js';
import type { PpapLevel, ProgramTemplate } from '../../domain/gates/template.js';
import { shippedTemplates } from '../../domain/gates/templates.js';
import { ok, type Result, refuse } from '../../domain/result.js';
import type { Actor } from '../deps.js';

/**
 * The program templates anyone signed in may read: those Tollgate ships, as data (a workspace's own
 * copies come with their storage). The actor is asked for so that a caller is always someone.
 */
export function listTemplates(_input: { actor: Actor }): Result<readonly ProgramTemplate[]> {
  return ok(shippedTemplates);
}

/** One template; for one with PPAP, its release checklist made for the submission level asked for (default: the template's own). */
export function getTemplate(input: { actor: Actor; templateId: string; ppapLevel?: PpapLevel | undefined }): Result<ProgramTemplate> {
  const found = shippedTemplates.find((t) => t.id === input.templateId);
  if (!found) return refuse('TEMPLATE_NOT_FOUND', `No template "${input.templateId}". \`tollgate template list\` lists them.`);
  if (input.ppapLevel === undefined || input.ppapLevel === found.ppapLevel) return ok(found);
  if (found.ppapLevel === null)
    return refuse('VALIDATION_FAILED', `The template "${found.id}" has no PPAP, so no submission level applies.`, [
      { path: 'ppapLevel', message: 'Only for a template with PPAP.' },
    ]);
  return ok(apqpPpapTemplate(input.ppapLevel));
}

/** The template a program's gates were made from (id, version and PPAP level as its gates record them), when Tollgate still ships it. */
export function templateOfGates(origin: {
  templateId: string;
  templateVersion: number;
  ppapLevel: PpapLevel | null;
}): ProgramTemplate | null {
  const found = shippedTemplates.find((t) => t.id === origin.templateId && t.version === origin.templateVersion);
  if (!found) return null;
  return origin.ppapLevel === null || origin.ppapLevel === found.ppapLevel ? found : apqpPpapTemplate(origin.ppapLevel);
}
