import { z } from 'zod';
import { floorBounds } from '../domain/floor/floor-event.js';
import { DateInputSchema, IdSchema, LongText, PersonRefSchema, PlainDateSchema, ShortText, VersionSchema } from './common.js';
import { CursorSchema, NextCursorSchema, pageLimit } from './paging.js';
import { SamplingStepSchema } from './sampling.js';

// Floor events: sample shipments, inspections (ISO 2859-1 per defect class) and measurements (limits, Cpk).
// Bounds are the domain's (domain/floor/floor-event.ts), so a form, the API and a CSV row refuse alike.

export const FloorEventKindSchema = z.enum(['shipment', 'inspection', 'measurement']);
export const InspectionLevelSchema = z.enum(['I', 'II', 'III', 'S-1', 'S-2', 'S-3', 'S-4']);
export const DefectClassSchema = z.enum(['critical', 'major', 'minor']);
export const VerdictSchema = z.enum(['accept', 'reject']);

const Title = ShortText(floorBounds.textMax).min(1, 'Say what was shipped, inspected or measured.');
const Measured = z.number().min(-floorBounds.numberAbsMax).max(floorBounds.numberAbsMax);
const OccurredOn = DateInputSchema.optional().meta({
  description: "The day it happened on the floor; default today (the program's zone); not after today",
});

const DefectClassInputSchema = z
  .object({
    aql: z.number().positive().max(1000).meta({ description: 'An AQL of ISO 2859-1 (0.010 … 1000), e.g. 0.65, 2.5' }),
    defectsFound: z.number().int().min(0).max(floorBounds.lotSizeMax).meta({ description: 'Defects found in the sample' }),
  })
  .strict();

export const RecordShipmentSchema = z
  .object({
    kind: z.literal('shipment'),
    title: Title.meta({ description: 'What is shipped, e.g. "PPAP samples, housing rev C"' }),
    occurredOn: OccurredOn,
    expectedOn: DateInputSchema.meta({ description: 'When it is expected to arrive' }),
    shippedOn: DateInputSchema.nullable().optional(),
    arrivedOn: DateInputSchema.nullable().optional(),
  })
  .strict();

export const RecordInspectionSchema = z
  .object({
    kind: z.literal('inspection'),
    title: Title,
    occurredOn: OccurredOn,
    lotRef: ShortText(floorBounds.textMax).optional().meta({ description: 'The lot or batch inspected' }),
    lotSize: z.number().int().min(floorBounds.lotSizeMin).max(floorBounds.lotSizeMax),
    level: InspectionLevelSchema.meta({ description: 'General levels I–III, special levels S-1 to S-4' }),
    critical: DefectClassInputSchema.optional(),
    major: DefectClassInputSchema.optional(),
    minor: DefectClassInputSchema.optional().meta({ description: 'At least one class (critical, major, minor) is given' }),
  })
  .strict();

export const RecordMeasurementSchema = z
  .object({
    kind: z.literal('measurement'),
    title: Title,
    occurredOn: OccurredOn,
    characteristic: ShortText(floorBounds.textMax).min(1, 'Name the characteristic measured.'),
    unit: ShortText(floorBounds.unitMax).optional(),
    nominal: Measured,
    lowerLimit: Measured.nullable().optional().meta({ description: 'Lower specification limit; at least one limit is given' }),
    upperLimit: Measured.nullable().optional().meta({ description: 'Upper specification limit' }),
    values: z.array(Measured).min(floorBounds.valuesMin).max(floorBounds.valuesMax).meta({ description: '1 to 1,000 measured values' }),
  })
  .strict();

export const RecordFloorEventSchema = z.discriminatedUnion('kind', [RecordShipmentSchema, RecordInspectionSchema, RecordMeasurementSchema]);
export type RecordFloorEvent = z.infer<typeof RecordFloorEventSchema>;

export const UpdateShipmentSchema = z
  .object({
    version: VersionSchema,
    shippedOn: DateInputSchema.nullable().optional(),
    arrivedOn: DateInputSchema.nullable().optional().meta({ description: 'When it arrived; null clears a date given by mistake' }),
    reason: LongText(2000).optional(),
  })
  .strict();

