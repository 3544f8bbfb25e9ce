import { z } from 'zod';
import { gateTextLimits } from '../domain/gates/gate-text.js';
import { DateInputSchema, Identifier, InstantSchema, LongText, PlainDateSchema, ReasonSchema } from './common.js';

// Phase gates (domain/gates/): a program's gates with their checklist, evidence, recommendations and
// decisions. Read by everyone who sees the program; worked by its people as the gate rules say
// (gate.work, gate.decide, gate.edit in docs/access.md); every change at the version read.

export const GateStatusSchema = z.enum([
  'not_started',
  'in_progress',
  'ready_for_review',
  'passed',
  'passed_with_conditions',
  'held',
  'recycled',
  'stopped',
]);
export const EvidenceStateSchema = z.enum(['open', 'submitted', 'accepted', 'rejected', 'waived']);
export const GateOutcomeSchema = z.enum(['go', 'conditional_go', 'hold', 'recycle', 'stop']);
const PersonId = Identifier(64).meta({ description: 'A person by id: someone who holds a role on the program' });
const Comment = LongText(gateTextLimits.long);

const RecommendationSchema = z.object({
  gatekeeperId: z.string(),
  recommendation: GateOutcomeSchema,
  comment: z.string(),
  at: InstantSchema,
});

const ConditionSchema = z.object({
  text: z.string(),
  ownerId: z.string(),
  dueDate: PlainDateSchema,
  actionId: z.string().optional().meta({ description: 'The action the condition became' }),
  actionKey: z.string().optional(),
});

const EvidenceSnapshotSchema = z.object({
  key: z.string(),
  title: z.string(),
  isRequired: z.boolean(),
  state: EvidenceStateSchema,
  submittedById: z.string().nullable(),
  submittedAt: z.string().nullable(),
  reviewedById: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  reviewComment: z.string().nullable(),
  waiverDecisionId: z.string().nullable(),
  pieces: z
    .array(
      z.object({
        id: z.string(),
        kind: z.enum(['file', 'link', 'note', 'event']),
        title: z.string(),
        url: z.string().nullable(),
        note: z.string().nullable(),
        fileName: z.string().nullable(),
        sizeBytes: z.number().int().nullable(),
        sha256: z.string().nullable(),
        addedById: z.string(),
        addedAt: InstantSchema,
      }),
    )
    .meta({ description: 'The evidence attached to the item when the gate passed: files by their SHA-256' }),
});

const GateDecisionSchema = z
  .object({
    outcome: GateOutcomeSchema,
    decisionId: z.string().meta({ description: 'The entry in the decision log that records the outcome' }),
    decidedById: z.string(),
    decidedAt: InstantSchema,
    recommendations: z.array(RecommendationSchema),
    evidence: z
      .array(EvidenceSnapshotSchema)
      .nullable()
      .meta({ description: 'The checklist frozen as it stood at a go or conditional go' }),
    conditions: z.array(ConditionSchema),
    reasons: z.array(z.object({ text: z.string(), itemKey: z.string().optional() })),
  })
  .meta({ id: 'GateDecision' });

const ReadinessSchema = z
  .object({
    level: z.enum(['passed', 'stopped', 'not_planned', 'not_yet', 'on_track', 'at_risk']),
    windowStart: PlainDateSchema.nullable().meta({ description: 'First day of the warning period before the review' }),
    businessDaysLeft: z.number().int().nullable(),
    items: z.array(
      z.object({
        key: z.string(),
        title: z.string(),
        ownerId: z.string().nullable(),
        dueDate: PlainDateSchema,
        state: EvidenceStateSchema,
        reasons: z.array(z.enum(['rejected', 'overdue', 'due'])),
      }),
    ),
  })
  .meta({
    id: 'GateReadiness',
    description: 'From the warning period before the planned review, a gate whose required items are not on course is at risk',
  });

