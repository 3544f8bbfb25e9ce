import { z } from 'zod';
import { IdSchema, PlainDateSchema, ReasonSchema } from './common.js';

const MilestoneEndSchema = z.object({ id: z.string(), key: z.string(), name: z.string() });

export const MilestoneLinkSchema = z
  .object({
    id: z.string(),
    programId: z.string(),
    predecessor: MilestoneEndSchema,
    successor: MilestoneEndSchema,
    lagDays: z.number().int().meta({ description: "Business days from the predecessor's finish; negative means overlap" }),
    version: z.number().int(),
  })
  .meta({ id: 'MilestoneLink' });
export type MilestoneLink = z.infer<typeof MilestoneLinkSchema>;

export const MilestoneLinkListSchema = z.object({ items: z.array(MilestoneLinkSchema) });

export const CreateMilestoneLinkSchema = z
  .object({
    predecessor: IdSchema.meta({ description: 'Milestone id or key (e.g. M-3) that must finish first' }),
    successor: IdSchema.meta({ description: 'Milestone id or key that depends on it' }),
    lagDays: z.number().int().min(-365).max(365).optional().meta({ description: 'Business days; defaults to 0' }),
    reason: ReasonSchema.optional(),
  })
  .strict();
export type CreateMilestoneLink = z.infer<typeof CreateMilestoneLinkSchema>;

export const MilestoneLinkParamsSchema = z.object({ programId: IdSchema, linkId: IdSchema });

export const MovePreviewRequestSchema = z.object({ forecastDate: PlainDateSchema }).strict();

export const PushSchema = z
  .object({
    id: z.string(),
    key: z.string(),
    name: z.string(),
    from: PlainDateSchema,
    to: PlainDateSchema,
    version: z
      .number()
      .int()
      .meta({ description: 'The version the push was worked out on; send it back as pushedVersions to insist on it' }),
    cause: z.object({ id: z.string(), key: z.string() }).meta({ description: 'The predecessor that pushes it' }),
  })
  .meta({ id: 'Push' });

export const MovePreviewSchema = z.object({ pushes: z.array(PushSchema) });

export const PushedSchema = z.object({ id: z.string(), key: z.string(), from: PlainDateSchema, to: PlainDateSchema });