export const DefectClassResultSchema = z.object({
  defectClass: DefectClassSchema,
  aql: z.number(),
  codeLetter: z.string(),
  planLetter: z.string().meta({ description: 'The letter whose plan is used once the arrows are followed' }),
  sampleSize: z.number().int(),
  unitsToInspect: z.number().int(),
  hundredPercent: z.boolean(),
  planAcceptNumber: z.number().int(),
  planRejectNumber: z.number().int(),
  acceptNumber: z.number().int().meta({ description: 'Applied: the plan’s, or 0 for critical defects that accept none' }),
  rejectNumber: z.number().int(),
  defectsFound: z.number().int(),
  verdict: VerdictSchema,
  defectRatePercent: z.number(),
  steps: z.array(SamplingStepSchema).meta({ description: 'How the plan was found, step by step' }),
});

export const FloorEventSchema = z
  .object({
    id: z.string(),
    programId: z.string(),
    programCode: z.string(),
    key: z.string().meta({ description: 'E-n within the program; empty in an import preview' }),
    kind: FloorEventKindSchema,
    title: z.string(),
    occurredOn: PlainDateSchema,
    recordedBy: PersonRefSchema.nullable(),
    recordedAt: z.string().meta({ description: 'When it was recorded (a UTC instant); empty in an import preview' }),
    version: z.number().int(),
    shipment: z
      .object({
        expectedOn: PlainDateSchema,
        shippedOn: PlainDateSchema.nullable(),
        arrivedOn: PlainDateSchema.nullable(),
        businessDaysLate: z.number().int().nullable().meta({
          description: "Business days late on the program's calendar (arrived late, or missing past the expected day); null: on time",
        }),
      })
      .nullable(),
    inspection: z
      .object({
        lotRef: z.string(),
        lotSize: z.number().int(),
        level: InspectionLevelSchema,
        criticalAcceptsNone: z.boolean(),
        verdict: VerdictSchema,
        classes: z.array(DefectClassResultSchema),
      })
      .nullable(),
    measurement: z
      .object({
        characteristic: z.string(),
        unit: z.string(),
        nominal: z.number(),
        lowerLimit: z.number().nullable(),
        upperLimit: z.number().nullable(),
        values: z.array(z.number()),
        outOfLimits: z.array(z.object({ index: z.number().int(), value: z.number(), side: z.enum(['below', 'above']) })),
        mean: z.number(),
        stdDev: z.number().nullable(),
        cpk: z.number().nullable().meta({ description: 'Cpk (Cpu or Cpl with one limit) from at least cpkMinValues values' }),
        isOneSided: z.boolean(),
        noCpk: z.enum(['too_few_values', 'no_spread']).nullable(),
        cpkMinValues: z.number().int(),
      })
      .nullable(),
  })
  .meta({ id: 'FloorEvent' });
export type FloorEventJson = z.infer<typeof FloorEventSchema>;

export const FloorEventListSchema = z.object({ items: z.array(FloorEventSchema), nextCursor: NextCursorSchema });
export const FloorEventParamsSchema = z.object({ programId: IdSchema, eventKey: IdSchema.meta({ description: 'Key (E-12) or id' }) });
export const FloorEventsQuerySchema = z
  .object({ kind: FloorEventKindSchema.optional(), limit: pageLimit(100, 500), cursor: CursorSchema.optional() })
  .strict();

/** The most characters a CSV import's text holds; the request may be that and JSON's escaping. */
export const floorCsvMaxCharacters = 500_000;

export const ImportFloorEventsSchema = z
  .object({
    csv: z
      .string()
      .max(floorCsvMaxCharacters)
      .meta({ description: 'The CSV file as text: a header row, then one event per row (README: CSV import)' }),
    dryRun: z.boolean().meta({ description: 'true: check every row and write nothing' }),
  })
  .strict();

export const ImportResultSchema = z.object({
  dryRun: z.boolean(),
  written: z.number().int().meta({ description: 'Events written: every row, or none' }),
  rows: z.array(
    z.object({
      row: z.number().int().meta({ description: 'The data row, 1 the first after the header' }),
      line: z.number().int().meta({ description: 'The line of the file it ends on' }),
      isOk: z.boolean(),
      event: FloorEventSchema.nullable(),
      errors: z.array(z.object({ column: z.string(), message: z.string() })),
    }),
  ),
});
export type ImportResultJson = z.infer<typeof ImportResultSchema>;