const gateFields = {
  id: z.string(),
  programId: z.string(),
  programCode: z.string(),
  key: z.string().meta({ example: 'G1' }),
  name: z.string(),
  closeCriteria: z.string(),
  ownerId: z.string().nullable(),
  decidedBy: z.enum(['decision_owner', 'gate_owner']),
  gatekeeperIds: z.array(z.string()),
  reviewMilestoneId: z.string().nullable(),
  reviewMilestone: z
    .object({ id: z.string(), key: z.string(), name: z.string(), forecastDate: PlainDateSchema, actualDate: PlainDateSchema.nullable() })
    .nullable(),
  plannedReviewDate: PlainDateSchema.nullable(),
  warningDays: z.number().int(),
  status: GateStatusSchema,
  recommendations: z.array(RecommendationSchema),
  decision: GateDecisionSchema.nullable(),
  decisionKey: z.string().nullable(),
  templateId: z.string(),
  templateVersion: z.number().int(),
  ppapLevel: z.number().int().nullable(),
  readiness: ReadinessSchema,
  counts: z.object({
    total: z.number().int(),
    required: z.number().int(),
    satisfied: z.number().int().meta({ description: 'Required items accepted or waived' }),
    submitted: z.number().int(),
    rejected: z.number().int(),
  }),
  version: z.number().int(),
};

const GatePersonSchema = z.object({ id: z.string(), name: z.string() });

export const GateSummarySchema = z.object(gateFields).meta({ id: 'GateSummary' });

export const EvidenceSchema = z
  .object({
    id: z.string(),
    itemId: z.string(),
    kind: z.enum(['file', 'link', 'note', 'event']),
    title: z.string(),
    url: z.string().nullable(),
    note: z.string().nullable(),
    fileName: z.string().nullable(),
    contentType: z.string().nullable(),
    sizeBytes: z.number().int().nullable(),
    sha256: z.string().nullable(),
    addedById: z.string(),
    addedAt: InstantSchema,
    removedAt: InstantSchema.nullable(),
    downloadPath: z.string().nullable().meta({ description: 'Where a file is downloaded from (files only)' }),
    eventId: z.string().nullable(),
    event: z
      .object({
        id: z.string(),
        key: z.string(),
        kind: z.enum(['shipment', 'inspection', 'measurement']),
        title: z.string(),
        verdict: z.enum(['accept', 'reject']),
        summary: z.string(),
      })
      .nullable()
      .meta({
        description:
          'The floor event an `event` piece names, with its verdict (an inspection’s; a measurement accepts with every value within limits)',
      }),
    version: z.number().int(),
  })
  .meta({ id: 'Evidence' });

export const ChecklistItemSchema = z
  .object({
    id: z.string(),
    gateId: z.string(),
    key: z.string(),
    position: z.number().int(),
    title: z.string(),
    description: z.string(),
    isRequired: z.boolean(),
    ownerId: z.string().nullable(),
    dueDate: PlainDateSchema.nullable(),
    state: EvidenceStateSchema,
    submittedById: z.string().nullable(),
    submittedAt: InstantSchema.nullable(),
    submissionNote: z.string().nullable(),
    reviewedById: z.string().nullable(),
    reviewedAt: InstantSchema.nullable(),
    reviewComment: z.string().nullable(),
    waiverDecisionId: z.string().nullable(),
    waiverDecisionKey: z.string().nullable(),
    ppap: z
      .object({ element: z.number().int(), requirement: z.enum(['submit', 'retain', 'on_request']), isReviewedAtSupplierSite: z.boolean() })
      .nullable(),
    evidence: z.array(EvidenceSchema),
    version: z.number().int(),
  })
  .meta({ id: 'ChecklistItem' });

export const GateSchema = z
  .object({
    ...gateFields,
    items: z.array(ChecklistItemSchema),
    people: z.array(GatePersonSchema),
    reviewers: z.object({ decisionOwnerId: z.string().nullable(), qualityOwnerIds: z.array(z.string()) }).meta({
      description: 'Who the gate rules name: the decision owner (the charter’s, else the first holder of the role) and the quality owners',
    }),
  })
  .meta({ id: 'Gate' });

