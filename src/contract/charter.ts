import { z } from 'zod';
import { charterLimits } from '../domain/charter.js';
import { Identifier, LongText, PersonRefSchema, ReasonSchema } from './common.js';

// The kickoff charter of a program (domain/charter.ts): read by everyone who sees the program, written
// whole by its cadence owner (charter.edit) at the version read. The contract checks shapes; the ranges,
// the people (someone who takes part in the program) and the gates are the domain's, refused by field.

const Email = z.email('Must be an email address.').max(charterLimits.emailLength);
const PersonId = Identifier(64).meta({ description: 'A person by id: someone who holds a role on the program or its client' });

const UpdateRequestRuleSchema = z
  .object({
    businessDaysBefore: z
      .number()
      .int()
      .nullable()
      .meta({
        description: `Business days before the report's day that owners are asked to update their items (${charterLimits.requestDaysBefore.min}: that day, up to ${charterLimits.requestDaysBefore.max}); null: no update requests`,
      }),
    untouchedDays: z
      .number()
      .int()
      .meta({
        description: `An item not updated for this many days (${charterLimits.untouchedDays.min}–${charterLimits.untouchedDays.max}) is asked about too`,
      }),
  })
  .strict();

const WeeklyReportSchema = z
  .object({
    weekday: z.number().int().nullable().meta({ description: 'ISO weekday the report is issued on: 1 Monday … 7 Sunday' }),
    time: z.string().max(5).nullable().meta({ description: 'Local time at the factory, HH:MM (24 h)', example: '16:00' }),
    recipientIds: z.array(PersonId).max(charterLimits.recipients),
    recipientEmails: z.array(Email).max(charterLimits.recipients).meta({ description: 'Addresses outside the workspace' }),
    updateRequests: UpdateRequestRuleSchema.optional().meta({
      description: 'When owners are asked to update their items before the report; left out: off',
    }),
    autoIssue: z.boolean().default(false).meta({
      description:
        "Tollgate issues the week's report itself at the day and time (the program's zone), as the cadence owner, findings acknowledged automatically; needs weekday and time",
    }),
  })
  .strict();

const LeadershipReviewSchema = z
  .object({
    scoreAtLeast: z.number().int().nullable().meta({ description: 'A risk scoring at least this (likelihood × impact, 1–25) …' }),
    unresolvedDays: z
      .number()
      .int()
      .nullable()
      .meta({ description: '… unresolved for this many business days (1–120) goes to leadership review' }),
  })
  .strict();

const charterFields = {
  decisionOwnerId: PersonId.nullable().meta({ description: 'The one person who decides the program’s open questions' }),
  escalationPath: z
    .array(PersonId)
    .max(charterLimits.escalationLevels)
    .meta({ description: 'Whom an escalation climbs to, level by level, first level first' }),
  successDefinitions: z
    .record(z.string().max(8), LongText(5000))
    .meta({ description: 'Per gate key (G1 … G4): what success at that gate means' }),
  weeklyReport: WeeklyReportSchema,
  leadershipReview: LeadershipReviewSchema,
};

export const SetCharterSchema = z
  .object({
    version: z
      .number()
      .int()
      .min(0)
      .meta({ description: 'The charter version you read (0 while none was saved); refused with 409 when no longer current' }),
    ...charterFields,
    reason: ReasonSchema.optional(),
  })
  .strict();

export const CharterSchema = z
  .object({
    programId: z.string(),
    programCode: z.string(),
    decisionOwnerId: z.string().nullable(),
    escalationPath: z.array(z.string()),
    successDefinitions: z.record(z.string(), z.string()),
    weeklyReport: z.object({
      weekday: z.number().int().nullable(),
      time: z.string().nullable(),
      recipientIds: z.array(z.string()),
      recipientEmails: z.array(z.string()),
      updateRequests: z.object({ businessDaysBefore: z.number().int().nullable(), untouchedDays: z.number().int() }),
      autoIssue: z.boolean(),
    }),
    leadershipReview: z.object({ scoreAtLeast: z.number().int().nullable(), unresolvedDays: z.number().int().nullable() }),
    people: z.array(PersonRefSchema).meta({ description: 'The people the charter names' }),
    gates: z.array(z.string()).meta({ description: 'The program’s gate keys' }),
    gaps: z
      .array(z.object({ path: z.string(), message: z.string() }))
      .meta({ description: 'What activation still needs (empty: the charter is complete)' }),
    version: z.number().int().meta({ description: '0 while no charter was saved' }),
  })
  .meta({ id: 'Charter' });
export type CharterDocument = z.infer<typeof CharterSchema>;
