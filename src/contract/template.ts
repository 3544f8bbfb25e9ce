import { z } from 'zod';
import { Identifier } from './common.js';

// Program templates: the gates, checklists and standard milestones a program is made from.

const GateRole = z.enum(['decision_owner', 'cadence_owner', 'quality_owner']);
const ItemOwnerRole = z.enum(['decision_owner', 'cadence_owner', 'quality_owner', 'gate_owner', 'supplier']);

export const TemplateChecklistItemSchema = z
  .object({
    key: z.string(),
    title: z.string(),
    description: z.string(),
    isRequired: z.boolean(),
    ownerRole: ItemOwnerRole,
    dueOffsetDays: z
      .number()
      .int()
      .meta({ description: 'Business days relative to the gate review (0: the review day; -5: five business days before)' }),
    ppap: z
      .object({
        element: z.number().int().min(1).max(18),
        requirement: z.enum(['submit', 'retain', 'on_request']),
        isReviewedAtSupplierSite: z.boolean(),
      })
      .nullable()
      .meta({ description: 'The PPAP element (AIAG PPAP 4th ed.) the item stands for, and what the chosen level asks of it' }),
  })
  .meta({ id: 'TemplateChecklistItem' });

export const TemplateGateSchema = z
  .object({
    key: z.string().meta({ example: 'G1' }),
    name: z.string(),
    closeCriteria: z.string(),
    decidedBy: z.enum(['decision_owner', 'gate_owner']),
    ownerRole: GateRole,
    gatekeeperRoles: z.array(GateRole),
    warningDays: z.number().int().meta({ description: 'Business days before the planned review from which a gate off course is at risk' }),
    reviewMilestoneKey: z.string(),
    checklist: z.array(TemplateChecklistItemSchema),
  })
  .meta({ id: 'TemplateGate' });

export const TemplateMilestoneSchema = z
  .object({
    key: z.string(),
    name: z.string(),
    gateKey: z.string(),
    predecessors: z.array(z.object({ milestoneKey: z.string(), lagDays: z.number().int() })),
    isCritical: z.boolean(),
  })
  .meta({ id: 'TemplateMilestone' });

const TemplateFields = {
  id: z.string().meta({ example: 'default-4-gate' }),
  name: z.string(),
  version: z.number().int(),
  description: z.string(),
  ppapLevel: z.number().int().min(1).max(5).nullable(),
  /** Shipped with Tollgate (a workspace's own copies come later). */
  source: z.enum(['shipped']),
};

export const TemplateSummarySchema = z
  .object({
    ...TemplateFields,
    gates: z.array(z.object({ key: z.string(), name: z.string(), items: z.number().int(), requiredItems: z.number().int() })),
    milestones: z.number().int(),
  })
  .meta({ id: 'TemplateSummary' });
export const TemplateListSchema = z.object({ items: z.array(TemplateSummarySchema) });

export const TemplateSchema = z
  .object({
    ...TemplateFields,
    gates: z.array(TemplateGateSchema),
    milestones: z.array(TemplateMilestoneSchema),
    escalation: z.object({ responseDays: z.number().int(), forecastSlipDays: z.number().int(), riskScoreAtLeast: z.number().int() }),
  })
  .meta({ id: 'Template' });

export const TemplateParamsSchema = z.object({ templateId: Identifier(64) });
export const TemplateQuerySchema = z
  .object({
    ppapLevel: z
      .enum(['1', '2', '3', '4', '5'], { error: 'Must be a PPAP submission level from 1 to 5.' })
      .optional()
      .meta({ description: 'For a template with PPAP: the submission level its release checklist is made for (default 3)' }),
  })
  .strict();

export type TemplateSummary = z.infer<typeof TemplateSummarySchema>;
export type TemplateJson = z.infer<typeof TemplateSchema>;
