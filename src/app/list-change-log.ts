import { type EntryKind, entryKind, type LoggedEntity, type ReferenceKind, referenceKindOf, titleFields } from '../domain/change-story.js';
import type { LinkableEntity } from '../domain/link.js';
import type { PlainDate } from '../domain/plain-date.js';
import type { AuthorizedProgramId } from '../domain/policy.js';
import { recordPeriod } from '../domain/record-period.js';
import { ok, type Refusal, type Result, refuse } from '../domain/result.js';
import type { Actor, AppDeps } from './deps.js';
import { findAccessibleProgram } from './get-program.js';
import { badCursor, closedPeriod, decodeCursor, encodeCursor, type Page } from './paging.js';
import type { ChangeRecord, User, WritePosition } from './ports.js';
import { byId, programToday } from './views.js';

/** One field of an entry: old → new as logged, and the name or key each stands for when it is an id. */
export interface EntryField {
  readonly field: string;
  readonly oldValue: string | null;
  readonly newValue: string | null;
  readonly oldName: string | null;
  readonly newName: string | null;
}

/** One write of one record, as people read it: who, when, why, which record (key and title), what changed. */
export interface ChangeEntryView {
  readonly id: string;
  readonly at: string;
  readonly correlationId: string;
  readonly actorId: string;
  readonly actor: User | null;
  readonly reason: string | null;
  readonly kind: EntryKind;
  readonly record: { readonly entity: string; readonly id: string; readonly key: string | null; readonly title: string | null };
  readonly fields: readonly EntryField[];
}

export interface ListChangeLogInput {
  readonly programId: string;
  readonly actor: Actor;
  /** Only the record with this key (M-12), with the dependencies and links that name it. */
  readonly record?: string | undefined;
  /** Only writes by this person: an email or an id. */
  readonly by?: string | undefined;
  /** From this day (program's time zone), inclusive; with `to` at most 366 days. */
  readonly from?: string | undefined;
  /** Up to this day, inclusive; default today when `from` is given. */
  readonly to?: string | undefined;
  /** Entries per page (default 20). */
  readonly limit?: number | undefined;
  readonly cursor?: string | undefined;
}

const tag = 'log';
const linkable = new Set<string>(['milestone', 'decision', 'risk', 'action']);

function parsePosition(place: readonly string[] | null): WritePosition | null {
  const [at, correlationId, entityId] = place ?? [];
  if (!at || !correlationId || !entityId || Number.isNaN(Date.parse(at))) return null;
  return { at, correlationId, entityId };
}

/**
 * A program's change log as a story, newest first, a page of entries at a time: each entry is one
 * write of one record (every field it changed, with its one reason), named by key and title, its ids
 * named too. Filtered by record, person and period and paged by keyset in SQL; the names come in one
 * batch per kind of record for the whole page.
 */
export async function listChangeLog(deps: AppDeps, input: ListChangeLogInput): Promise<Result<Page<ChangeEntryView>>> {
  const after = input.cursor === undefined ? undefined : parsePosition(decodeCursor(tag, input.cursor, 3));
  if (after === null) return badCursor();
  const r = deps.store.reads;
  const found = await findAccessibleProgram(r, input.actor, input.programId);
  if (!found.ok) return found;
  const { program, access } = found.value;
  let since: string | undefined;
  let until: string | undefined;
  if (input.from !== undefined || input.to !== undefined) {
    const today = programToday(program, deps.clock.now());
    // A period given is bounded (a year at most); none at all reads the whole log, a page at a time.
    const days = recordPeriod(today, input.from as PlainDate | undefined, input.to as PlainDate | undefined);
    if (!days.ok) return renamed(days);
    const period = closedPeriod(today, program.timeZone, days.value.since, days.value.until);
    if (!period.ok) return period;
    ({ since, until } = period.value.instants);
  }
  let actorId: string | undefined;
  if (input.by !== undefined) {
    const who = input.by.includes('@') ? await r.findUserByEmail(input.by.trim().toLowerCase()) : await r.findUser(input.by);
    if (!who) {
      return refuse('USER_NOT_FOUND', `by: nobody with the email or id ${input.by}`, [
        { path: 'by', message: 'No person with this email or id.' },
      ]);
    }
    actorId = who.id;
  }
  const limit = input.limit ?? 20;
  // One write more than the page: whether another page follows, without counting.
  const writes = await r.listChangeWrites(access.programId, {
    since,
    until,
    actorId,
    recordKey: input.record?.trim().toUpperCase(),
    after,
    limit: limit + 1,
  });
  const page = writes.slice(0, limit);
  const names = await nameReferences(deps, access.programId, program, page);
  const entries = page.flatMap((rows) => {
    const head = rows[0];
    return head ? [entryOf(head, rows, names)] : [];
  });
  const last = entries.at(-1);
  return ok({
    items: entries,
    nextCursor: writes.length > limit && last ? encodeCursor(tag, [last.at, last.correlationId, last.record.id]) : null,
  });
}

