import type { FloorEvent } from '../../domain/floor/floor-event.js';
import { recordFloorEvent as decide } from '../../domain/floor/record-floor-event.js';
import { asUserId } from '../../domain/ids.js';
import type { PlainDate } from '../../domain/plain-date.js';
import { permit } from '../../domain/policy.js';
import { ok, type Result } from '../../domain/result.js';
import type { Actor, AppDeps } from '../deps.js';
import { type AuthorizedProgram, findAccessibleProgram } from '../get-program.js';
import type { FloorSettings } from '../ports.js';
import { abort } from '../transact.js';
import { programToday } from '../views.js';
import { programWrite } from '../write-sequence.js';
import { type CellProblem, type CsvRow, cellProblems, readFloorCsv } from './floor-csv.js';
import { type FloorEventView, floorEventViews } from './floor-event-view.js';
import { writeFloorEvents } from './record-floor-event.js';

export interface ImportFloorEventsInput {
  readonly programId: string;
  readonly actor: Actor;
  /** The file's text: a header row and one event per row (README.md, "CSV import of floor events"). */
  readonly csv: string;
  /** Check every row and write nothing. */
  readonly dryRun: boolean;
}

/** One row's result: the event it makes (a preview's has no key yet) or its problems by column. */
export interface ImportRowResult {
  readonly row: number;
  readonly line: number;
  readonly event: FloorEventView | null;
  readonly problems: readonly CellProblem[];
}

export interface ImportResult {
  readonly dryRun: boolean;
  /** Events written: every row's, or none. */
  readonly written: number;
  readonly rows: readonly ImportRowResult[];
}

/** Every row judged as it would be recorded today, nothing written; `key` is empty, as none is given out yet. */
function judgeRows(rows: readonly CsvRow[], program: AuthorizedProgram, actor: Actor, today: PlainDate, settings: FloorSettings) {
  return rows.map((r) => {
    if (r.draft === null) return { ...r, event: null };
    const judged = decide(r.draft, {
      id: '',
      programId: program.id,
      key: '',
      recordedById: asUserId(actor.id),
      createdAt: '',
      today,
      criticalAcceptsNone: settings.criticalDefectsAcceptNone,
    });
    return judged.ok
      ? { ...r, event: judged.value.next as FloorEvent }
      : { ...r, draft: null, event: null, problems: cellProblems(judged.error.fields, judged.error.message) };
  });
}

/**
 * Imports floor events from a CSV file. A dry run answers every row's result (the event it would make, or
 * its problems by column) and writes nothing; otherwise every row is written in one transaction, or, when
 * any row is refused, none (IMPORT_ROWS_INVALID naming each row and column).
 */
export async function importFloorEvents(deps: AppDeps, input: ImportFloorEventsInput): Promise<Result<ImportResult>> {
  const read = readFloorCsv(input.csv);
  if (!read.ok) return read;
  const rows = read.value;
  if (input.dryRun) {
    const found = await findAccessibleProgram(deps.store.reads, input.actor, input.programId);
    if (!found.ok) return found;
    const allowed = permit(found.value.access, 'event.report');
    if (!allowed.ok) return allowed;
    const { program, access } = found.value;
    const now = deps.clock.now();
    const judged = judgeRows(
      rows,
      program,
      input.actor,
      programToday(program, now),
      await deps.store.reads.findFloorSettings(access.programId),
    );
    const views = await floorEventViews(
      deps.store.reads,
      program,
      judged.flatMap((r) => (r.event ? [r.event] : [])),
      now,
    );
    let next = 0;
    return ok({
      dryRun: true,
      written: 0,
      rows: judged.map((r) => ({ row: r.row, line: r.line, event: r.event ? (views[next++] ?? null) : null, problems: r.problems })),
    });
  }
  return programWrite(
    deps,
    { programId: input.programId, actor: input.actor, permission: 'event.report' },
    async (ctx) => {
      const { tx, program, now } = ctx;
      const judged = judgeRows(rows, program, input.actor, programToday(program, now), await tx.findFloorSettings(program.id));
      const refused = judged.filter((r) => r.event === null);
      if (refused.length > 0) {
        abort({
          code: 'IMPORT_ROWS_INVALID',
          message: `${refused.length} of ${judged.length} rows were not accepted (rows ${refused
            .slice(0, 10)
            .map((r) => r.row)
            .join(', ')}${refused.length > 10 ? ', …' : ''}); nothing was written.`,
          fields: refused.flatMap((r) =>
            r.problems.map((p) => ({ path: `rows.${r.row}.${p.column}`, message: `Line ${r.line}: ${p.message}` })),
          ),
        });
      }
      const drafts = judged.flatMap((r) => (r.draft === null ? [] : [r.draft]));
      // One record, one correlation id: the first row takes the write's stamp, the others one each.
      const metas = drafts.map((_, i) => (i === 0 ? ctx.meta : ctx.metaForAnother()));
      return writeFloorEvents(deps, { tx, program, metas, now }, drafts);
    },
    async ({ program, value, now }) => {
      const views = await floorEventViews(deps.store.reads, program, value, now);
      return {
        dryRun: false,
        written: views.length,
        rows: views.map((v, i) => ({ row: i + 1, line: rows[i]?.line ?? 0, event: v, problems: [] })),
      };
    },
  );
}
