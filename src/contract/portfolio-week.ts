import { z } from 'zod';
import { attentionKinds } from '../domain/report/leadership-view.js';
import { InstantSchema, PlainDateSchema } from './common.js';
import { ReportWeekSchema } from './report.js';

// The leadership view (issue 14): the portfolio of one ISO week, one line per program, attention first.

const ProgramRefSchema = z.object({ id: z.string(), code: z.string(), name: z.string() });

export const LeadershipLineSchema = z.object({
  program: ProgramRefSchema,
  revision: z
    .number()
    .int()
    .nullable()
    .meta({ description: "The week's issued revision the line is read from; null: the draft, as of now" }),
  health: z.enum(['complete', 'on_track', 'at_risk', 'off_track']),
  onTrack: z.string().meta({ description: '"Are we on track?" in one line (English)' }),
  readiness: z.enum(['green', 'amber', 'red']),
  moved: z.number().int().meta({ description: 'Milestones whose date moved during the week' }),
  slipped: z.array(
    z.object({
      key: z.string(),
      name: z.string(),
      days: z.number().int().meta({ description: 'Business days later' }),
      reason: z.string().nullable(),
    }),
  ),
  completed: z.number().int(),
  wentLate: z.number().int(),
  decisionsDue: z.array(
    z.object({
      key: z.string(),
      statement: z.string(),
      owner: z.string().nullable().meta({ description: "The owner's name; null: no owner" }),
      dueDate: PlainDateSchema.nullable(),
      isOverdue: z.boolean(),
    }),
  ),
  moreDecisions: z.number().int(),
  topRisks: z.array(z.object({ key: z.string(), title: z.string(), score: z.number().int(), owner: z.string().nullable() })),
  escalations: z.object({ open: z.number().int(), overdue: z.number().int() }),
  attention: z.array(z.string()).meta({ description: 'Why leadership should look here (English), most pressing first' }),
  reasons: z.array(z.object({ kind: z.enum(attentionKinds), count: z.number().int() })),
});

export const PortfolioChangeSchema = z.object({
  programCode: z.string(),
  kind: z.enum(['moved', 'completed', 'risk']),
  key: z.string(),
  what: z.string(),
  reason: z.string().nullable(),
  by: z.string().nullable(),
  at: InstantSchema.nullable(),
});

export const PortfolioWeekSchema = z
  .object({
    week: z.string(),
    asOf: InstantSchema.meta({ description: 'The instant drafts were read at' }),
    lines: z.array(LeadershipLineSchema).meta({ description: 'One per program the reader sees, those needing attention first' }),
    changes: z.array(PortfolioChangeSchema).meta({ description: 'What changed across the portfolio that week, newest first' }),
    moreChanges: z.number().int(),
  })
  .meta({ id: 'PortfolioWeek' });

export const PortfolioWeekParamsSchema = z.object({ week: ReportWeekSchema });
export const PortfolioExportQuerySchema = z.object({
  format: z.enum(['md', 'json']).default('md').meta({ description: 'md (Markdown) or json' }),
});
export const PortfolioExportSchema = z.object({
  fileName: z.string(),
  mediaType: z.enum(['text/markdown', 'application/json']),
  content: z.string(),
});
