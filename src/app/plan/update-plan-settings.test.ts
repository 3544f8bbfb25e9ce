import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type AppWorkspace, openAppWorkspace } from '../../../test/support/app-workspace.js';
import { openUseCaseWorld, refusal, type UseCaseWorld, worldStart } from '../../../test/support/use-case-world.js';
import { type PlainDate, plainDate } from '../../domain/plain-date.js';
import type { Program } from '../../domain/program.js';
import { unwrap } from '../create-records.js';
import { getProgram } from '../get-program.js';
import { moveMilestone } from '../move-milestone.js';
import { transact } from '../transact.js';
import { updateRecord } from '../write-record.js';
import { updatePlanSettings } from './update-plan-settings.js';

/* Plan settings answer with the plan read after commit; a plan that cannot be computed under the new
 * settings still refuses the change, because the part they change is worked out before commit. */

let ws: AppWorkspace;
const programRow = async () =>
  (await ws.db.rows(`select version, target_release_date from programs where id = '${ws.program.id}'`))[0] as {
    version: number;
    target_release_date: string | null;
  };

beforeAll(async () => {
  ws = await openAppWorkspace(new Date('2026-03-10T09:30:00.000Z'));
});

afterAll(async () => {
  await ws?.close();
});

describe('plan settings', () => {
  it('answer with the plan as committed', async () => {
    const { version } = await programRow();
    const input = { programId: ws.program.code, actor: ws.lead, version, targetReleaseDate: '2026-06-30' as PlainDate, reason: ' Agreed ' };
    const plan = unwrap(await updatePlanSettings(ws.deps, input));
    expect(plan.program).toMatchObject({ targetReleaseDate: '2026-06-30', version: version + 1 });
    expect(await programRow()).toEqual({ version: version + 1, target_release_date: '2026-06-30' });
  });

  it('are not committed when the plan cannot be computed under them', async () => {
    // A calendar that cannot be built (the calendar use cases refuse one; this one is stored around them).
    const broken = { countries: [{ country: 'XX' }], timeZone: ws.program.timeZone, endOfDayHour: 18 };
    const before = await programRow();
    unwrap(
      await transact(ws.store, (tx) =>
        updateRecord(
          ws.deps,
          tx,
          { entity: 'program', id: ws.program.id, programId: ws.program.id, actorId: ws.admin.id },
          { calendarSpec: null, version: before.version },
          { calendarSpec: broken },
        ),
      ),
    );
    const { version } = await programRow();
    const changes = await ws.db.rows('select id from changes');
    const input = { programId: ws.program.code, actor: ws.lead, version, targetReleaseDate: '2026-07-31' as PlainDate, reason: 'Later' };
    await expect(updatePlanSettings(ws.deps, input)).rejects.toThrow(/unknown country/);
    expect(await programRow()).toEqual({ version, target_release_date: '2026-06-30' });
    expect(await ws.db.rows('select id from changes')).toEqual(changes);
  });
});

/* The rules of the use case itself: what it refuses, what it writes to the change log. */

let w: UseCaseWorld;
beforeAll(async () => {
  w = await openUseCaseWorld();
});
afterAll(() => w.close());
beforeEach(() => w.setNow(worldStart));

const update = (program: Program, over: Partial<Parameters<typeof updatePlanSettings>[1]>) =>
  updatePlanSettings(w.deps, { programId: program.id, actor: w.lead, version: program.version, reason: 'Customer agreed', ...over });

const current = async (program: Program) => unwrap(await getProgram(w.deps, { programId: program.id, actor: w.lead })).program;

