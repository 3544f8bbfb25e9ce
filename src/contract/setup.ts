import { z } from 'zod';
import { DateInputSchema, Identifier, IdSchema, NameSchema, PlainDateSchema, ReasonSchema, ShortText, VersionSchema } from './common.js';

// Setting up a workspace: clients, suppliers and their factories, programs (new, edited, copied, archived).

const Country = z
  .string()
  .trim()
  .regex(/^[A-Za-z]{2}$/, 'Must be a two-letter country code (ISO 3166-1), e.g. "CN".')
  .meta({ description: 'ISO 3166-1 alpha-2 country code', example: 'CN' });
const TimeZone = ShortText(64).min(1, 'Required.').meta({ description: 'IANA time zone', example: 'Asia/Shanghai' });
const Email = z.email('Must be an email address.').max(254);

export const ClientContactSchema = z
  .object({
    name: NameSchema,
    role: ShortText(100).default(''),
    email: z.union([Email, z.literal('')]).default(''),
    phone: ShortText(40).default(''),
  })
  .strict()
  .meta({ id: 'ClientContact' });

/** At most this many contacts per client. */
export const maxClientContacts = 20;
const Contacts = z.array(ClientContactSchema).max(maxClientContacts, `At most ${maxClientContacts} contacts.`);

export const ClientSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    country: z.string(),
    timeZone: z.string(),
    contacts: z.array(z.object({ name: z.string(), role: z.string(), email: z.string(), phone: z.string() })),
    archivedAt: z.string().nullable(),
    version: z.number().int(),
  })
  .meta({ id: 'Client' });
export const ClientListSchema = z.object({ items: z.array(ClientSchema) });
export const ClientParamsSchema = z.object({ clientId: IdSchema });
export const ClientListQuerySchema = z
  .object({ archived: z.enum(['true', 'false']).optional().meta({ description: 'true: archived clients too (admins)' }) })
  .strict();

export const CreateClientSchema = z
  .object({ name: ShortText(200).min(1, 'Required.'), country: Country, timeZone: TimeZone.optional(), contacts: Contacts.optional() })
  .strict();
export const UpdateClientSchema = z
  .object({
    version: VersionSchema,
    name: ShortText(200).min(1, 'Required.').optional(),
    country: Country.optional(),
    timeZone: TimeZone.optional(),
    contacts: Contacts.optional(),
    reason: ReasonSchema.optional(),
  })
  .strict();
export const VersionedReasonSchema = z.object({ version: VersionSchema, reason: ReasonSchema.optional() }).strict();

export const FactorySchema = z
  .object({
    id: z.string(),
    supplierId: z.string(),
    name: z.string(),
    city: z.string(),
    country: z.string(),
    timeZone: z.string(),
    archivedAt: z.string().nullable().meta({ description: 'When it was archived: no longer offered for new programs' }),
    version: z.number().int(),
  })
  .meta({ id: 'Factory' });
export const SupplierSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    country: z.string(),
    archivedAt: z.string().nullable().meta({ description: 'When it was archived: its factories are no longer offered for new programs' }),
    version: z.number().int(),
    factories: z.array(FactorySchema),
  })
  .meta({ id: 'Supplier' });
export const SupplierListSchema = z.object({ items: z.array(SupplierSchema) });
export const SupplierListQuerySchema = z
  .object({ archived: z.enum(['true', 'false']).optional().meta({ description: 'true: archived suppliers and factories too' }) })
  .strict();
export const SupplierParamsSchema = z.object({ supplierId: IdSchema });
export const FactoryParamsSchema = z.object({ factoryId: IdSchema });
const SupplierName = ShortText(200).min(1, 'Required.');
export const CreateSupplierSchema = z.object({ name: SupplierName, country: Country }).strict();
export const UpdateSupplierSchema = z
  .object({ version: VersionSchema, name: SupplierName.optional(), country: Country.optional(), reason: ReasonSchema.optional() })
  .strict();
const FactoryName = ShortText(200);
const City = ShortText(100).min(1, 'Required.');
export const CreateFactorySchema = z
  .object({
    name: FactoryName.optional().meta({ description: 'Defaults to the city' }),
    city: City,
    country: Country,
    timeZone: TimeZone,
  })
  .strict();
