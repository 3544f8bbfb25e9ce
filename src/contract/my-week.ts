import { z } from 'zod';
import { PersonRefSchema, PlainDateSchema } from './common.js';
import { EscalationSchema } from './escalation.js';

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

const GateAtRisk = z.object({
  programId: z.string(),
  programCode: z.string(),
  programName: z.string(),
  gateId: z.string(),
  gateKey: z.string().meta({ example: 'G1' }),
  gateName: z.string(),
  plannedReviewDate: PlainDateSchema.meta({ description: "The review milestone's actual date, else its forecast" }),
  businessDaysLeft: z.number().int().meta({
    description: "Business days from the program's today up to the planned review, on the program's calendar (negative once past)",
  }),
  items: z
    .array(
      z.object({
        key: z.string(),
        title: z.string(),
        owner: PersonRefSchema.nullable(),
        dueDate: PlainDateSchema.meta({ description: "The item's due date, or the planned review when it has none" }),
        reasons: z.array(z.enum(['rejected', 'overdue', 'due'])),
      }),
    )
    .meta({ description: 'The required items not on course: rejected, overdue, or due today and not accepted' }),
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
    gatesAtRisk: z.array(GateAtRisk).meta({
      description:
        'Gates you own that are at risk: inside the warning period before their planned review (business days on the program calendar), with required items not on course; soonest review first',
    }),
    escalations: z.array(EscalationSchema).meta({
      description: 'Escalations you are the action owner of, not resolved, soonest deadline first (overdue ones flagged)',
    }),
    updateRequests: z
      .array(
        z.object({
          id: z.string(),
          programId: z.string(),
          programCode: z.string(),
          programName: z.string(),
          week: z.string().meta({ description: 'The weekly report it precedes' }),
          askedAt: z.string(),
          items: z.array(
            z.object({
              kind: z.enum(['milestone', 'action', 'risk', 'checklist_item']),
              id: z.string(),
              key: z.string(),
              title: z.string(),
              dueDate: PlainDateSchema.nullable(),
              why: z.enum(['overdue', 'due', 'untouched']),
              gateKey: z.string().nullable(),
            }),
          ),
        }),
      )
      .meta({ description: 'Tollgate asks you to update these items before a weekly report (asked in the last 8 days), newest first' }),
    unavailable: z
      .array(z.object({ programId: z.string(), programCode: z.string(), programName: z.string() }))
      .meta({ description: 'Programs whose items could not be worked out just now (the error is logged); the rest is listed' }),
  })
  .meta({ id: 'MyWeek' });
export type MyWeek = z.infer<typeof MyWeekSchema>;