/** The period's refusals name this operation's fields (from, to), not the shared ones (since, until). */
function renamed(r: { readonly ok: false; readonly error: Refusal }): Result<never> {
  const path = (p: string) => (p === 'since' ? 'from' : p === 'until' ? 'to' : p);
  return refuse(
    r.error.code,
    r.error.message,
    r.error.fields?.map((f) => ({ ...f, path: path(f.path), message: f.message.replaceAll('since', 'from').replaceAll('until', 'to') })),
  );
}

interface Names {
  readonly users: ReadonlyMap<string, User>;
  readonly refs: ReadonlyMap<string, string>;
  readonly titles: ReadonlyMap<string, string>;
}

type Program = { readonly id: string; readonly code: string; readonly name: string };

/** Every id a page names, resolved in one batch per kind: people, clients, records (key and title), removed records' titles. */
async function nameReferences(
  deps: AppDeps,
  programId: AuthorizedProgramId,
  program: Program,
  page: readonly ChangeRecord[][],
): Promise<Names> {
  const r = deps.store.reads;
  const wanted: Record<ReferenceKind, Set<string>> = {
    person: new Set(),
    client: new Set(),
    supplier: new Set(),
    factory: new Set(),
    program: new Set(),
    milestone: new Set(),
    decision: new Set(),
    risk: new Set(),
    action: new Set(),
  };
  for (const rows of page) {
    const head = rows[0];
    if (!head) continue;
    wanted.person.add(head.actorId);
    if (linkable.has(head.entity)) wanted[head.entity as ReferenceKind].add(head.entityId);
    for (const c of rows) {
      for (const side of ['old', 'new'] as const) {
        const v = side === 'old' ? c.oldValue : c.newValue;
        const kind = referenceKindOf(c.field, rows, side);
        if (v !== null && kind) wanted[kind].add(v);
      }
    }
  }
  const users = byId<User>(await r.findUsers([...wanted.person]));
  const refs = new Map<string, string>([[program.id, program.code]]);
  const titles = new Map<string, string>([[program.id, program.name]]);
  for (const [id, u] of users) refs.set(id, u.name);
  for (const c of await r.findClients([...wanted.client])) refs.set(c.id, c.name);
  // A page names a program's supplier or factory at most a few times (the program's own records).
  for (const id of wanted.supplier) {
    const x = await r.findSupplier(id);
    if (x) refs.set(id, x.name);
  }
  for (const id of wanted.factory) {
    const x = await r.findFactory(id);
    if (x) refs.set(id, `${x.name}, ${x.city}`);
  }
  const records = (['milestone', 'decision', 'risk', 'action'] as const).flatMap((entity) =>
    [...wanted[entity]].map((id) => ({ entity: entity as LinkableEntity, id })),
  );
  for (const n of await r.nameRecords(records)) {
    refs.set(n.id, n.key);
    titles.set(n.id, n.title);
  }
  // Records no longer there (or without a table title, such as baselines): the title the log last wrote.
  const untitled = page.flatMap((rows) => {
    const head = rows[0];
    return head && !titles.has(head.entityId) && titleFields[head.entity as LoggedEntity] ? [head.entityId] : [];
  });
  if (untitled.length > 0) {
    const fields = [...new Set(Object.values(titleFields))];
    for (const [id, title] of await r.lastLoggedValues(programId, untitled, fields)) titles.set(id, title);
  }
  return { users, refs, titles };
}

function entryOf(head: ChangeRecord, rows: readonly ChangeRecord[], names: Names): ChangeEntryView {
  const fields = rows.map((c) => {
    const name = (side: 'old' | 'new', v: string | null) =>
      v !== null && referenceKindOf(c.field, rows, side) ? (names.refs.get(v) ?? null) : null;
    return {
      field: c.field,
      oldValue: c.oldValue,
      newValue: c.newValue,
      oldName: name('old', c.oldValue),
      newName: name('new', c.newValue),
    };
  });
  const person = fields.find((f) => f.field === 'userId');
  const title = names.titles.get(head.entityId) ?? (head.entity === 'membership' ? (person?.newName ?? person?.oldName ?? null) : null);
  return {
    id: head.id,
    at: head.at,
    correlationId: head.correlationId,
    actorId: head.actorId,
    actor: names.users.get(head.actorId) ?? null,
    reason: head.reason,
    kind: entryKind(head.entity, fields),
    record: {
      entity: head.entity,
      id: head.entityId,
      key: head.entityKey ?? (head.entity === 'program' ? (names.refs.get(head.entityId) ?? null) : null),
      title,
    },
    fields,
  };
}
