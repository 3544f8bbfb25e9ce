import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppWorkspace, openAppWorkspace } from '../../../test/support/app-workspace.js';
import type { PlainDate } from '../../domain/plain-date.js';
import { unwrap } from '../create-records.js';
import { transact } from '../transact.js';
import { updateRecord } from '../write-record.js';
import { updatePlanSettings } from './update-plan-settings.js';

/* Plan settings answer with the plan read after commit; a plan that cannot be computed under the new
 * settings still refuses the change, because the part they change is worked out before commit. */

let w: AppWorkspace;
const programRow = async () =>
  (await w.db.rows(`select version, target_release_date from programs where id = '${w.program.id}'`))[0] as {
    version: number;
    target_release_date: string | null;
  };

beforeAll(async () => {
  w = await openAppWorkspace(new Date('2026-03-10T09:30:00.000Z'));
});

afterAll(async () => {
  await w?.close();
});

describe('plan settings', () => {
  it('answer with the plan as committed', async () => {
    const { version } = await programRow();
    const input = { programId: w.program.code, actor: w.lead, version, targetReleaseDate: '2026-06-30' as PlainDate, reason: ' Agreed ' };
    const plan = unwrap(await updatePlanSettings(w.deps, input));
    expect(plan.program).toMatchObject({ targetReleaseDate: '2026-06-30', version: version + 1 });
    expect(await programRow()).toEqual({ version: version + 1, target_release_date: '2026-06-30' });
  });

  it('are not committed when the plan cannot be computed under them', async () => {
    // A calendar that cannot be built (the calendar use cases refuse one; this one is stored around them).
    const broken = { countries: [{ country: 'XX' }], timeZone: w.program.timeZone, endOfDayHour: 18 };
    const before = await programRow();
    unwrap(
      await transact(w.store, (tx) =>
        updateRecord(
          w.deps,
          tx,
          { entity: 'program', id: w.program.id, programId: w.program.id, actorId: w.admin.id },
          { calendarSpec: null, version: before.version },
          { calendarSpec: broken },
        ),
      ),
    );
    const { version } = await programRow();
    const changes = await w.db.rows('select id from changes');
    const input = { programId: w.program.code, actor: w.lead, version, targetReleaseDate: '2026-07-31' as PlainDate, reason: 'Later' };
    await expect(updatePlanSettings(w.deps, input)).rejects.toThrow(/unknown country/);
    expect(await programRow()).toEqual({ version, target_release_date: '2026-06-30' });
    expect(await w.db.rows('select id from changes')).toEqual(changes);
  });
});
