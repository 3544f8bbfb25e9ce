import {
  FloorEventListSchema,
  FloorEventParamsSchema,
  FloorEventSchema,
  FloorEventsQuerySchema,
  ImportFloorEventsSchema,
  ImportResultSchema,
  RecordFloorEventSchema,
  UpdateShipmentSchema,
} from '../floor-event.js';
import { defineOperations, readRefusals, writeRefusals } from '../operation.js';
import { ProgramParamsSchema } from '../program.js';

const tags = ['floor events'];

/** Events reported from the floor: sample shipments, inspections, measurements (not the live-update stream GET /events). */
export const floorEventOperations = defineOperations({
  listFloorEvents: {
    method: 'GET',
    path: '/programs/:programId/events',
    tags,
    summary: "A program's floor events, newest first, optionally of one kind",
    description: 'Pages of limit events by key (E-n), newest first; pass nextCursor as cursor, with the same kind, for the next.',
    params: ProgramParamsSchema,
    query: FloorEventsQuerySchema,
    status: 200,
    response: FloorEventListSchema,
    refusals: [401, 404, 422],
  },
  getFloorEvent: {
    method: 'GET',
    path: '/programs/:programId/events/:eventKey',
    tags,
    summary: 'One floor event by key (E-12) or id, with its verdict, lateness or figures',
    params: FloorEventParamsSchema,
    status: 200,
    response: FloorEventSchema,
    refusals: readRefusals,
  },
  recordFloorEvent: {
    method: 'POST',
    path: '/programs/:programId/events',
    tags,
    summary: 'Report a sample shipment, an inspection (judged on ISO 2859-1 per defect class) or a measurement',
    params: ProgramParamsSchema,
    body: RecordFloorEventSchema,
    status: 201,
    response: FloorEventSchema,
    refusals: writeRefusals,
  },
  updateShipment: {
    method: 'PATCH',
    path: '/programs/:programId/events/:eventKey',
    tags,
    summary: 'Record when a sample shipment shipped or arrived, at the version read',
    params: FloorEventParamsSchema,
    body: UpdateShipmentSchema,
    status: 200,
    response: FloorEventSchema,
    refusals: writeRefusals,
  },
  importFloorEvents: {
    method: 'POST',
    path: '/programs/:programId/events/import',
    tags,
    summary: 'Import floor events from a CSV file: a dry run answers every row; otherwise all rows are written, or none',
    description:
      'dryRun true: every row with the event it would make or its errors by column, nothing written. dryRun false: every row written in one transaction, or none when any row is refused (422 IMPORT_ROWS_INVALID naming rows.N.column). At most 2,000 rows and 500,000 characters (the request stays under the 1 MB body limit).',
    params: ProgramParamsSchema,
    body: ImportFloorEventsSchema,
    status: 200,
    response: ImportResultSchema,
    refusals: [400, 401, 403, 404, 409, 413, 422],
  },
});