export const UpdateFactorySchema = z
  .object({
    version: VersionSchema,
    name: FactoryName.min(1, 'Required.').optional(),
    city: City.optional(),
    country: Country.optional().meta({ description: 'Fixed while an active or on-hold program is made here' }),
    timeZone: TimeZone.optional().meta({ description: 'Fixed while an active or on-hold program is made here' }),
    reason: ReasonSchema.optional(),
  })
  .strict();

const ProgramCode = ShortText(32)
  .min(2, 'At least 2 characters.')
  .regex(/^[A-Za-z0-9][A-Za-z0-9-]*$/, 'Letters, digits and dashes, starting with a letter or digit (e.g. KHG-KETTLE).')
  .meta({ description: 'Short unique code, upper-cased when saved', example: 'KHG-KETTLE' });
const PersonIds = z.array(IdSchema).max(20, 'At most 20 people per role.');

export const ProgramOwnersSchema = z
  .object({
    cadence_owner: PersonIds.optional(),
    decision_owner: PersonIds.optional(),
    quality_owner: PersonIds.optional(),
    contributor: PersonIds.optional(),
    observer: PersonIds.optional(),
  })
  .strict()
  .meta({ description: 'People who start with a role on the program, by role' });

export const CreateProgramSchema = z
  .object({
    code: ProgramCode,
    name: ShortText(200).min(1, 'Required.'),
    product: ShortText(200).optional(),
    clientId: IdSchema,
    factoryId: IdSchema.meta({ description: 'The supplier factory (GET /suppliers); its country and zone give the default calendar' }),
    timeZone: TimeZone.optional().meta({ description: "Overrides the factory's time zone" }),
    ownerId: Identifier(64, 0).nullable().optional().meta({ description: 'Who runs the program (shown on the portfolio)' }),
    owners: ProgramOwnersSchema.optional(),
    toleranceDays: z.number().int().min(0).max(250).optional(),
    targetReleaseDate: DateInputSchema.nullable().optional(),
    copyFrom: z
      .object({
        programId: IdSchema.meta({ description: 'The program whose plan is copied (id or code)' }),
        startDate: DateInputSchema.meta({ description: "The new plan's first date" }),
      })
      .strict()
      .optional()
      .meta({ description: 'Start as a copy of this plan (see POST /programs/{programId}/copy-preview)' }),
    reason: ReasonSchema.optional(),
  })
  .strict();

export const UpdateProgramSchema = z
  .object({
    version: VersionSchema,
    name: ShortText(200).min(1, 'Required.').optional(),
    product: ShortText(200).optional(),
    ownerId: Identifier(64, 1).nullable().optional(),
    code: ProgramCode.optional().meta({ description: 'Only while a draft' }),
    clientId: IdSchema.optional().meta({ description: 'Only while a draft' }),
    factoryId: IdSchema.optional().meta({ description: 'Only while a draft' }),
    timeZone: TimeZone.optional().meta({ description: 'Only while a draft' }),
    reason: ReasonSchema.optional(),
  })
  .strict();

export const CopyPreviewRequestSchema = z
  .object({
    startDate: DateInputSchema,
    factoryId: IdSchema.optional().meta({ description: "The new program's factory; the source's place when absent" }),
    timeZone: TimeZone.optional(),
    clientId: IdSchema.optional(),
    owners: ProgramOwnersSchema.optional(),
  })
  .strict();

const CopyNoteSchema = z
  .object({
    code: z.enum(['START_MOVED', 'HOLIDAY', 'CLOSED_DAYS_BETWEEN', 'PUSHED_BY_LINK', 'OWNER_LEFT']),
    message: z.string().meta({ description: 'The note in words' }),
  })
  .meta({ id: 'CopyNote' });

export const CopyPreviewSchema = z
  .object({
    source: z.object({ id: z.string(), code: z.string(), name: z.string() }),
    start: PlainDateSchema,
    timeZone: z.string(),
    country: z.string(),
    targetReleaseDate: PlainDateSchema.nullable(),
    notes: z.array(CopyNoteSchema),
    milestones: z.array(
      z.object({
        sourceKey: z.string(),
        key: z.string(),
        name: z.string(),
        phase: z.string(),
        sourceDate: PlainDateSchema,
        date: PlainDateSchema,
        owner: z.object({ id: z.string(), name: z.string() }).nullable(),
        notes: z.array(CopyNoteSchema),
      }),
    ),
    links: z.array(z.object({ predecessorKey: z.string(), successorKey: z.string(), lagDays: z.number().int() })),
  })
  .meta({ id: 'CopyPreview' });
