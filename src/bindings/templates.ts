import { copyTemplate } from '../app/templates/copy-template.js';
import { editTemplate } from '../app/templates/edit-template.js';
import { getTemplate, listTemplates, type TemplateEntry } from '../app/templates/templates.js';
import type { templateOperations } from '../contract/operations/templates.js';
import type { PpapLevel, ProgramTemplate } from '../domain/gates/template.js';
import type { Bindings } from './binding.js';
import { presented } from './binding.js';

/** What every template answer starts with (contract/template.ts TemplateFields). */
const templateHead = ({ template: t, source, workspace }: TemplateEntry) => ({
  id: t.id,
  name: t.name,
  version: t.version,
  description: t.description,
  ppapLevel: t.ppapLevel,
  source,
  basedOn: workspace ? { id: workspace.basedOnId, version: workspace.basedOnVersion } : null,
  isArchived: workspace?.archivedAt != null,
  updatedAt: workspace?.updatedAt ?? null,
});

const templateSummaryJson = (e: TemplateEntry) => ({
  ...templateHead(e),
  gates: e.template.gates.map((g) => ({
    key: g.key,
    name: g.name,
    items: g.checklist.length,
    requiredItems: g.checklist.filter((i) => i.isRequired).length,
  })),
  milestones: e.template.milestones.length,
});

const templateJson = (e: TemplateEntry) => ({
  ...templateHead(e),
  ...templateBody(e.template),
});

const templateBody = (t: ProgramTemplate) => ({
  gates: t.gates.map((g) => ({
    key: g.key,
    name: g.name,
    closeCriteria: g.closeCriteria,
    decidedBy: g.decidedBy,
    ownerRole: g.ownerRole,
    gatekeeperRoles: [...g.gatekeeperRoles],
    warningDays: g.warningDays,
    reviewMilestoneKey: g.reviewMilestoneKey,
    checklist: g.checklist.map((i) => ({
      key: i.key,
      title: i.title,
      description: i.description,
      isRequired: i.isRequired,
      ownerRole: i.ownerRole,
      dueOffsetDays: i.dueOffsetDays,
      ppap: i.ppap ? { ...i.ppap } : null,
    })),
  })),
  milestones: t.milestones.map((m) => ({
    key: m.key,
    name: m.name,
    gateKey: m.gateKey,
    predecessors: m.predecessors.map((p) => ({ ...p })),
    isCritical: m.isCritical,
  })),
  escalation: { ...t.escalation },
});

/** Program templates (contract/operations/templates.ts). */
export const templateBindings: Bindings<keyof typeof templateOperations> = {
  listTemplates: async ({ app, actor }) =>
    presented(await listTemplates(app, { actor }), (items) => ({ items: items.map(templateSummaryJson) })),
  getTemplate: async ({ app, actor }, { params, query }) =>
    presented(
      await getTemplate(app, {
        actor,
        templateId: params.templateId,
        ppapLevel: query.ppapLevel === undefined ? undefined : (Number(query.ppapLevel) as PpapLevel),
      }),
      templateJson,
    ),
  copyTemplate: async ({ app, actor }, { params, body }) =>
    presented(
      await copyTemplate(app, {
        actor,
        templateId: params.templateId,
        id: body.id,
        name: body.name,
        ppapLevel: body.ppapLevel,
        reason: body.reason,
      }),
      templateJson,
    ),
  editTemplate: async ({ app, actor }, { params, body }) => {
    const { gates, ...rest } = body;
    // The API writes "no PPAP element" as null; the template leaves it out.
    const checklistOf = (g: NonNullable<typeof gates>[number]) => g.checklist.map(({ ppap, ...c }) => (ppap ? { ...c, ppap } : c));
    const domainGates = gates?.map((g) => ({ ...g, checklist: checklistOf(g) }));
    return presented(
      await editTemplate(app, { actor, templateId: params.templateId, ...rest, ...(domainGates ? { gates: domainGates } : {}) }),
      templateJson,
      templateJson,
    );
  },
};