export const ProgramGatesSchema = z
  .object({
    programId: z.string(),
    programCode: z.string(),
    today: PlainDateSchema.meta({ description: "The program's today (its time zone)" }),
    phase: z
      .discriminatedUnion('kind', [
        z.object({ kind: z.literal('gate'), gateKey: z.string(), status: GateStatusSchema }),
        z.object({ kind: z.literal('released') }),
        z.object({ kind: z.literal('none') }),
      ])
      .meta({ description: 'The current phase: the first gate not passed; released once every gate passed' }),
    gates: z.array(GateSummarySchema),
    people: z.array(GatePersonSchema),
  })
  .meta({ id: 'ProgramGates' });

export const GateParamsSchema = z.object({
  programId: Identifier(64).meta({ description: 'Program id or program code' }),
  gateKey: Identifier(64).meta({ description: 'Gate key (G1 …) or id' }),
});

export const ItemParamsSchema = GateParamsSchema.extend({
  itemKey: Identifier(64).meta({ description: 'Checklist item key (G1-GOLDEN-SAMPLE) or id' }),
});

const Version = z.number().int().positive().meta({ description: 'The version you read; refused with 409 when no longer current' });

export const SubmitItemSchema = z.object({ version: Version, note: Comment.optional(), reason: ReasonSchema.optional() }).strict();
export const AcceptItemSchema = z.object({ version: Version, comment: Comment.optional(), reason: ReasonSchema.optional() }).strict();
export const RejectItemSchema = z
  .object({ version: Version, comment: Comment.min(1, 'Say why the evidence is rejected.'), reason: ReasonSchema.optional() })
  .strict();
export const WaiveItemSchema = z
  .object({
    version: Version,
    decisionId: Identifier(64).meta({ description: 'A decided decision of the program (id or key, e.g. D-4)' }),
    reason: ReasonSchema.optional(),
  })
  .strict();
export const ReopenItemSchema = z.object({ version: Version, reason: Comment.min(1, 'Say why the item is reopened.') }).strict();
export const UpdateItemSchema = z
  .object({
    version: Version,
    ownerId: PersonId.optional(),
    dueDate: DateInputSchema.nullable().optional(),
    reason: ReasonSchema.optional(),
  })
  .strict();

export const UpdateGateSchema = z
  .object({
    version: Version,
    ownerId: PersonId.optional(),
    gatekeeperIds: z.array(PersonId).max(10).optional(),
    reviewMilestoneId: Identifier(64)
      .nullable()
      .optional()
      .meta({ description: 'The milestone (id or key) whose date is the planned review' }),
    warningDays: z
      .number()
      .int()
      .min(0)
      .max(60)
      .optional()
      .meta({ description: 'Business days before the review from which a gate off course is at risk' }),
    reason: ReasonSchema.optional(),
  })
  .strict();

export const RecommendGateSchema = z
  .object({ version: Version, recommendation: GateOutcomeSchema, comment: Comment.optional(), reason: ReasonSchema.optional() })
  .strict();

export const DecideGateSchema = z
  .object({
    version: Version,
    outcome: GateOutcomeSchema,
    rationale: Comment.min(1, 'Say why: it is the decision’s rationale in the decision log.'),
    expectedImpact: Comment.optional(),
    conditions: z
      .array(
        z
          .object({
            text: Comment.min(1, 'Required.'),
            ownerId: PersonId.nullable(),
            dueDate: DateInputSchema.nullable(),
          })
          .strict(),
      )
      .max(20)
      .optional()
      .meta({ description: 'A conditional go: each condition becomes an action with this owner and due date' }),
    reasons: z
      .array(z.object({ text: Comment.min(1, 'Required.'), itemKey: Identifier(64).optional() }).strict())
      .max(50)
      .optional()
      .meta({ description: 'A recycle: what must be redone; naming an item reopens it' }),
    reason: ReasonSchema.optional(),
  })
  .strict();

export const GatePackQuerySchema = z.object({
  timeZone: Identifier(64)
    .optional()
    .meta({ description: 'IANA zone the instants are written in (default: your account’s zone)', example: 'Asia/Shanghai' }),
});

export type GateDocument = z.infer<typeof GateSchema>;
export type ProgramGatesDocument = z.infer<typeof ProgramGatesSchema>;
