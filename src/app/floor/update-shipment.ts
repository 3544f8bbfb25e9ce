import { floorEventColumns } from '../../domain/floor/floor-event.js';
import { updateShipment as decide, type ShipmentPatch } from '../../domain/floor/update-shipment.js';
import type { Result } from '../../domain/result.js';
import type { Actor, AppDeps } from '../deps.js';
import { abort, must } from '../transact.js';
import { programToday } from '../views.js';
import { programWrite } from '../write-sequence.js';
import { escalateFloorEvents } from './event-escalations.js';
import { type FloorEventView, floorEventView } from './floor-event-view.js';

export interface UpdateShipmentInput extends ShipmentPatch {
  readonly programId: string;
  /** Id or key (E-12). */
  readonly eventId: string;
  /** The version the caller read; a stale one is refused with VERSION_CONFLICT. */
  readonly version: number;
  readonly actor: Actor;
  readonly reason?: string | undefined;
}

/** Records when a sample shipment shipped or arrived (event.report), at the version read. */
export function updateShipment(deps: AppDeps, input: UpdateShipmentInput): Promise<Result<FloorEventView>> {
  return programWrite(
    deps,
    { programId: input.programId, actor: input.actor, permission: 'event.report', reason: input.reason },
    async ({ tx, program, meta, now }) => {
      const event = await tx.findFloorEvent(program.id, input.eventId.trim());
      if (!event) return abort({ code: 'EVENT_NOT_FOUND', message: `No floor event "${input.eventId}" in ${program.code}.` });
      if (event.version !== input.version) {
        abort({
          code: 'VERSION_CONFLICT',
          message: `${event.key} was changed by someone else; reload and retry.`,
          current: await floorEventView(tx, program, event, now),
        });
      }
      const { next, changes } = must(decide(event, input, programToday(program, now)));
      const { programId: _p, key: _k, ...set } = floorEventColumns(next);
      const written = await tx.write({
        op: 'update',
        entity: 'floor_event',
        id: event.id,
        programId: program.id,
        entityKey: event.key,
        expectedVersion: event.version,
        set,
        changes,
        meta,
      });
      if (!written) abort({ code: 'VERSION_CONFLICT', message: `${event.key} was changed by someone else; reload and retry.` });
      // An arrival recorded later than expected is escalated now, in this transaction.
      await escalateFloorEvents(deps, tx, program, [next], meta, now);
      return next.id;
    },
    async ({ program, value, now }) => {
      const saved = await deps.store.reads.findFloorEvent(program.id, value);
      if (!saved) throw new Error(`floor event ${value} was committed but cannot be read`);
      return floorEventView(deps.store.reads, program, saved, now);
    },
  );
}
