import { z } from 'zod';
import { HealthReasonSchema, HealthSchema, IdSchema, PersonRefSchema, PlainDateSchema } from './common.js';

export const ProgramStatusSchema = z.enum(['draft', 'active', 'on_hold', 'closed']);
export const PhaseSchema = z.enum(['G1', 'G2', 'G3', 'G4']);

export const MilestoneRefSchema = z.object({
  id: z.string(),
  key: z.string(),
  name: z.string(),
  forecastDate: PlainDateSchema,
  owner: PersonRefSchema.nullable(),
});

export const GrantSchema = z.enum(['yes', 'own', 'no']);

export const ProgramSummarySchema = z
  .object({
    id: z.string(),
    code: z.string(),
    name: z.string(),
    product: z.string().meta({ description: 'What is made; empty for programs set up before products were recorded' }),
    client: z.object({ id: z.string(), name: z.string(), country: z.string() }),
    supplier: z.object({
      name: z.string(),
      city: z.string(),
      country: z.string(),
      factoryId: z.string().nullable().meta({ description: 'The factory record (GET /suppliers)' }),
    }),
    archivedAt: z.string().nullable().meta({ description: 'When it left the portfolio (still readable); null while in it' }),
    timeZone: z.string(),
    status: ProgramStatusSchema,
    currentPhase: PhaseSchema.nullable(),
    health: HealthSchema,
    healthReason: HealthReasonSchema,
    healthMilestone: z.object({ id: z.string(), key: z.string(), name: z.string() }).nullable(),
    nextMilestone: MilestoneRefSchema.nullable(),
    owner: PersonRefSchema.nullable(),
    milestoneCount: z.number().int(),
    openDecisions: z.number().int().meta({ description: 'Open decisions on the program' }),
    highRisks: z.number().int().meta({ description: 'Open risks scoring 15 or more' }),
    blockers: z.number().int().meta({ description: 'Open actions that block a milestone' }),
    openEscalations: z.number().int().meta({ description: 'Escalations not resolved' }),
    overdueEscalations: z
      .number()
      .int()
      .meta({ description: 'Escalations past their deadline, neither acknowledged nor resolved (or expired)' }),
    doneCount: z.number().int(),
    toleranceDays: z.number().int(),
    targetReleaseDate: PlainDateSchema.nullable(),
    myRoles: z.array(z.enum(['decision_owner', 'cadence_owner', 'quality_owner', 'contributor', 'observer'])),
    can: z
      .object({
        'program.read': GrantSchema,
        'program.edit': GrantSchema,
        'milestone.create': GrantSchema,
        'milestone.edit': GrantSchema,
        'milestone.move': GrantSchema,
        'milestone.complete': GrantSchema,
        'calendar.edit': GrantSchema,
        'milestone.link': GrantSchema,
        'plan.edit': GrantSchema,
        'plan.baseline': GrantSchema,
        'decision.request': GrantSchema,
        'decision.edit': GrantSchema,
        'decision.decide': GrantSchema,
        'risk.raise': GrantSchema,
        'risk.update': GrantSchema,
        'risk.end': GrantSchema,
        'action.open': GrantSchema,
        'action.edit': GrantSchema,
        'action.done': GrantSchema,
        'action.confirm': GrantSchema,
        'action.check': GrantSchema,
        'charter.edit': GrantSchema,
        'gate.edit': GrantSchema,
        'event.report': GrantSchema,
        'trigger.edit': GrantSchema,
        'escalation.respond': GrantSchema,
        'escalation.reassign': GrantSchema,
        'report.issue': GrantSchema,
      })
      .meta({ description: 'What you may do here: yes, own (only on items you own) or no' }),
    today: PlainDateSchema.meta({ description: "Today's date in the program's time zone, which health is computed for" }),
    todayIsWorkingDay: z.boolean().meta({ description: "Whether today at the factory is a working day on the program's calendar" }),
    version: z.number().int(),
  })
  .meta({ id: 'ProgramSummary' });
export type ProgramSummary = z.infer<typeof ProgramSummarySchema>;

export const ProgramListSchema = z.object({ items: z.array(ProgramSummarySchema) });
export type ProgramList = z.infer<typeof ProgramListSchema>;

export const ProgramParamsSchema = z.object({
  programId: IdSchema.meta({ description: 'Program id or program code (e.g. KHG-KETTLE)' }),
});
