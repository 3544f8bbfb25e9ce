import { z } from 'zod';

/**
 * What a scheduled job is given: the slot it runs for (the start of its schedule's period, a UTC
 * instant). Several instances enqueueing the same slot enqueue one job (src/jobs/).
 */
export const JobPayload = z.object({
  slot: z.iso.datetime().meta({ description: 'The start of the scheduled slot, a UTC instant', example: '2026-12-06T16:45:00.000Z' }),
});
export type JobPayload = z.infer<typeof JobPayload>;
