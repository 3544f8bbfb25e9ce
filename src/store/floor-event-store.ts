import type { Kysely } from 'kysely';
import type { Reads } from '../app/ports.js';
import type { FloorEvent, FloorEventKind, InspectionDetails, MeasurementDetails } from '../domain/floor/floor-event.js';
import type { ProgramId, UserId } from '../domain/ids.js';
import type { PlainDate } from '../domain/plain-date.js';
import { chunks } from './in-lists.js';
import { keyNumberSql } from './record-pages.js';
import type { Database, FloorEventsTable } from './schema.js';

// Floor events' rows (migration 0022): a shipment's dates are columns, an inspection's or a measurement's
// details one JSON payload, decoded here and nowhere else.

/** A row as the domain holds it: the kind decides which details it carries. */
export function toFloorEvent(r: FloorEventsTable): FloorEvent {
  const base = {
    id: r.id,
    programId: r.programId as ProgramId,
    key: r.key,
    title: r.title,
    occurredOn: r.occurredOn as PlainDate,
    recordedById: r.recordedById as UserId,
    createdAt: r.createdAt,
    version: Number(r.version),
  };
  const kind = r.kind as FloorEventKind;
  if (kind === 'shipment') {
    return {
      ...base,
      kind,
      shipment: {
        expectedOn: r.expectedOn as PlainDate,
        shippedOn: r.shippedOn as PlainDate | null,
        arrivedOn: r.arrivedOn as PlainDate | null,
      },
    };
  }
  const details = JSON.parse(r.details ?? 'null') as unknown;
  return kind === 'inspection'
    ? { ...base, kind, inspection: details as InspectionDetails }
    : { ...base, kind: 'measurement', measurement: details as MeasurementDetails };
}

/** A page of a program's floor events, newest first by key number; along the indexes of migration 0022. */
export function floorEventPageQuery(db: Kysely<Database>, programId: string, q: Parameters<Reads['listFloorEventPage']>[1]) {
  let query = db.selectFrom('floorEvents').selectAll().where('programId', '=', programId);
  if (q.kind) query = query.where('kind', '=', q.kind);
  if (q.beforeKeyNumber !== undefined) query = query.where(keyNumberSql, '<', q.beforeKeyNumber);
  return query.orderBy(keyNumberSql, 'desc').limit(q.limit);
}

type FloorEventReads = Pick<
  Reads,
  'findFloorEvent' | 'findFloorEvents' | 'listFloorEventPage' | 'findFloorSettings' | 'listUnarrivedShipments'
>;

export function floorEventReads(db: Kysely<Database>): FloorEventReads {
  return {
    async findFloorEvent(programId, idOrKey) {
      const r = await db
        .selectFrom('floorEvents')
        .selectAll()
        .where('programId', '=', programId)
        .where((eb) => eb.or([eb('id', '=', idOrKey), eb('key', '=', idOrKey.toUpperCase())]))
        .executeTakeFirst();
      return r ? toFloorEvent(r) : null;
    },
    async findFloorEvents(programId, ids) {
      const out: FloorEvent[] = [];
      for (const part of chunks(ids)) {
        const rows = await db.selectFrom('floorEvents').selectAll().where('programId', '=', programId).where('id', 'in', part).execute();
        out.push(...rows.map(toFloorEvent));
      }
      return out;
    },
    async listFloorEventPage(programId, q) {
      return (await floorEventPageQuery(db, programId, q).execute()).map(toFloorEvent);
    },
    async listUnarrivedShipments(programIds) {
      const out: Awaited<ReturnType<Reads['listUnarrivedShipments']>> = [];
      for (const part of chunks(programIds)) {
        const rows = await db
          .selectFrom('floorEvents')
          .select(['programId', 'key', 'title', 'expectedOn'])
          .where('programId', 'in', part)
          .where('kind', '=', 'shipment')
          .where('arrivedOn', 'is', null)
          .execute();
        for (const r of rows)
          if (r.expectedOn !== null)
            out.push({ programId: r.programId as ProgramId, key: r.key, title: r.title, expectedOn: r.expectedOn as PlainDate });
      }
      return out;
    },
    async findFloorSettings(programId) {
      const r = await db.selectFrom('programs').select('criticalDefectsAcceptNone').where('id', '=', programId).executeTakeFirst();
      return { criticalDefectsAcceptNone: r === undefined || Number(r.criticalDefectsAcceptNone) !== 0 };
    },
  };
}
