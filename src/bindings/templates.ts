import { getTemplate, listTemplates } from '../app/templates/templates.js';
import type { templateOperations } from '../contract/operations/templates.js';
import type { PpapLevel, ProgramTemplate } from '../domain/gates/template.js';
import type { Bindings } from './binding.js';
import { presented } from './binding.js';

/** What every template answer starts with (contract/template.ts TemplateFields). */
const templateHead = (t: ProgramTemplate) => ({
  id: t.id,
  name: t.name,
  version: t.version,
  description: t.description,
  ppapLevel: t.ppapLevel,
  source: 'shipped' as const,
});

const templateSummaryJson = (t: ProgramTemplate) => ({
  ...templateHead(t),
  gates: t.gates.map((g) => ({
    key: g.key,
    name: g.name,
    items: g.checklist.length,
    requiredItems: g.checklist.filter((i) => i.isRequired).length,
  })),
  milestones: t.milestones.length,
});

const templateJson = (t: ProgramTemplate) => ({
  ...templateHead(t),
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
  listTemplates: async ({ actor }) => presented(listTemplates({ actor }), (items) => ({ items: items.map(templateSummaryJson) })),
  getTemplate: async ({ actor }, { params, query }) =>
    presented(
      getTemplate({
        actor,
        templateId: params.templateId,
        ppapLevel: query.ppapLevel === undefined ? undefined : (Number(query.ppapLevel) as PpapLevel),
      }),
      templateJson,
    ),
};
