import { getFloorEvent } from '../app/floor/get-floor-event.js';
import { importFloorEvents } from '../app/floor/import-floor-events.js';
import { listFloorEvents } from '../app/floor/list-floor-events.js';
import { recordFloorEvent } from '../app/floor/record-floor-event.js';
import { updateShipment } from '../app/floor/update-shipment.js';
import type { floorEventOperations } from '../contract/operations/floor-events.js';
import { floorEventJson, importResultJson } from '../present/floor-events-json.js';
import { type Bindings, presented } from './binding.js';

/** Floor events (contract/operations/floor-events.ts). */
export const floorEventBindings: Bindings<keyof typeof floorEventOperations> = {
  listFloorEvents: async ({ app, actor }, { params, query }) =>
    presented(await listFloorEvents(app, { ...params, ...query, actor }), (page) => ({
      items: page.items.map(floorEventJson),
      nextCursor: page.nextCursor,
    })),
  getFloorEvent: async ({ app, actor }, { params }) =>
    presented(await getFloorEvent(app, { programId: params.programId, eventId: params.eventKey, actor }), floorEventJson),
  recordFloorEvent: async ({ app, actor }, { params, body }) =>
    presented(await recordFloorEvent(app, { programId: params.programId, actor, event: body }), floorEventJson),
  updateShipment: async ({ app, actor }, { params, body }) =>
    presented(await updateShipment(app, { programId: params.programId, eventId: params.eventKey, actor, ...body }), floorEventJson),
  importFloorEvents: async ({ app, actor }, { params, body }) =>
    presented(await importFloorEvents(app, { programId: params.programId, actor, csv: body.csv, dryRun: body.dryRun }), importResultJson),
};
