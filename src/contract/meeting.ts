import { z } from 'zod';
import { agendaSections } from '../domain/report/meeting-agenda.js';
import { DueDateSchema, IdSchema, LongText, OwnerIdSchema, ShortText, VersionSchema } from './common.js';
import { MinutesEntrySchema } from './report.js';

// The weekly cadence meeting (issue 14): its agenda generated from the draft, and the outcomes recorded during it.

const AgendaItemSchema = z.object({
  record: z.enum(['milestone', 'decision', 'risk', 'action', 'gate', 'checklist_item', 'escalation']),
  key: z.string(),
  title: z.string(),
  ownerId: z.string().nullable(),
  due: z.string().nullable().meta({ description: 'A due date (YYYY-MM-DD) or an escalation deadline (instant); null: none' }),
  isOverdue: z.boolean(),
  change: z
    .string()
    .nullable()
    .meta({ description: 'moved, went_late; a risk change (new, rescored, closed, realized); an escalation status' }),
  from: z.string().nullable(),
  to: z.string().nullable(),
  days: z.number().int().nullable().meta({ description: "A move's business days" }),
  reason: z.string().nullable(),
  path: z.string().meta({ description: "The web app's page that opens the item" }),
});

export const MeetingAgendaSchema = z
  .object({
    programCode: z.string(),
    week: z.string(),
    sections: z.array(z.object({ section: z.enum(agendaSections), items: z.array(AgendaItemSchema) })),
    attendees: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        roles: z.array(z.enum(['decision_owner', 'escalation_path', 'cadence_owner', 'item_owner'])),
      }),
    ),
    minutes: z.array(MinutesEntrySchema).meta({ description: 'The outcomes recorded so far, in the order recorded' }),
    people: z
      .array(z.object({ id: z.string(), name: z.string() }))
      .meta({ description: 'Names of the people the agenda and minutes name' }),
    canRecord: z.boolean().meta({ description: 'Whether you may record outcomes (the cadence owner)' }),
  })
  .meta({ id: 'MeetingAgenda' });

const VerdictFields = {
  outcome: LongText(5000).min(1, 'Say what was decided.'),
  rationale: LongText(5000).min(1, 'Say why.'),
  expectedImpact: LongText(5000).min(1, 'Say what it will change (dates, cost, quality).'),
};

/** An outcome of the meeting: an open decision decided, a new decision taken, or a new action. */
export const RecordOutcomeSchema = z
  .discriminatedUnion('kind', [
    z
      .object({
        kind: z.literal('decision'),
        decisionId: IdSchema.meta({ description: 'The open decision decided (id or key, D-3); you must be its owner' }),
        version: VersionSchema,
        ...VerdictFields,
      })
      .strict(),
    z
      .object({
        kind: z.literal('new_decision'),
        statement: ShortText(500).min(1, 'Say what was decided about.'),
        ...VerdictFields,
      })
      .strict()
      .meta({ description: 'A decision taken in the meeting, recorded as yours, decided at once' }),
    z
      .object({
        kind: z.literal('action'),
        title: ShortText(300).min(1, 'Say what must be done.'),
        ownerId: OwnerIdSchema('Name who will do it: every action has an owner.'),
        dueDate: DueDateSchema('Say by when it is done: every action has a due date.'),
      })
      .strict(),
  ])
  .meta({ id: 'RecordOutcome' });
