import { z } from 'zod';
import { ActionSchema } from './action.js';
import {
  DateInputSchema,
  Identifier,
  IdSchema,
  InstantSchema,
  LongText,
  PersonRefSchema,
  PlainDateSchema,
  ShortText,
  VersionSchema,
} from './common.js';

export const RiskCategorySchema = z.enum(['schedule', 'quality', 'supply', 'commercial', 'compliance']);
export const RiskStrategySchema = z.enum(['avoid', 'mitigate', 'transfer', 'accept']);
export const RiskStatusSchema = z.enum(['open', 'mitigating', 'closed', 'realized']);
const Level = z.number().int().min(1, 'From 1 to 5.').max(5, 'From 1 to 5.');

export const RiskSchema = z
  .object({
    id: z.string(),
    programId: z.string(),
    programCode: z.string(),
    key: z.string().meta({ description: 'R-n within the program' }),
    title: z.string(),
    description: z.string(),
    owner: PersonRefSchema.nullable(),
    category: RiskCategorySchema,
    likelihood: z.number().int(),
    impact: z.number().int(),
    score: z.number().int().meta({ description: 'likelihood × impact, 1-25' }),
    band: z.enum(['high', 'medium', 'low']),
    earlyWarning: z.string(),
    strategy: RiskStrategySchema,
    mitigation: z.string(),
    residualLikelihood: z.number().int().nullable(),
    residualImpact: z.number().int().nullable(),
    residualScore: z.number().int().nullable(),
    reviewDate: PlainDateSchema.nullable(),
    isReviewDue: z.boolean().meta({ description: "A live risk whose review date is today or past (the program's time zone)" }),
    flags: z
      .array(z.enum(['no_owner', 'no_due_date']))
      .meta({ description: 'What a live risk lacks: an owner, or a review date (its due date)' }),
    status: RiskStatusSchema,
    actions: z.array(z.object({ id: z.string(), key: z.string(), title: z.string(), status: z.string() })),
    version: z.number().int(),
  })
  .meta({ id: 'Risk' });
export type Risk = z.infer<typeof RiskSchema>;

export const HeatCellSchema = z.object({ likelihood: z.number().int(), impact: z.number().int(), keys: z.array(z.string()) });
export const RiskRegisterSchema = z.object({
  items: z.array(RiskSchema),
  heatMap: z.object({ current: z.array(HeatCellSchema), residual: z.array(HeatCellSchema) }),
});
export const RiskParamsSchema = z.object({ programId: IdSchema, riskId: IdSchema.meta({ description: 'Id or key (R-3)' }) });

export const RaiseRiskSchema = z
  .object({
    title: ShortText(300).min(1, 'Give the risk a title.'),
    description: LongText(5000).optional(),
    ownerId: Identifier(64, 0)
      .min(1, 'Name the risk owner.')
      .nullable()
      .optional()
      .meta({ description: 'Required: a person with a role on the program. Without one the risk is refused with OWNER_REQUIRED.' }),
    category: RiskCategorySchema,
    likelihood: Level,
    impact: Level,
    earlyWarning: LongText(2000).optional().meta({ description: 'The signal that shows the risk is about to happen' }),
    strategy: RiskStrategySchema.default('mitigate'),
    mitigation: LongText(5000).optional(),
    residualLikelihood: Level.nullable().optional(),
    residualImpact: Level.nullable().optional(),
    reviewDate: DateInputSchema.nullable().optional(),
  })
  .strict();

export const UpdateRiskSchema = z
  .object({
    version: VersionSchema,
    reason: LongText(2000).min(1, 'Say why the risk changes.'),
    title: ShortText(300).min(1).optional(),
    description: LongText(5000).optional(),
    ownerId: IdSchema.nullable().optional().meta({ description: 'A person on the program; null is refused with OWNER_REQUIRED' }),
    category: RiskCategorySchema.optional(),
    likelihood: Level.optional(),
    impact: Level.optional(),
    earlyWarning: LongText(2000).optional(),
    strategy: RiskStrategySchema.optional(),
    mitigation: LongText(5000).optional(),
    residualLikelihood: Level.nullable().optional(),
    residualImpact: Level.nullable().optional(),
    reviewDate: DateInputSchema.nullable().optional(),
    status: z.enum(['open', 'mitigating']).optional(),
  })
  .strict();

export const EndRiskSchema = z.object({ version: VersionSchema, reason: LongText(2000).min(1, 'Say why.') }).strict();
export const RealizeRiskSchema = z
  .object({
    version: VersionSchema,
    reason: LongText(2000).min(1, 'Say what happened.'),
    action: z
      .object({
        title: ShortText(300).min(1).optional().meta({ description: 'Defaults to "Respond to: <risk title>"' }),
        ownerId: IdSchema.optional().meta({ description: 'Defaults to the risk owner' }),
        dueDate: DateInputSchema.optional().meta({
          description: "Default: the program's today (a risk that happened is answered at once)",
        }),
        severity: z.enum(['low', 'medium', 'high', 'critical']).default('high'),
      })
      .strict()
      .default({ severity: 'high' }),
  })
  .strict();

export const RealizedRiskSchema = z.object({
  risk: RiskSchema,
  action: ActionSchema.meta({ description: 'The action opened to respond, linked to the risk' }),
});

export const ScorePointSchema = z.object({
  at: InstantSchema,
  by: z.string().nullable(),
  likelihood: z.number().int(),
  impact: z.number().int(),
  score: z.number().int(),
  residualScore: z.number().int().nullable(),
  reason: z.string().nullable(),
});
export const RiskDetailSchema = z.object({ risk: RiskSchema, scoreHistory: z.array(ScorePointSchema) });

export const RiskChangeSchema = z.object({
  kind: z.enum(['new', 'rescored', 'closed', 'realized']),
  at: InstantSchema,
  risk: z.object({ id: z.string(), key: z.string(), title: z.string() }),
  by: z.string().nullable(),
  from: z.number().int().nullable().meta({ description: 'Score before (re-scored)' }),
  to: z.number().int().nullable().meta({ description: 'Score after (new, re-scored)' }),
  reason: z.string().nullable(),
});
export const RiskChangesSchema = z.object({ items: z.array(RiskChangeSchema) });
export const RiskChangesQuerySchema = z
  .object({ since: DateInputSchema, until: DateInputSchema.meta({ description: 'Inclusive; days in the program time zone' }) })
  .strict();

export type RiskRegister = z.infer<typeof RiskRegisterSchema>;
export type RaiseRisk = z.infer<typeof RaiseRiskSchema>;
export type UpdateRisk = z.infer<typeof UpdateRiskSchema>;
export type EndRisk = z.infer<typeof EndRiskSchema>;
export type RealizeRisk = z.input<typeof RealizeRiskSchema>;
export type RealizedRisk = z.infer<typeof RealizedRiskSchema>;
export type ScorePoint = z.infer<typeof ScorePointSchema>;
export type RiskDetail = z.infer<typeof RiskDetailSchema>;
export type RiskChange = z.infer<typeof RiskChangeSchema>;
export type RiskChanges = z.infer<typeof RiskChangesSchema>;
