import { z } from 'zod';
import { DateInputSchema, Identifier, IdSchema, NameSchema, PlainDateSchema, ReasonSchema, ShortText, VersionSchema } from './common.js';

// Setting up a workspace: clients, suppliers and their factories, programs (new, edited, copied, archived).

export const Country = z
  .string()
  .trim()
  .regex(/^[A-Za-z]{2}$/, 'Must be a two-letter country code (ISO 3166-1), e.g. "CN".')
  .meta({ description: 'ISO 3166-1 alpha-2 country code', example: 'CN' });
export const TimeZone = ShortText(64).min(1, 'Required.').meta({ description: 'IANA time zone', example: 'Asia/Shanghai' });
export const Email = z.email('Must be an email address.').max(254);

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

/** At most this many source owners mapped in one copy. */
export const maxOwnerMappings = 200;
export const OwnerMappingSchema = z
  .record(IdSchema, IdSchema.nullable())
  .refine((o) => Object.keys(o).length <= maxOwnerMappings, `At most ${maxOwnerMappings} owners.`)
  .meta({
    description:
      "Who owns the copied milestones, by the source plan's owner (their id): a person who will hold a role on the new program, or null to leave them for assignment. Owners not named keep their milestones when they will hold a role there, else are left.",
    example: { '01a2…source-owner': '01a2…new-owner', '01a2…other-owner': null },
  });

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
        owners: OwnerMappingSchema.optional(),
      })
      .strict()
      .optional()
      .meta({ description: 'Start as a copy of this plan (see POST /programs/{programId}/copy-preview)' }),
    templateId: Identifier(64)
      .optional()
      .meta({ description: 'The template (GET /templates) whose gates and checklists the program gets; default-4-gate when absent' }),
    ppapLevel: z
      .union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5)], { error: 'A PPAP submission level from 1 to 5.' })
      .optional()
      .meta({ description: "For a template with PPAP: the submission level its release gate's checklist is made for" }),
    planStart: DateInputSchema.optional().meta({
      description: "Lays out the template's standard milestones and their links from this date (not with copyFrom)",
    }),
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
    ownerMapping: OwnerMappingSchema.optional().meta({ description: 'As copyFrom.owners of POST /programs' }),
  })
  .strict();

const NoteMessage = z.string().meta({ description: 'The note in English words; `code` and `params` say it in any language' });
const ClosedDay = z.string().meta({ description: "Why the day is closed, as the calendar names it: a holiday's name, a shutdown's label" });

/** A note on a copied plan: its code, its parameters, and the English words for it. */
export const CopyNoteSchema = z
  .discriminatedUnion('code', [
    z.object({
      code: z.literal('START_MOVED'),
      message: NoteMessage,
      params: z.object({ from: PlainDateSchema, to: PlainDateSchema, day: ClosedDay }),
    }),
    z.object({
      code: z.literal('HOLIDAY'),
      message: NoteMessage,
      params: z.object({ date: PlainDateSchema, day: ClosedDay, movedTo: PlainDateSchema }),
    }),
    z.object({
      code: z.literal('CLOSED_DAYS_BETWEEN'),
      message: NoteMessage,
      params: z.object({ days: z.number().int(), first: PlainDateSchema, day: ClosedDay }),
    }),
    z.object({
      code: z.literal('PUSHED_BY_LINK'),
      message: NoteMessage,
      params: z.object({ predecessorKey: z.string(), lagDays: z.number().int(), from: PlainDateSchema }),
    }),
    z.object({
      code: z.literal('OWNER_LEFT'),
      message: NoteMessage,
      params: z.object({
        ownerId: z.string(),
        owner: z.string().meta({ description: "The source owner's name" }),
        isChosen: z.boolean().meta({ description: 'Left for assignment as asked (copyFrom.owners), not for want of a role' }),
      }),
    }),
  ])
  .meta({ id: 'CopyNote' });

const PersonRef = z.object({ id: z.string(), name: z.string() });

export const CopyPreviewSchema = z
  .object({
    source: z.object({ id: z.string(), code: z.string(), name: z.string() }),
    start: PlainDateSchema,
    timeZone: z.string(),
    country: z.string(),
    targetReleaseDate: PlainDateSchema.nullable(),
    notes: z.array(CopyNoteSchema),
    owners: z
      .array(
        z.object({
          id: z.string(),
          name: z.string(),
          milestones: z.number().int().meta({ description: 'How many milestones of the source plan they own' }),
          mapsTo: PersonRef.nullable().meta({ description: 'Who owns them in the copy; null: left for assignment' }),
          isChosen: z.boolean().meta({ description: 'Mapped as asked (ownerMapping); else by default' }),
        }),
      )
      .meta({ description: "The source plan's owners and who their milestones go to (by default: themselves when they will hold a role)" }),
    possibleOwners: z.array(PersonRef).meta({ description: 'Who may own milestones on the new program (a role there), by name' }),
    milestones: z.array(
      z.object({
        sourceKey: z.string(),
        key: z.string(),
        name: z.string(),
        phase: z.string(),
        sourceDate: PlainDateSchema,
        date: PlainDateSchema,
        owner: PersonRef.nullable(),
        sourceOwner: PersonRef.nullable(),
        notes: z.array(CopyNoteSchema),
      }),
    ),
    links: z.array(z.object({ predecessorKey: z.string(), successorKey: z.string(), lagDays: z.number().int() })),
  })
  .meta({ id: 'CopyPreview' });
