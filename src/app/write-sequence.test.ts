import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppWorkspace, openAppWorkspace } from '../../test/support/app-workspace.js';
import type { TestDatabase } from '../../test/support/databases.js';
import { asMilestoneId } from '../domain/ids.js';
import { milestoneRecord as create } from '../domain/milestone.js';
import type { PlainDate } from '../domain/plain-date.js';
import { createMilestone } from './create-milestone.js';
import { unwrap } from './create-records.js';
import type { Actor, AppDeps } from './deps.js';
import { editRecord, recordWrite } from './edit-record.js';
import type { AuthorizedProgram } from './get-program.js';
import { milestoneKind } from './milestone-write.js';
import type { Store, Tx, WriteMeta } from './ports.js';
import { abort } from './transact.js';
import { updateRecord } from './write-record.js';
import { programWrite, workspaceWrite } from './write-sequence.js';

/* The one write sequence itself, on a real SQLite file: what it refuses before writing, what a refusal
 * in the body takes back, how it stamps the change log, and that the answer is read after commit. */

const instant = new Date('2026-03-10T09:30:00.000Z');
let w: AppWorkspace;
let db: TestDatabase;
let store: Store;
let deps: AppDeps;
let lead: Actor;
let observer: Actor;
let outsider: Actor;
let code: string;

beforeAll(async () => {
  w = await openAppWorkspace(instant);
  ({ db, store, deps, lead, observer, outsider } = w);
  code = w.program.code;
});

afterAll(async () => {
  await w?.close();
});

/** Every change row written so far. */
const changeRows = () => db.rows('select entity, entity_id, field, actor_id, at, reason, correlation_id from changes order by id');
const programRow = async () => (await db.rows(`select * from programs where code = '${code}'`))[0] as { id: string; version: number };

/** Inserts a milestone of the program under the given stamp, as createMilestone does. */
async function insertMilestone(tx: Tx, program: AuthorizedProgram, meta: WriteMeta, name: string): Promise<string> {
  const key = await tx.nextKey(program.id, 'M');
  const { next, changes } = create({
    id: asMilestoneId(uuidv7()),
    programId: program.id,
    key,
    name,
    phase: 'G1',
    ownerId: null,
    baselineDate: '2026-04-01' as PlainDate,
  });
  const { id, version: _v, ...values } = next;
  await tx.write({ op: 'insert', entity: 'milestone', id, programId: program.id, entityKey: key, values, changes, meta });
  return id;
}

