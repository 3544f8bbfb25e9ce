import { z } from 'zod';
import { defectsFoundMax, inspectionLevels, lotSizeMax, lotSizeMin } from '../domain/sampling/iso2859.js';
import { aqlLabels } from '../domain/sampling/iso2859-tables.js';

// The ISO 2859-1 sampling plan calculator (single sampling, normal inspection). The query takes numbers as
// numbers; their ranges and the AQL's place in the table are the domain's to refuse (SAMPLING_* codes).

export const samplingRules = ['code-letter', 'plan', 'arrow-down', 'arrow-up', 'hundred-percent', 'verdict'] as const;

export const InspectionLevelSchema = z
  .enum(inspectionLevels, { error: `One of ${inspectionLevels.join(', ')}.` })
  .meta({ description: 'General inspection level I, II (the usual one) or III, or special level S-1 … S-4' });

export const SamplingPlanQuerySchema = z
  .object({
    lotSize: z.coerce
      .number({ error: 'A whole number of units.' })
      .int('A whole number of units.')
      .meta({ description: `Units in the lot, ${lotSizeMin} to ${lotSizeMax}`, example: 2000 }),
    level: InspectionLevelSchema,
    aql: z.coerce
      .number({ error: 'A number: one of the AQLs of the table.' })
      .meta({ description: `The acceptance quality limit, one of ${aqlLabels.join(', ')}`, example: 2.5 }),
    defectsFound: z.coerce
      .number({ error: 'A whole number.' })
      .int('A whole number.')
      .optional()
      .meta({
        description: `Defects (nonconforming units, or nonconformities) found in the sample, 0 to ${defectsFoundMax}: adds the verdict`,
      }),
  })
  .strict();
export type SamplingPlanQuery = z.infer<typeof SamplingPlanQuerySchema>;

export const SamplingStepSchema = z
  .object({
    rule: z
      .enum(samplingRules)
      .meta({ description: 'The rule the step applied: Table I, a plan of Table II-A, an arrow, 100 %, the verdict' }),
    text: z.string().meta({ description: 'The step in plain English' }),
    values: z
      .record(z.string(), z.union([z.string(), z.number()]))
      .meta({ description: 'The values the step names, for wording it elsewhere' }),
  })
  .meta({ id: 'SamplingStep' });
export type SamplingStepJson = z.infer<typeof SamplingStepSchema>;

const CodeLetterSchema = z.enum(['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'J', 'K', 'L', 'M', 'N', 'P', 'Q', 'R']);

export const SamplingPlanSchema = z
  .object({
    lotSize: z.number().int(),
    level: InspectionLevelSchema,
    aql: z.number(),
    codeLetter: CodeLetterSchema.meta({ description: 'The sample size code letter Table I gives the lot size at the level' }),
    planLetter: CodeLetterSchema.meta({ description: 'The letter whose plan is used once the arrows of Table II-A are followed' }),
    sampleSize: z.number().int().meta({ description: 'n of the plan used (the plan letter’s)' }),
    acceptNumber: z.number().int().meta({ description: 'Ac: accept the lot with this many defects or fewer' }),
    rejectNumber: z.number().int().meta({ description: 'Re: reject the lot with this many defects or more' }),
    hundredPercent: z.boolean().meta({ description: 'The sample is the lot or more: inspect every unit' }),
    unitsToInspect: z.number().int().meta({ description: 'The sample size, or the lot size when that is smaller' }),
    steps: z
      .array(SamplingStepSchema)
      .meta({ description: 'How the plan was found, in order (and the verdict last, when defects were given)' }),
    defectsFound: z.number().int().optional().meta({ description: 'As asked, when asked' }),
    verdict: z.enum(['accept', 'reject']).optional().meta({ description: 'With defectsFound: accept (at most Ac) or reject (Re or more)' }),
  })
  .meta({ id: 'SamplingPlan' });
export type SamplingPlanJson = z.infer<typeof SamplingPlanSchema>;
