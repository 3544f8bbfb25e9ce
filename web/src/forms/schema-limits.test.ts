import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { UpdateMilestoneSchema } from '../../../src/contract/milestone.js';
import { CreateMilestoneLinkSchema } from '../../../src/contract/plan.js';
import { blankAsNull, numberOrNull } from './form-values.js';
import { limitsOf } from './schema-limits.js';

describe('limitsOf', () => {
  it('reads a field’s bounds from the contract, through the form’s wrappers', () => {
    const shape = UpdateMilestoneSchema.shape;
    const form = z.object({
      name: shape.name.unwrap(),
      toleranceDays: numberOrNull(shape.toleranceDays.unwrap()),
      reason: blankAsNull(shape.reason.unwrap().nullable()),
      link: z.object({ lagDays: numberOrNull(CreateMilestoneLinkSchema.shape.lagDays.unwrap()) }),
    });
    expect(limitsOf(form, 'name')).toEqual({ min: 1, max: 200 });
    expect(limitsOf(form, 'toleranceDays')).toEqual({ min: 0, max: 250 });
    expect(limitsOf(form, 'reason')).toEqual({ max: 2000 });
    expect(limitsOf(form, 'link.lagDays')).toEqual({ min: -365, max: 365 });
    expect(limitsOf(form, 'nothing')).toEqual({});
  });
});
