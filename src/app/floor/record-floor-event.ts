import type { FloorEvent } from '../../domain/floor/floor-event.js';
import { floorEventColumns } from '../../domain/floor/floor-event.js';
import { recordFloorEvent as decide, type FloorEventDraft } from '../../domain/floor/record-floor-event.js';
import type { Result } from '../../domain/result.js';
import type { Actor, AppDeps } from '../deps.js';
import type { AuthorizedProgram } from '../get-program.js';
import type { Tx, WriteMeta } from '../ports.js';
import { must } from '../transact.js';
import { programToday } from '../views.js';
import { programWrite } from '../write-sequence.js';
import { escalateFloorEvent } from './event-escalations.js';
import { type FloorEventView, floorEventView } from './floor-event-view.js';

export interface RecordFloorEventInput {
  readonly programId: string;
  readonly actor: Actor;
  readonly event: FloorEventDraft;
}

/** Where an event is written: inside a write sequence on its program. */
export interface FloorEventWriteContext {
  readonly tx: Tx;
  readonly program: AuthorizedProgram;
  readonly meta: WriteMeta;
  readonly now: Date;
}

/**
 * Writes one floor event under the next free key (E-n), judged by the domain, through the one write path.
 * Everything that must happen in the same transaction as an event is stored (an escalation its facts raise)
 * is added here, after the event's write, so the form, the API, the CLI and the CSV import all do it.
 */
export async function writeFloorEvent(deps: AppDeps, ctx: FloorEventWriteContext, draft: FloorEventDraft): Promise<FloorEvent> {
  const { tx, program, meta, now } = ctx;
  const settings = await tx.findFloorSettings(program.id);
  const key = await tx.nextKey(program.id, 'E');
  const { next, changes } = must(
    decide(draft, {
      id: deps.newId(),
      programId: program.id,
      key,
      recordedById: meta.actorId,
      createdAt: meta.at,
      today: programToday(program, now),
      criticalAcceptsNone: settings.criticalDefectsAcceptNone,
    }),
  );
  await tx.write({
    op: 'insert',
    entity: 'floor_event',
    id: next.id,
    programId: program.id,
    entityKey: key,
    values: floorEventColumns(next),
    changes,
    meta,
  });
  await escalateFloorEvent(deps, tx, program, next, meta, now);
  return next;
}

/** Records a floor event reported by someone working on the program (event.report). */
export function recordFloorEvent(deps: AppDeps, input: RecordFloorEventInput): Promise<Result<FloorEventView>> {
  return programWrite(
    deps,
    { programId: input.programId, actor: input.actor, permission: 'event.report' },
    (ctx) => writeFloorEvent(deps, ctx, input.event),
    ({ program, value, now }) => floorEventView(deps.store.reads, program, value, now),
  );
}
