import { defineOperations } from '../operation.js';
import { SamplingPlanQuerySchema, SamplingPlanSchema } from '../sampling.js';

/** Acceptance sampling by attributes: reference tables anyone signed in may use. */
export const samplingOperations = defineOperations({
  samplingPlan: {
    method: 'GET',
    path: '/sampling-plan',
    tags: ['sampling'],
    summary: 'The ISO 2859-1 single sampling plan for normal inspection: code letter, sample size, Ac and Re, and how they were found',
    description:
      'Table I gives the lot size a code letter at the inspection level; Table II-A gives that letter n, Ac and Re at the AQL, or an arrow to the first plan below or above, whose own sample size is then used with its Ac and Re (the answer’s planLetter). A sample of the lot or more means inspecting every unit (hundredPercent). ISO 2859-1 is identical to ANSI/ASQ Z1.4 and MIL-STD-105E here. With defectsFound, the verdict too. A lot size out of 2…10,000,000 is 422 SAMPLING_LOT_SIZE_OUT_OF_RANGE, an AQL not in the table 422 SAMPLING_AQL_NOT_IN_TABLE, defects out of range 422 SAMPLING_DEFECTS_OUT_OF_RANGE.',
    query: SamplingPlanQuerySchema,
    status: 200,
    response: SamplingPlanSchema,
    refusals: [401, 422],
  },
});