describe('updatePlanSettings', () => {
  it('changes the default tolerance with its reason, logs only what changed, and answers with the plan judged by it', async () => {
    const p = await w.program({ toleranceDays: 3, targetReleaseDate: '2026-06-30' });
    // Planned Tue 10 March, forecast Mon 16 March: 4 business days late, a breach with 3 days of tolerance.
    const m = await w.milestone(p, 'Pilot run', '2026-03-10');
    unwrap(
      await moveMilestone(w.deps, {
        programId: p.id,
        milestoneId: m.key,
        version: m.version,
        actor: w.lead,
        forecastDate: plainDate('2026-03-16'),
        reason: 'Resin shortage',
      }),
    );

    const plan = unwrap(
      await update(p, { toleranceDays: 5, targetReleaseDate: plainDate('2026-06-30'), reason: '  Customer accepts a week  ' }),
    );
    expect(plan.program).toMatchObject({ toleranceDays: 5, targetReleaseDate: '2026-06-30', version: 2 });
    expect(plan.rows.map((r) => [r.milestone.key, r.varianceDays, r.toleranceDays, r.breach, r.health])).toEqual([
      ['M-1', 4, 5, false, 'at_risk'],
    ]);

    const rows = await w.changes(p, { entity: 'program' });
    const logged = rows.filter((c) => c.oldValue !== null);
    expect(logged.map((c) => [c.field, c.oldValue, c.newValue, c.reason, c.actorId])).toEqual([
      ['toleranceDays', '3', '5', 'Customer accepts a week', w.lead.id],
    ]);
  });

  it('sets and clears the target release date', async () => {
    const p = await w.program();
    const set = unwrap(await update(p, { targetReleaseDate: plainDate('2026-09-01') }));
    expect(set.program.targetReleaseDate).toBe('2026-09-01');
    const cleared = unwrap(await update(set.program, { targetReleaseDate: null, reason: 'Release date withdrawn' }));
    expect(cleared.program.targetReleaseDate).toBeNull();
    const rows = (await w.changes(p, { field: 'targetReleaseDate' })).filter((c) => c.reason !== null);
    expect(rows.map((c) => [c.oldValue, c.newValue, c.reason])).toEqual([
      [null, '2026-09-01', 'Customer agreed'],
      ['2026-09-01', null, 'Release date withdrawn'],
    ]);
  });

  it('refuses values that change nothing, or no values at all, and writes nothing', async () => {
    const p = await w.program({ toleranceDays: 4, targetReleaseDate: '2026-07-01' });
    const before = await w.changes(p);
    expect(refusal(await update(p, {})).code).toBe('NOTHING_TO_CHANGE');
    expect(refusal(await update(p, { toleranceDays: 4, targetReleaseDate: plainDate('2026-07-01') })).code).toBe('NOTHING_TO_CHANGE');
    expect(await w.changes(p)).toEqual(before);
    expect((await current(p)).version).toBe(1);
  });

  it('refuses a change without a reason, on the reason field', async () => {
    const p = await w.program({ toleranceDays: 3 });
    for (const reason of ['', ' \t ']) {
      const r = refusal(await update(p, { toleranceDays: 6, reason }));
      expect(r.code).toBe('REASON_REQUIRED');
      expect(r.fields?.map((f) => f.path)).toEqual(['reason']);
    }
    expect((await current(p)).toleranceDays).toBe(3);
  });

  it('refuses settings read at an older version, keeping the newer ones', async () => {
    const p = await w.program({ toleranceDays: 3 });
    unwrap(await update(p, { toleranceDays: 2, reason: 'Tighter control' }));
    const r = refusal(await update(p, { toleranceDays: 8, reason: 'From a stale page' }));
    expect(r.code).toBe('VERSION_CONFLICT');
    expect(await current(p)).toMatchObject({ toleranceDays: 2, version: 2 });
  });

  it('is the cadence owner’s: a quality owner is refused naming the permission', async () => {
    const p = await w.program();
    const ines = await w.person('Ines Duarte', { role: 'quality_owner', program: p });
    const r = refusal(await update(p, { toleranceDays: 9, actor: ines }));
    expect(r.code).toBe('FORBIDDEN');
    expect(r.message).toContain('plan.edit');
  });
});
