import type { FloorEvent } from '../../domain/floor/floor-event.js';
import { floorEventColumns } from '../../domain/floor/floor-event.js';
import { recordFloorEvent as decide, type FloorEventDraft } from '../../domain/floor/record-floor-event.js';
import type { Result } from '../../domain/result.js';
import type { Actor, AppDeps } from '../deps.js';
import type { AuthorizedProgram } from '../get-program.js';
import type { Insert, Tx, WriteMeta } from '../ports.js';
import { must } from '../transact.js';
import { programToday } from '../views.js';
import { programWrite } from '../write-sequence.js';
import { escalateFloorEvents } from './event-escalations.js';
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
 * is added in writeFloorEvents, after the events' write, so the form, the API, the CLI and the CSV import all do it.
 */
export async function writeFloorEvent(deps: AppDeps, ctx: FloorEventWriteContext, draft: FloorEventDraft): Promise<FloorEvent> {
  const [event] = await writeFloorEvents(deps, { ...ctx, metas: [ctx.meta] }, [draft]);
  if (!event) throw new Error('writeFloorEvents wrote nothing for one draft');
  return event;
}

/**
 * Writes floor events in their order under the next free keys, each stamped by its own `metas[i]` (one record,
 * one correlation id), and escalates what they meet: the keys in one statement, the rows and their change log in
 * multi-row inserts, the triggers read once for all. A constant number of statements whatever the number of
 * events, so the CSV import's 2,000 rows cost what a few do in round trips.
 */
export async function writeFloorEvents(
  deps: AppDeps,
  ctx: Omit<FloorEventWriteContext, 'meta'> & { readonly metas: readonly WriteMeta[] },
  drafts: readonly FloorEventDraft[],
): Promise<FloorEvent[]> {
  const { tx, program, now } = ctx;
  const first = ctx.metas[0];
  if (drafts.length === 0 || !first) return [];
  if (ctx.metas.length !== drafts.length) throw new Error(`${drafts.length} floor events with ${ctx.metas.length} stamps`);
  const settings = await tx.findFloorSettings(program.id);
  const keys = (await tx.nextKeys('E', new Map([[program.id, drafts.length]]))).get(program.id) ?? [];
  const today = programToday(program, now);
  const written = drafts.map((draft, i) => {
    const meta = ctx.metas[i] ?? first;
    const key = keys[i];
    if (key === undefined) throw new Error(`no key for floor event ${i + 1} of ${drafts.length}`);
    const { next, changes } = must(
      decide(draft, {
        id: deps.newId(),
        programId: program.id,
        key,
        recordedById: meta.actorId,
        createdAt: meta.at,
        today,
        criticalAcceptsNone: settings.criticalDefectsAcceptNone,
      }),
    );
    const insert: Insert = {
      op: 'insert',
      entity: 'floor_event',
      id: next.id,
      programId: program.id,
      entityKey: key,
      values: floorEventColumns(next),
      changes,
      meta,
    };
    return { next, insert };
  });
  await tx.writeInserts(written.map((w) => w.insert));
  const events = written.map((w) => w.next);
  await escalateFloorEvents(deps, tx, program, events, first, now);
  return events;
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