describe('the write sequence', () => {
  it('refuses without the permission, or on a program the actor may not see, before the body runs, and writes nothing', async () => {
    const before = await changeRows();
    let ran = false;
    const body = async () => {
      ran = true;
    };
    const forbidden = await programWrite(deps, { programId: code, actor: observer, permission: 'milestone.create' }, body);
    expect(forbidden).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const hidden = await programWrite(deps, { programId: code, actor: outsider, permission: 'program.read' }, body);
    expect(hidden).toEqual({ ok: false, error: { code: 'PROGRAM_NOT_FOUND', message: `No program "${code}".` } });
    const notAdmin = await workspaceWrite(deps, { actor: lead, permission: 'people.manage' }, body);
    expect(notAdmin).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(ran).toBe(false);
    expect(await changeRows()).toEqual(before);
  });

  it('refuses a stale program version with VERSION_CONFLICT before the body runs, and writes nothing', async () => {
    const { version } = await programRow();
    const before = await changeRows();
    let ran = false;
    const stale = await programWrite(
      deps,
      { programId: code, actor: lead, permission: 'plan.edit', version: version - 1, reason: 'Stale' },
      async () => {
        ran = true;
      },
    );
    expect(stale).toEqual({
      ok: false,
      error: { code: 'VERSION_CONFLICT', message: `${code} was changed by someone else; reload and retry.` },
    });
    expect(ran).toBe(false);
    expect(await changeRows()).toEqual(before);
    expect((await programRow()).version).toBe(version);
  });

  it('refuses a record read at a stale version with VERSION_CONFLICT and its current view, and writes nothing', async () => {
    const m = unwrap(
      await createMilestone(deps, {
        programId: code,
        actor: lead,
        name: 'Tooling',
        phase: 'G1',
        ownerId: lead.id,
        baselineDate: '2026-04-01' as PlainDate,
      }),
    );
    const before = await changeRows();
    let ran = false;
    const target = { programId: code, recordId: m.milestone.key, version: m.milestone.version + 1, actor: lead };
    const stale = await recordWrite(
      deps,
      milestoneKind,
      target,
      'milestone.edit',
      null,
      async () => {
        ran = true;
      },
      ({ value }) => value,
    );
    expect(stale).toMatchObject({
      ok: false,
      error: {
        code: 'VERSION_CONFLICT',
        message: `${m.milestone.key} was changed by someone else (you read version 2, it is now 1).`,
        current: { milestone: { key: m.milestone.key, version: 1 } },
      },
    });
    expect(ran).toBe(false);
    expect(await changeRows()).toEqual(before);
  });

  it('takes back every write of the body when the body refuses after writing', async () => {
    const { version } = await programRow();
    const before = await changeRows();
    const milestones = await db.rows('select id from milestones');
    const refused = await programWrite(deps, { programId: code, actor: lead, permission: 'plan.edit', reason: 'Half' }, async (ctx) => {
      const { tx, program, meta } = ctx;
      await updateRecord(deps, tx, { entity: 'program', id: program.id, programId: program.id, entityKey: program.code, meta }, program, {
        toleranceDays: program.toleranceDays + 1,
      });
      await insertMilestone(tx, program, ctx.metaForAnother(), 'Never saved');
      return abort({ code: 'NOTHING_TO_CHANGE', message: 'Changed my mind.' });
    });
    expect(refused).toEqual({ ok: false, error: { code: 'NOTHING_TO_CHANGE', message: 'Changed my mind.' } });
    expect(await changeRows()).toEqual(before);
    expect(await db.rows('select id from milestones')).toEqual(milestones);
    expect((await programRow()).version).toBe(version);
    // The key counter went back too: the next milestone takes the next free key.
    const next = unwrap(
      await createMilestone(deps, {
        programId: code,
        actor: lead,
        name: 'Next',
        phase: 'G1',
        ownerId: lead.id,
        baselineDate: '2026-04-02' as PlainDate,
      }),
    );
    expect(next.milestone.key).toBe(`M-${milestones.length + 1}`);
  });

  it('stamps each record written with one correlation id, and every row with the actor, the instant and the trimmed reason', async () => {
    const before = (await changeRows()).length;
    const written = await programWrite(
      deps,
      { programId: code, actor: lead, permission: 'milestone.create', reason: '  Customer asked  ' },
      async (ctx) => [
        await insertMilestone(ctx.tx, ctx.program, ctx.meta, 'First'),
        await insertMilestone(ctx.tx, ctx.program, ctx.metaForAnother(), 'Second'),
        await insertMilestone(ctx.tx, ctx.program, ctx.metaForAnother(null), 'Third'),
      ],
    );
    const [first, second, third] = unwrap(written);
    const rows = (await changeRows()).slice(before);
    const of = (id: string | undefined) => rows.filter((r) => r.entity_id === id);
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((r) => r.actor_id))).toEqual(new Set([lead.id]));
    expect(new Set(rows.map((r) => r.at))).toEqual(new Set([instant.toISOString()]));
    for (const id of [first, second, third]) expect(new Set(of(id).map((r) => r.correlation_id)).size).toBe(1);
    expect(new Set([first, second, third].map((id) => of(id)[0]?.correlation_id)).size).toBe(3);
    expect(new Set([...of(first), ...of(second)].map((r) => r.reason))).toEqual(new Set(['Customer asked']));
    expect(new Set(of(third).map((r) => r.reason))).toEqual(new Set([null]));
  });

  it('builds the answer after commit, from committed data', async () => {
    const answer = await programWrite(
      deps,
      { programId: code, actor: lead, permission: 'milestone.create' },
      async (ctx) => insertMilestone(ctx.tx, ctx.program, ctx.meta, 'Seen after commit'),
      async ({ program, value }) => {
        // Another connection sees only what is committed.
        const stored = await db.rows(`select name from milestones where id = '${value}'`);
        const read = await store.reads.findMilestone(program.id, value);
        return { stored, read: read?.name };
      },
    );
    expect(unwrap(answer)).toEqual({ stored: [{ name: 'Seen after commit' }], read: 'Seen after commit' });
  });

  it('edits a record at its version under one stamp and answers the record as saved', async () => {
    const m = unwrap(
      await createMilestone(deps, {
        programId: code,
        actor: lead,
        name: 'Edit me',
        phase: 'G1',
        ownerId: lead.id,
        baselineDate: '2026-04-01' as PlainDate,
      }),
    );
    const target = { programId: code, recordId: m.milestone.id, version: 1, actor: lead };
    const edited = unwrap(
      await editRecord(deps, milestoneKind, target, 'milestone.edit', 'Renamed', async ({ record }) => ({
        ok: true,
        value: { next: { ...record, name: 'Edited', version: 2 }, changes: [{ field: 'name', oldValue: record.name, newValue: 'Edited' }] },
      })),
    );
    expect(edited.record).toMatchObject({ name: 'Edited', version: 2 });
    const rows = await db.rows(`select field, reason, at from changes where entity_id = '${m.milestone.id}' and old_value is not null`);
    expect(rows).toEqual([{ field: 'name', reason: 'Renamed', at: instant.toISOString() }]);
  });
});
