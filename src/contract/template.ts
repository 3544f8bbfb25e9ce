import { z } from 'zod';
import { templateLimits } from '../domain/gates/template-rules.js';
import { Identifier, InstantSchema, LongText, ReasonSchema, ShortText, VersionSchema } from './common.js';

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
  source: z
    .enum(['shipped', 'workspace'])
    .meta({ description: 'shipped with Tollgate (read-only), or the workspace’s own (admins copy and edit)' }),
  basedOn: z
    .object({ id: z.string(), version: z.number().int() })
    .nullable()
    .meta({ description: 'For a workspace template: the template and version it was copied from' }),
  isArchived: z.boolean().meta({ description: 'No longer offered for new programs (workspace templates only)' }),
  updatedAt: InstantSchema.nullable().meta({ description: 'When a workspace template was last copied or edited; null for shipped ones' }),
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

// ── Writing workspace templates ─────────────────────────────────────────────────────────────────────
// Bounds (domain/gates/template-rules.ts templateLimits, domain/gates/template.ts): at most 4 gates (G1–G4, one per
// phase of the plan), 60 checklist items per gate, 40 standard milestones, 10 predecessors each; names and titles
// one line of at most 200 characters, close criteria and descriptions at most 5,000; keys capital letters, digits
// and dashes (at most 40); due offsets -250…0 and lags 0…250 business days; the body at most 256 Ki characters as JSON.

const TemplateKey = Identifier(40).meta({ description: 'Capital letters, digits and dashes, e.g. G1-GOLDEN-SAMPLE' });

const TemplateChecklistItemInput = z
  .object({
    key: TemplateKey,
    title: ShortText(200).min(1, 'Required.'),
    description: LongText(5000).default(''),
    isRequired: z.boolean(),
    ownerRole: ItemOwnerRole,
    dueOffsetDays: z.number().int().min(-250).max(0),
    ppap: z
      .object({
        element: z.number().int().min(1).max(18),
        requirement: z.enum(['submit', 'retain', 'on_request']),
        isReviewedAtSupplierSite: z.boolean(),
      })
      .strict()
      .nullable()
      .default(null),
  })
  .strict();

const TemplateGateInput = z
  .object({
    key: z.string().max(3).meta({ example: 'G1' }),
    name: ShortText(200).min(1, 'Required.'),
    closeCriteria: LongText(5000).min(1, 'Required.'),
    decidedBy: z.enum(['decision_owner', 'gate_owner']),
    ownerRole: GateRole,
    gatekeeperRoles: z.array(GateRole).max(templateLimits.gatekeeperRoles),
    warningDays: z.number().int().min(0).max(60),
    reviewMilestoneKey: TemplateKey,
    checklist: z.array(TemplateChecklistItemInput).min(1).max(templateLimits.itemsPerGate),
  })
  .strict();

const TemplateMilestoneInput = z
  .object({
    key: TemplateKey,
    name: ShortText(200).min(1, 'Required.'),
    gateKey: z.string().max(3),
    predecessors: z
      .array(z.object({ milestoneKey: TemplateKey, lagDays: z.number().int().min(0).max(250) }).strict())
      .max(templateLimits.predecessors)
      .default([]),
    isCritical: z.boolean().default(false),
  })
  .strict();

const PpapLevelInput = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5)], {
  error: 'A PPAP submission level from 1 to 5.',
});

export const CopyTemplateSchema = z
  .object({
    id: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'Lower-case letters, digits and dashes, at most 64, starting with a letter or digit.')
      .meta({ description: 'The copy’s id (a slug), unique among all templates', example: 'acme-4-gate' }),
    name: ShortText(200).min(1, 'Required.'),
    ppapLevel: PpapLevelInput.optional().meta({
      description: 'For a template with PPAP: the level the copy is made for (default: the source’s)',
    }),
    reason: ReasonSchema.optional(),
  })
  .strict();

export const EditTemplateSchema = z
  .object({
    version: VersionSchema,
    reason: ReasonSchema.min(1, 'Say why the template changes.'),
    name: ShortText(200).min(1, 'Required.').optional(),
    description: LongText(5000).optional(),
    ppapLevel: PpapLevelInput.optional().meta({
      description: 'For a PPAP-based template: another submission level (each element’s requirement follows, unless gates are given)',
    }),
    gates: z.array(TemplateGateInput).min(1).max(templateLimits.gates).optional().meta({ description: 'Every gate, in order G1…' }),
    milestones: z.array(TemplateMilestoneInput).max(templateLimits.milestones).optional().meta({
      description: 'Every standard milestone; predecessors listed before the milestones that follow them',
    }),
    escalation: z
      .object({
        responseDays: z.number().int().min(1).max(60),
        forecastSlipDays: z.number().int().min(0).max(250),
        riskScoreAtLeast: z.number().int().min(1).max(25),
      })
      .strict()
      .optional(),
    isArchived: z.boolean().optional().meta({ description: 'true: no longer offered for new programs; false: offered again' }),
  })
  .strict();

export type CopyTemplate = z.input<typeof CopyTemplateSchema>;
export type EditTemplate = z.input<typeof EditTemplateSchema>;
