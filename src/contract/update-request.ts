import { z } from 'zod';
import { requestItemKinds } from '../domain/update-requests/update-request.js';
import { DateInputSchema, IdSchema, InstantSchema, LongText, PersonRefSchema, PlainDateSchema, ReasonSchema } from './common.js';
import { ReportWeekSchema } from './report.js';

// Update requests before the weekly report (issue 14): who was asked, about what, and who answered (the cadence
// owner's view, in the operation table), and the signed link's page for a person without an account (its own
// routes, outside the table: http/routes/update-links.ts).

const whySchema = z.enum(['overdue', 'due', 'untouched']).meta({
  description: 'Why it is asked about: its date is past, it is due by the end of next week, or nobody updated it for the charter’s days',
});

export const RequestItemSchema = z.object({
  kind: z.enum(requestItemKinds),
  id: z.string(),
  key: z.string(),
  title: z.string(),
  dueDate: PlainDateSchema.nullable().meta({ description: 'Forecast, due or review date when asked' }),
  why: whySchema,
  gateKey: z.string().nullable(),
});

export const UpdateRequestSchema = z.object({
  id: z.string(),
  week: z.string(),
  askedAt: InstantSchema,
  owner: PersonRefSchema,
  hasAccount: z.boolean().meta({ description: 'They sign in (asked in My week); false: they were sent a signed link' }),
  items: z.array(RequestItemSchema),
  answeredAt: InstantSchema.nullable().meta({ description: 'When they first updated or confirmed one of the items after being asked' }),
  answeredItemIds: z.array(z.string()),
  link: z
    .object({
      expiresAt: InstantSchema,
      revokedAt: InstantSchema.nullable(),
      revokedById: z.string().nullable(),
      state: z.enum(['open', 'expired', 'revoked']),
    })
    .nullable()
    .meta({ description: 'The signed link of a person without an account; null for people who sign in' }),
  version: z.number().int(),
});

export const UpdateRequestListSchema = z
  .object({ programId: z.string(), programCode: z.string(), week: z.string(), requests: z.array(UpdateRequestSchema) })
  .meta({ id: 'UpdateRequestList' });

export const UpdateRequestsQuerySchema = z.object({ week: ReportWeekSchema });
export const UpdateRequestParamsSchema = z.object({ programId: IdSchema, requestId: IdSchema });
export const RevokeUpdateRequestSchema = z.object({ reason: ReasonSchema.optional() }).strict();

// ── The signed link's page ─────────────────────────────────────────────────────────────────────────

export const UpdateLinkParamsSchema = z.object({
  token: z.string().min(1).max(100).meta({ description: 'The signed token of the e-mail’s link' }),
});
export const UpdateLinkItemParamsSchema = UpdateLinkParamsSchema.extend({ itemId: IdSchema });

export const UpdateLinkSchema = z
  .object({
    requestId: z.string(),
    week: z.string(),
    askedAt: InstantSchema,
    expiresAt: InstantSchema,
    person: z.object({ name: z.string() }),
    program: z.object({ code: z.string(), name: z.string(), timeZone: z.string() }),
    items: z.array(
      z.object({
        kind: z.enum(requestItemKinds),
        id: z.string(),
        key: z.string(),
        title: z.string(),
        why: whySchema,
        gateKey: z.string().nullable(),
        dueDate: PlainDateSchema.nullable(),
        baselineDate: PlainDateSchema.nullable(),
        status: z.string(),
        version: z.number().int(),
        isConfirmed: z.boolean(),
        canMove: z.boolean(),
        canMarkDone: z.boolean(),
        canAddEvidence: z.boolean(),
      }),
    ),
  })
  .meta({ id: 'UpdateLink' });

export const LinkMoveSchema = z
  .object({
    forecastDate: DateInputSchema,
    reason: ReasonSchema.refine((s) => s.trim().length > 0, { message: 'Say why the date moves.' }),
    version: z.number().int().positive(),
  })
  .strict();
export const LinkDoneSchema = z
  .object({
    note: LongText(5000).refine((s) => s.trim().length > 0, { message: 'Say what was done.' }),
    version: z.number().int().positive(),
  })
  .strict();
