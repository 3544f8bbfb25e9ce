import type { UserId } from '../ids.js';
import { ok, type Result, refuse } from '../result.js';
import type { EscalationDefaults, GateTemplate, MilestoneTemplate, PpapLevel, ProgramTemplate } from './template.js';
import { atPpapLevel } from './template-rules.js';
import { validateTemplate } from './validate-template.js';

/** Where a template comes from: shipped with Tollgate (read-only), or a workspace's own copy (editable by its admins). */
export type TemplateSource = 'shipped' | 'workspace';

/** A workspace's own template: a copy of another (shipped or workspace) at a version, edited since; its version counts its edits. */
export interface WorkspaceTemplate extends ProgramTemplate {
  readonly basedOnId: string;
  readonly basedOnVersion: number;
  /** No longer offered for new programs; programs made from it keep their gates. */
  readonly archivedAt: string | null;
  readonly createdById: UserId;
  readonly updatedById: UserId;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** A copy of `source` under a new id and name, at version 1: validated like any template, its id not one Tollgate ships. */
export function copyTemplate(
  source: ProgramTemplate,
  copy: { readonly id: string; readonly name: string },
  shippedIds: readonly string[],
): Result<ProgramTemplate> {
  if (shippedIds.includes(copy.id))
    return refuse('TEMPLATE_EXISTS', `"${copy.id}" is a template Tollgate ships; choose another id.`, [
      { path: 'id', message: 'A shipped template’s id.' },
    ]);
  return validateTemplate({ ...source, id: copy.id, name: copy.name.trim(), version: 1 });
}

/** What an edit of a workspace template may change; absent fields stay as they are. */
export interface TemplateEdit {
  readonly name?: string | undefined;
  readonly description?: string | undefined;
  /** For a PPAP-based template: another submission level re-derives each element's requirement (unless gates are given too). */
  readonly ppapLevel?: PpapLevel | undefined;
  readonly gates?: readonly GateTemplate[] | undefined;
  readonly milestones?: readonly MilestoneTemplate[] | undefined;
  readonly escalation?: EscalationDefaults | undefined;
}

/**
 * A workspace template as an edit leaves it, at the next version: a PPAP level only for a template
 * based on PPAP (it stays one), and the result valid as a whole (keys, references, lags, offsets, PPAP rules).
 */
export function editTemplate(current: ProgramTemplate, edit: TemplateEdit): Result<ProgramTemplate> {
  if (edit.ppapLevel !== undefined && current.ppapLevel === null)
    return refuse('VALIDATION_FAILED', `The template "${current.id}" has no PPAP, so no submission level applies.`, [
      { path: 'ppapLevel', message: 'Only for a template with PPAP.' },
    ]);
  const leveled = edit.ppapLevel !== undefined && edit.gates === undefined ? atPpapLevel(current, edit.ppapLevel) : current;
  const next: ProgramTemplate = {
    ...leveled,
    version: current.version + 1,
    ...(edit.name !== undefined ? { name: edit.name.trim() } : {}),
    ...(edit.description !== undefined ? { description: edit.description.trim() } : {}),
    ...(edit.ppapLevel !== undefined ? { ppapLevel: edit.ppapLevel } : {}),
    ...(edit.gates !== undefined ? { gates: edit.gates } : {}),
    ...(edit.milestones !== undefined ? { milestones: edit.milestones } : {}),
    ...(edit.escalation !== undefined ? { escalation: edit.escalation } : {}),
  };
  const valid = validateTemplate(next);
  return valid.ok ? ok(next) : valid;
}
