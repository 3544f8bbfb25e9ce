import { z } from 'zod';
import { defaultIntakeTemplateId, intakeLimits as limits } from '../domain/intake.js';
import { DateInputSchema, Identifier, IdSchema, InstantSchema, LongText, ReasonSchema, ShortText } from './common.js';
import { PhaseSchema } from './program.js';
import { Country, Email, TimeZone } from './setup.js';

// Program intake: a client submits what a cadence owner needs to start a program, through a secret link
// of its own (no account) or signed in; the submission makes a draft program. Every text is bounded
// (limits below, also in README) and refuses control characters; the request body is at most 64 KB.

export const intakeLimits = limits;

const required = 'Required.';

export const IntakeContactSchema = z
  .object({
    name: ShortText(limits.name).min(1, required),
    role: ShortText(limits.contactRole).default(''),
    email: z.union([Email, z.literal('')]).default(''),
    phone: ShortText(limits.contactPhone).default(''),
  })
  .strict()
  .superRefine((c, ctx) => {
    if (!c.email && !c.phone) ctx.addIssue({ code: 'custom', path: ['email'], message: 'Give an email address or a phone number.' });
  })
  .meta({ id: 'IntakeContact', description: 'Someone the cadence owner may reach: a name, and an email address or phone number' });

export const IntakeSubmissionSchema = z
  .object({
    product: ShortText(limits.name).min(1, required).meta({ description: 'What is made, e.g. "Cordless kettle housing, 1.7 l"' }),
    name: ShortText(limits.name).min(1, required).meta({ description: "The program's name" }),
    supplierName: ShortText(limits.name).min(1, required).meta({ description: 'The supplier (found by name, or added)' }),
    factoryCity: ShortText(limits.factoryCity).min(1, required),
    factoryCountry: Country,
    timeZone: TimeZone.meta({ description: "The factory's IANA time zone", example: 'Asia/Shanghai' }),
    targetReleaseDate: DateInputSchema.nullable().default(null),
    currentPhase: PhaseSchema.default('G1').meta({ description: 'The phase the product is in now (G1 pre-production … G4 release)' }),
    knownRisks: z
      .array(ShortText(limits.riskText).min(1, required))
      .max(limits.risks, `At most ${limits.risks} risks.`)
      .default([])
      .meta({ description: `Up to ${limits.risks} known risks, one line of at most ${limits.riskText} characters each` }),
    contacts: z
      .array(IntakeContactSchema)
      .max(limits.contacts, `At most ${limits.contacts} contacts.`)
      .default([])
      .meta({ description: `Up to ${limits.contacts} contacts` }),
    templateId: Identifier(64)
      .default(defaultIntakeTemplateId)
      .meta({ description: 'The template the draft is made from (GET the form for the offer)' }),
    ppapLevel: z
      .number()
      .int()
      .min(1)
      .max(5)
      .nullable()
      .default(null)
      .meta({ description: 'PPAP submission level, for a template with PPAP only' }),
    note: LongText(limits.note)
      .default('')
      .meta({ description: `Anything else, at most ${limits.note} characters` }),
  })
  .strict()
  .meta({
    id: 'IntakeSubmission',
    description: `Names at most ${limits.name} characters, city ${limits.factoryCity}; the body at most ${limits.bodyBytes / 1024} KB.`,
  });
export type IntakeSubmission = z.input<typeof IntakeSubmissionSchema>;

export const IntakeTokenParamsSchema = z.object({ token: Identifier(200) });
export const IntakeLinkParamsSchema = z.object({ linkId: IdSchema });
export const IntakeClientParamsSchema = z.object({ clientId: IdSchema });

export const IntakeFormSchema = z
  .object({
    clientName: z.string(),
    templates: z.array(z.object({ id: z.string(), name: z.string(), description: z.string(), ppapLevel: z.number().int().nullable() })),
    limits: z.object({
      name: z.number().int(),
      factoryCity: z.number().int(),
      risks: z.number().int(),
      riskText: z.number().int(),
      contacts: z.number().int(),
      contactRole: z.number().int(),
      contactPhone: z.number().int(),
      note: z.number().int(),
      bodyBytes: z.number().int(),
    }),
  })
  .meta({ id: 'IntakeForm', description: "What the form asks and offers: the client's name, the templates, the limits" });

export const IntakeReceiptSchema = z
  .object({
    reference: z.string().meta({ description: "The draft program's code, to quote to the cadence owner", example: 'INT-KETTLE-7KQ2' }),
    programId: z.string(),
    programName: z.string(),
    clientName: z.string(),
    submittedAt: InstantSchema,
    risksRaised: z.number().int(),
  })
  .meta({ id: 'IntakeReceipt' });

export const IntakeLinkSchema = z
  .object({
    id: z.string(),
    clientId: z.string(),
    clientName: z.string(),
    label: z.string(),
    createdById: z.string(),
    createdByName: z.string(),
    createdAt: InstantSchema,
    expiresAt: InstantSchema.nullable(),
    revokedAt: InstantSchema.nullable(),
    state: z.enum(['open', 'revoked', 'expired']),
    submissions: z.number().int(),
    lastSubmittedAt: InstantSchema.nullable(),
    version: z.number().int(),
  })
  .meta({ id: 'IntakeLink', description: 'A client’s intake link; its secret is never listed' });
export const IntakeLinkListSchema = z.object({ items: z.array(IntakeLinkSchema) });
export const IntakeLinkListQuerySchema = z.object({ clientId: IdSchema.optional() }).strict();

export const CreateIntakeLinkSchema = z
  .object({
    label: ShortText(limits.label).min(1, required).meta({ description: 'Whom it was given to, e.g. "Keller buyers"' }),
    expiresInDays: z.number().int().min(1).max(limits.linkDays).optional().meta({ description: 'Absent: until revoked' }),
  })
  .strict();

export const NewIntakeLinkSchema = z
  .object({
    link: IntakeLinkSchema,
    token: z.string().meta({ description: 'The secret, answered this once: it is stored only as a hash' }),
    url: z
      .string()
      .nullable()
      .meta({ description: 'The form’s address, {publicUrl}/intake/{token}; null where the server does not know its address' }),
  })
  .meta({ id: 'NewIntakeLink' });

export const RevokeIntakeLinkSchema = z.object({ reason: ReasonSchema.optional() }).strict();

export const ProgramIntakeSchema = z
  .object({
    intake: z
      .object({
        submittedAt: InstantSchema,
        submittedById: z.string(),
        submittedByName: z.string(),
        linkLabel: z.string().nullable(),
        templateId: z.string(),
        ppapLevel: z.number().int().nullable(),
        currentPhase: PhaseSchema,
        knownRisks: z.array(z.string()),
        contacts: z.array(z.object({ name: z.string(), role: z.string(), email: z.string(), phone: z.string() })),
        note: z.string(),
      })
      .nullable(),
  })
  .meta({ id: 'ProgramIntake', description: 'What intake recorded for the program; null when it was not made by intake' });
