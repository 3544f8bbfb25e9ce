import { z } from 'zod';
import { PlainDateSchema } from './common.js';

const Item = z.object({
  kind: z.enum(['decision', 'action', 'confirmation', 'risk_review', 'milestone', 'checklist_item', 'evidence_review']),
  programId: z.string(),
  programCode: z.string(),
  programName: z.string(),
  id: z.string(),
  key: z.string(),
  title: z.string(),
  dueDate: PlainDateSchema.nullable(),
  isOverdue: z.boolean(),
  /** What is asked of the person, in a word the UI translates: decide, do, confirm, review, deliver. */
  ask: z.enum(['decide', 'do', 'confirm', 'review', 'deliver', 'evidence', 'accept']),
  flags: z.array(z.enum(['no_due_date', 'no_owner'])),
  gateKey: z.string().optional().meta({ description: 'The gate of a checklist item or of evidence to review' }),
});

export const MyWeekSchema = z
  .object({
    weekStart: PlainDateSchema,
    weekEnd: PlainDateSchema,
    decisions: z.array(Item).meta({ description: 'Open decisions you must make' }),
    actions: z.array(Item).meta({ description: 'Open actions you own that are due this week or overdue' }),
    confirmations: z.array(Item).meta({ description: 'Actions marked done that wait for your confirmation (cadence owner)' }),
    risks: z.array(Item).meta({ description: 'Risks you own whose review is due' }),
    milestones: z.array(Item).meta({ description: 'Milestones you own that are due this week or late' }),
    checklistItems: z
      .array(Item)
      .meta({ description: 'Gate checklist items you own that still need evidence (open or rejected), due this week or overdue' }),
    reviews: z.array(Item).meta({ description: 'Evidence submitted on gates you own, waiting for your review' }),
    unavailable: z
      .array(z.object({ programId: z.string(), programCode: z.string(), programName: z.string() }))
      .meta({ description: 'Programs whose items could not be worked out just now (the error is logged); the rest is listed' }),
  })
  .meta({ id: 'MyWeek' });
export type MyWeek = z.infer<typeof MyWeekSchema>;
