import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { z } from 'zod';
import { principalOf } from '../../src/app/auth/principal.js';
import { createClient, createProgram, unwrap } from '../../src/app/create-records.js';
import type { AppDeps } from '../../src/app/deps.js';
import { createPerson } from '../../src/app/people/create-person.js';
import { grantRole } from '../../src/app/people/grant-role.js';
import type { ProgramCalendarSchema } from '../../src/contract/calendar.js';
import type { Change } from '../../src/contract/change.js';
import type { Milestone } from '../../src/contract/milestone.js';
import type { MilestoneLink } from '../../src/contract/plan.js';
import { openStore } from '../../src/store/open-store.js';
import { createTestDatabase, dialects, type TestDatabase } from '../support/databases.js';
import { testPasswords } from '../support/passwords.js';
import { type CliResult, cliNow, jsonOf, problemOf, type Serving, serveInProcess, tollgate, tollgateWith } from './run-cli.js';

type ProgramCalendar = z.infer<typeof ProgramCalendarSchema>;
interface Push {
  id: string;
  key: string;
  name: string;
  from: string;
  to: string;
  version: number;
  cause: { id: string; key: string };
  provisional: boolean;
}

// Fixed weeks of the real Chinese calendar (the programs' default, their factory is in Ningbo):
// March 2026 has no public holiday, October 2026 holds National Day (1–7 Oct, makeup Saturday 10 Oct),
// and 2027 is provisional until its official schedule is loaded.
const tool = { name: 'Tool T1 released', date: '2026-03-20' }; // Friday
/** The warning line a command prints for a date before the tests' today (1 December 2026 in Ningbo). */
const pastWarning = (date: string) =>
  `warning DATE_IN_PAST: ${date} is already past (today is 2026-12-01): the item is overdue as soon as it is saved.\n`;
const trial = { name: 'Trial run', date: '2026-03-23' }; // Monday, 1 business day after the tool
const approval = { name: 'Sample approval', date: '2026-03-24' }; // Tuesday, with the trial
const artwork = { name: 'Packaging artwork', date: '2026-04-01' };

/**
 * Two Chinese programs (one per backend, so each starts from the same plan), written through the use
 * cases: Priya runs the plan as the client's cadence owner.
 */
async function seed(db: TestDatabase): Promise<void> {
  const opened = openStore({ databaseUrl: db.databaseUrl, dataDir: db.dataDir });
  try {
    await opened.migrate();
    const deps: AppDeps = { store: opened.store, clock: { now: () => new Date(cliNow) }, newId: uuidv7, passwords: testPasswords };
    const created = unwrap(await createPerson(deps, { actor: null, email: 'admin@example.test', name: 'Ada Admin', isAdmin: true }));
    const admin = await principalOf(opened.store.reads, created);
    const client = unwrap(await createClient(deps, { actor: admin, name: 'Keller', country: 'DE' }));
    for (const code of ['PLAN-DB', 'PLAN-SRV']) {
      unwrap(
        await createProgram(deps, {
          actor: admin,
          code,
          name: `Kettle ${code}`,
          clientId: client.id,
          supplierName: 'Ningbo Lisheng Electric Appliance',
          factoryCity: 'Ningbo',
          factoryCountry: 'CN',
          timeZone: 'Asia/Shanghai',
        }),
      );
    }
    const priya = unwrap(await createPerson(deps, { actor: admin, email: 'priya@example.test', name: 'Priya Raman' }));
    unwrap(await grantRole(deps, { actor: admin, userId: priya.id, role: 'cadence_owner', clientId: client.id }));
  } finally {
    await opened.store.close();
  }
}

const backends = ['database', 'server'] as const;

// Each test runs the binary a dozen times; on a busy machine one run takes seconds.
vi.setConfig({ testTimeout: 240_000, hookTimeout: 240_000 });

describe.each(dialects)('tollgate on %s: dependencies, the move preview and the calendar', (dialect) => {
  let db: TestDatabase;
  let server: Serving;
  let token: string;
  const local = (...args: string[]) => tollgate(db, '--as', 'priya@example.test', ...args);

  beforeAll(async () => {
    db = await createTestDatabase(dialect, { now: cliNow });
    await seed(db);
    server = await serveInProcess(db);
    token = jsonOf<{ token: string }>(await local('token', 'create', '--name', 'plan tests', '--json')).token;
  });
  afterAll(async () => {
    if (server) expect(await server.stop()).toBe(0);
    await db?.drop();
  });

  describe.each(backends)('on the %s backend', (backend) => {
    const code = backend === 'database' ? 'PLAN-DB' : 'PLAN-SRV';
    /** Priya at work: on the database as --as, or over the server's API with her token. */
    const run = (...args: string[]): Promise<CliResult> =>
      backend === 'database' ? local(...args) : tollgateWith(db, { env: { TOLLGATE_SERVER: server.url, TOLLGATE_TOKEN: token } }, ...args);
    const milestones = async () => jsonOf<{ milestones: Milestone[] }>(await run('programs', 'show', code, '--json')).milestones;
    const one = async (key: string) => (await milestones()).find((m) => m.key === key) as Milestone;
    const links = async () => jsonOf<{ items: MilestoneLink[] }>(await run('milestone', 'link', 'list', code, '--json')).items;
    const calendar = async (year: number) => jsonOf<ProgramCalendar>(await run('calendar', 'show', code, '--year', String(year), '--json'));
    const day = (c: ProgramCalendar, date: string) => c.year.days.find((d) => d.date === date);
    const changes = async () => jsonOf<{ items: Change[] }>(await run('changes', code, '--rows', '--json')).items;
    /** A file in the commands' working directory. */
    const file = (name: string, content: unknown) => {
      writeFileSync(join(db.dataDir, name), typeof content === 'string' ? content : JSON.stringify(content));
      return name;
    };

    beforeAll(async () => {
      for (const m of [tool, trial, approval, artwork]) {
        jsonOf(
          await run(
            'milestone',
            'add',
            code,
            '--name',
            m.name,
            '--phase',
            'G2',
            '--baseline',
            m.date,
            '--owner',
            'priya@example.test',
            '--json',
          ),
        );
      }
    });

    it('links milestones by key with a lag and lists them with both ends and the lag', async () => {
      const first = jsonOf<MilestoneLink>(
        await run('milestone', 'link', 'add', code, 'M-1', 'm-2', '--lag', '1', '--reason', 'Trial needs a day of setup', '--json'),
      );
      expect(first).toMatchObject({
        predecessor: { key: 'M-1', name: tool.name },
        successor: { key: 'M-2', name: trial.name },
        lagDays: 1,
        version: 1,
      });
      const second = await run('milestone', 'link', 'add', code, 'M-2', 'M-3');
      expect(second).toMatchObject({ code: 0, stderr: '' });
      expect(second.stdout).toMatch(
        new RegExp(`^Linked ${code} M-2 Trial run → M-3 Sample approval: M-3 is due no earlier than M-2\\.\\n`),
      );

      expect((await links()).map((l) => [l.predecessor.key, l.successor.key, l.lagDays])).toEqual([
        ['M-1', 'M-2', 1],
        ['M-2', 'M-3', 0],
      ]);
      const table = await run('milestone', 'link', 'list', code);
      expect(table.code).toBe(0);
      // Link ids short: the last 8 characters (random in a UUIDv7; its first ones are the time it was made).
      expect(table.stdout).toMatch(new RegExp(`│ ${first.id.slice(-8)} +│ M-1 Tool T1 released +│ M-2 Trial run +│ 1 +│`));
      expect(table.stdout).not.toContain(first.id);
      expect(table.stdout).toMatch(/│ M-2 Trial run +│ M-3 Sample approval +│ 0 +│/);
    });

    it('refuses a link that would close a cycle, naming the cycle as the API does, and writes nothing', async () => {
      const before = await changes();
      const refused = await run('milestone', 'link', 'add', code, 'M-3', 'M-1');
      expect(refused).toMatchObject({ code: 1, stdout: '' });
      expect(refused.stderr).toBe('error DEPENDENCY_CYCLE: These links would form a cycle: M-3 → M-1 → M-2 → M-3.\n');
      const json = await run('milestone', 'link', 'add', code, 'M-3', 'M-1', '--json');
      expect(problemOf(json)).toMatchObject({ code: 'DEPENDENCY_CYCLE', detail: expect.stringContaining('M-3 → M-1 → M-2 → M-3') });
      const self = await run('milestone', 'link', 'add', code, 'M-1', 'M-1');
      expect(self).toMatchObject({ code: 1, stdout: '' });
      expect(self.stderr).toMatch(/^error SELF_DEPENDENCY: /);
      const badLag = await run('milestone', 'link', 'add', code, 'M-1', 'M-4', '--lag', 'two');
      expect(badLag).toMatchObject({ code: 2, stderr: 'error VALIDATION_FAILED: --lag "two": Must be a whole number from -365 to 365.\n' });
      expect(await links()).toHaveLength(2);
      expect(await changes()).toEqual(before);
    });

    it('removes a link without moving a date, and refuses one that does not exist', async () => {
      const extra = jsonOf<MilestoneLink>(await run('milestone', 'link', 'add', code, 'M-1', 'M-4', '--json'));
      // By the short id the list shows.
      const removed = await run('milestone', 'link', 'remove', code, extra.id.slice(-8), '--reason', 'Artwork no longer waits for tooling');
      expect(removed).toMatchObject({ code: 0, stderr: '' });
      expect(removed.stdout).toBe(`Removed the dependency M-1 → M-4 from ${code}; no date moved.\n`);
      expect((await links()).map((l) => l.id)).not.toContain(extra.id);
      expect(await one('M-4')).toMatchObject({ forecastDate: artwork.date, version: 1 });
      if (backend === 'database') {
        const row = (await changes()).find((c) => c.entityId === extra.id && c.field === 'lagDays' && c.newValue === null);
        expect(row).toMatchObject({ entityKey: 'M-1→M-4', reason: 'Artwork no longer waits for tooling' });
      }
      const again = await run('milestone', 'link', 'remove', code, extra.id, '--json');
      expect(again.code).toBe(1);
      expect(problemOf(again)).toMatchObject({ code: 'MILESTONE_LINK_NOT_FOUND' });
    });

    it('previews what a move would push (--preview, text and JSON) and writes nothing', async () => {
      const before = { milestones: await milestones(), changes: await changes() };
      const preview = jsonOf<{ pushes: Push[] }>(await run('milestone', 'move', code, 'M-1', '--to', '2026-03-24', '--preview', '--json'));
      const [m1, m2, m3] = ['M-1', 'M-2', 'M-3'].map((key) => before.milestones.find((m) => m.key === key));
      // The pushes, and a DATE_IN_PAST warning beside them: the plan lies before the tests' today (cliNow).
      expect(preview).toMatchObject({
        warnings: [{ path: 'forecastDate', code: 'DATE_IN_PAST' }],
        pushes: [
          {
            id: m2?.id,
            key: 'M-2',
            name: trial.name,
            from: trial.date,
            to: '2026-03-25',
            version: 1,
            cause: { id: m1?.id, key: 'M-1' },
            provisional: false,
          },
          {
            id: m3?.id,
            key: 'M-3',
            name: approval.name,
            from: approval.date,
            to: '2026-03-25',
            version: 1,
            cause: { id: m2?.id, key: 'M-2' },
            provisional: false,
          },
        ],
      });
      const text = await run('milestone', 'move', code, 'M-1', '--to', '2026-03-24', '--preview');
      // The answer's warnings follow the table, on stderr: the plan lies before the tests' today.
      expect(text).toMatchObject({ code: 0, stderr: pastWarning('2026-03-24') });
      expect(text.stdout).toMatch(/^Moving M-1 "Tool T1 released" from 2026-03-20 to 2026-03-24 pushes 2 milestones later:\n/);
      expect(text.stdout).toMatch(/│ M-2 +│ Trial run +│ 2026-03-23 → 2026-03-25 +│ pushed by M-1 +│/);
      expect(text.stdout).toMatch(/│ M-3 +│ Sample approval +│ 2026-03-24 → 2026-03-25 +│ pushed by M-2 +│/);
      // A day off at the factory (China's National Day) is said too, with the next working day.
      const holiday = await run('milestone', 'move', code, 'M-1', '--to', '2026-10-01', '--preview');
      expect(holiday.code).toBe(0);
      expect(holiday.stderr).toMatch(
        /^warning NOT_A_WORKING_DAY: 2026-10-01 is not a working day on the program's calendar; the next working day is 2026-10-\d\d\.$/m,
      );
      const none = await run('milestone', 'move', code, 'M-1', '--to', '2026-03-19', '--preview');
      expect(none.stdout).toBe('Moving M-1 "Tool T1 released" from 2026-03-20 to 2026-03-19 pushes no other milestone.\n');
      // Into 2027, whose official Chinese schedule is not loaded yet: the new date is provisional.
      const provisional = await run('milestone', 'move', code, 'M-2', '--to', '2027-03-03', '--preview');
      expect(provisional.stdout).toMatch(/│ M-3 +│ Sample approval +│ 2026-03-24 → 2027-03-03 \? +│ pushed by M-2 +│/);
      expect(provisional.stdout).toContain('\n? counted across days whose official holiday schedule is not yet published');
      expect(await milestones()).toEqual(before.milestones);
      expect(await changes()).toEqual(before.changes);
    });

    it('refuses a move that pushes others without a terminal and without --yes: the preview, an error, nothing written', async () => {
      const before = { milestones: await milestones(), changes: await changes() };
      const refused = await run('milestone', 'move', code, 'M-1', '--to', '2026-03-24', '--reason', 'Tooling rework');
      expect(refused.code).toBe(2);
      expect(refused.stdout).toMatch(
        /pushes 2 milestones later:\n[\s\S]*│ M-2 +│ Trial run +│ 2026-03-23 → 2026-03-25 +│ pushed by M-1 +│/,
      );
      expect(refused.stderr).toBe(
        'error VALIDATION_FAILED: Moving M-1 to 2026-03-24 pushes 2 milestones later; nothing was moved. Re-run with --yes to move them too (--preview shows what it pushes).\n' +
          '  --yes: Required to confirm the pushes without a terminal to ask at.\n',
      );
      const json = await run('milestone', 'move', code, 'M-1', '--to', '2026-03-24', '--reason', 'Tooling rework', '--json');
      expect(json.code).toBe(2);
      expect(problemOf(json)).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ path: '--yes' }] });
      expect(await milestones()).toEqual(before.milestones);
      expect(await changes()).toEqual(before.changes);
    });

    it('moves the milestone and every successor it pushes with --yes, each change-logged "pushed by …"', async () => {
      const moved = jsonOf<Milestone>(
        await run('milestone', 'move', code, 'M-1', '--to', '2026-03-24', '--reason', 'Tooling rework', '--yes', '--json'),
      );
      expect(moved).toMatchObject({ key: 'M-1', forecastDate: '2026-03-24', version: 2 });
      expect(moved.pushed?.map((p) => [p.key, p.from, p.to])).toEqual([
        ['M-2', trial.date, '2026-03-25'],
        ['M-3', approval.date, '2026-03-25'],
      ]);
      expect(await one('M-2')).toMatchObject({ forecastDate: '2026-03-25', version: 2 });
      expect(await one('M-3')).toMatchObject({ forecastDate: '2026-03-25', version: 2 });
      const log = (await changes()).filter((c) => c.field === 'forecastDate' && c.oldValue !== null);
      expect(log.find((c) => c.entityKey === 'M-2')).toMatchObject({
        oldValue: trial.date,
        newValue: '2026-03-25',
        reason: 'pushed by M-1 moving to 2026-03-24: Tooling rework',
        actor: { email: 'priya@example.test' },
      });
      expect(log.find((c) => c.entityKey === 'M-3')).toMatchObject({ reason: 'pushed by M-2 moving to 2026-03-25: Tooling rework' });

      // Text: the pushes are listed after the move. A move earlier pushes nothing and asks nothing.
      const later = await run('milestone', 'move', code, 'M-2', '--to', '2026-03-26', '--reason', 'Trial slot moved', '--yes');
      expect(later).toMatchObject({ code: 0, stderr: pastWarning('2026-03-26') });
      expect(later.stdout).toMatch(/\n {2}pushed later with it: M-3 2026-03-25 → 2026-03-26\n$/);
      const earlier = await run('milestone', 'move', code, 'M-1', '--to', '2026-03-23', '--reason', 'Rework faster than feared');
      expect(earlier).toMatchObject({ code: 0, stderr: pastWarning('2026-03-23') });
      expect(earlier.stdout).toMatch(/^Moved the forecast from 2026-03-24: /);
      expect(await one('M-2')).toMatchObject({ forecastDate: '2026-03-26', version: 3 });
    });

    it('a link that pushes its successor is previewed, refused without --yes, and made with --yes, pushes change-logged', async () => {
      // M-3 is due on Thu 26 Mar; packaging artwork (M-4) on Wed 1 Apr, which a 5-day lag after M-3 does not allow.
      const before = { milestones: await milestones(), changes: await changes() };
      const preview = await run('milestone', 'link', 'add', code, 'M-3', 'M-4', '--lag', '5', '--preview');
      expect(preview).toMatchObject({ code: 0, stderr: '' });
      expect(preview.stdout).toMatch(new RegExp(`^Linking ${code} M-3 → M-4 \\(lag 5 business days\\) pushes 1 milestone later:\\n`));
      expect(preview.stdout).toMatch(/│ M-4 +│ Packaging artwork +│ 2026-04-01 → 2026-04-02 +│ pushed by M-3 +│/);
      const refused = await run('milestone', 'link', 'add', code, 'M-3', 'M-4', '--lag', '5', '--reason', 'Artwork waits for the sample');
      expect(refused.code).toBe(2);
      expect(refused.stderr).toBe(
        'error VALIDATION_FAILED: This link pushes M-4 later; nothing was linked. Re-run with --yes to push it (--preview shows what it pushes).\n' +
          '  --yes: Required to confirm the pushes without a terminal to ask at.\n',
      );
      expect({ milestones: await milestones(), changes: await changes() }).toEqual(before);
      const made = jsonOf<MilestoneLink & { pushed: { key: string; from: string; to: string }[] }>(
        await run(
          'milestone',
          'link',
          'add',
          code,
          'M-3',
          'M-4',
          '--lag',
          '5',
          '--reason',
          'Artwork waits for the sample',
          '--yes',
          '--json',
        ),
      );
      expect(made.pushed.map((p) => [p.key, p.from, p.to])).toEqual([['M-4', artwork.date, '2026-04-02']]);
      expect(await one('M-4')).toMatchObject({ forecastDate: '2026-04-02', version: 2 });
      const row = (await changes()).find((c) => c.entityKey === 'M-4' && c.field === 'forecastDate' && c.oldValue !== null);
      expect(row?.reason).toBe('pushed by the new link M-3 → M-4 (lag 5 business days): Artwork waits for the sample');
    });

    it('shows a year as month grids with the Chinese holidays, the makeup days, the working days and the zone', async () => {
      const shown = await run('calendar', 'show', code, '--year', '2026');
      expect(shown).toMatchObject({ code: 0, stderr: '' });
      const out = shown.stdout;
      expect(out).toMatch(new RegExp(`^${code} business calendar 2026\\n`));
      for (const month of ['January', 'June', 'October', 'December']) expect(out).toContain(month);
      expect(out.match(/Mo Tu We Th Fr Sa Su {3}Mo Tu We Th Fr Sa Su {3}Mo Tu We Th Fr Sa Su/g)).toHaveLength(4);
      // October 2026 starts on a Thursday: National Day Thu 1 – Wed 7, worked again on Saturday 10.
      expect(out).toContain('\n          H  H  H  H   ');
      expect(out).toContain('\n H  H  H  8  9  W  ·   ');
      expect(out).toMatch(/│ 2026-10-01 │ Thu │ holiday +│ National Day \(CN\) +│/);
      expect(out).toMatch(/│ 2026-10-10 │ Sat │ makeup working day │ National Day \(CN\) +│/);
      expect(out).toMatch(/Working days +248 in 2026\n/);
      expect(out).toMatch(/Time zone +Asia\/Shanghai; a business day ends at 18:00\n/);
      expect(out).not.toContain('provisional: CN');

      const c = await calendar(2026);
      expect(c).toMatchObject({ isDefault: true, spec: { countries: [{ country: 'CN' }], timeZone: 'Asia/Shanghai' } });
      expect(c.year).toMatchObject({ year: 2026, workingDays: 248, provisionalCountries: [] });
      expect(day(c, '2026-10-01')).toMatchObject({
        working: false,
        reasons: [{ kind: 'holiday', country: 'CN', label: 'National Day' }],
      });
      const provisional = await run('calendar', 'show', code, '--year', '2027');
      expect(provisional.stdout).toContain('\nprovisional: CN (official schedule not yet published');
      expect(provisional.stdout).toMatch(/│ 2027-10-01 │ Fri │ holiday +│ National Day \(CN\) \? +│/);
    });

    it('refuses a schedule file that is missing, not JSON or wrong, naming the field, and changes nothing', async () => {
      const before = { calendar: await calendar(2027), changes: await changes() };
      const missing = await run('calendar', 'upload', code, 'no-such-file.json');
      expect(missing).toMatchObject({
        code: 2,
        stdout: '',
        stderr: 'error VALIDATION_FAILED: <file> "no-such-file.json": No such file.\n',
      });
      const broken = await run('calendar', 'upload', code, file('broken.json', '{"country": "CN",\n'), '--json');
      expect(broken.code).toBe(2);
      expect(problemOf(broken)).toMatchObject({
        code: 'VALIDATION_FAILED',
        detail: 'The schedule file is not valid JSON.',
        errors: [{ path: 'broken.json', message: expect.stringMatching(/^line 2, column 1: /) }],
      });
      const wrong = file('wrong.json', {
        country: 'CN',
        year: 'next',
        holidays: [{ date: '2027-10-01', label: 'National Day' }],
        makeupWorkdays: [{ date: '2027-02-22', label: 'Spring Festival' }],
      });
      const refused = await run('calendar', 'upload', code, wrong);
      expect(refused).toMatchObject({ code: 2, stdout: '' });
      expect(refused.stderr).toBe(
        'error VALIDATION_FAILED: The schedule file has 2 problem(s).\n' +
          '  year: must be a whole year from 2000 to 2099\n' +
          '  makeupWorkdays[0].date: 2027-02-22 is a weekday; makeup working days fall on a Saturday or Sunday\n',
      );
      expect(await calendar(2027)).toEqual(before.calendar);
      expect(await changes()).toEqual(before.changes);
    });

    it('loads an official schedule: the year is no longer provisional and its days follow the file', async () => {
      const before = await calendar(2027);
      expect(before.year.provisionalCountries).toEqual(['CN']);
      const spring = ['2027-02-06', '2027-02-07', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11', '2027-02-12'];
      const good = file('cn-2027.json', {
        country: 'CN',
        year: 2027,
        holidays: spring.map((date) => ({ date, label: 'Spring Festival' })),
        makeupWorkdays: [{ date: '2027-02-20', label: 'Spring Festival' }],
      });
      const loaded = jsonOf<{ version: number; country: string; year: number }>(await run('calendar', 'upload', code, good, '--json'));
      expect(loaded).toEqual({ version: before.version + 1, country: 'CN', year: 2027 });
      const after = await calendar(2027);
      expect(after).toMatchObject({ isDefault: false, version: before.version + 1, year: { provisionalCountries: [] } });
      expect(day(after, '2027-02-08')).toMatchObject({ working: false, provisional: false });
      expect(day(after, '2027-02-20')).toMatchObject({ working: true, provisional: false });
      const text = await run('calendar', 'show', code, '--year', '2027');
      expect(text.stdout).not.toContain('provisional: CN');
      expect(text.stdout).toMatch(/│ 2027-02-20 │ Sat │ makeup working day │ Spring Festival \(CN\) +│/);
      const again = await run('calendar', 'upload', code, good);
      expect(again.stdout).toBe(
        `Loaded the official CN holiday schedule for 2027 into ${code}'s calendar (now at version ${before.version + 2}); 2027 is no longer provisional for CN.\n`,
      );
    });

    it('replaces the calendar from a spec file with a reason, refusing a wrong spec by field', async () => {
      const current = await calendar(2026);
      const bad = file('bad-spec.json', { ...current.spec, endOfDayHour: 25 });
      const refused = await run('calendar', 'set', code, '--file', bad, '--reason', 'Typo', '--json');
      expect(refused.code).toBe(2);
      expect(problemOf(refused)).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ path: 'endOfDayHour' }] });
      const shutdown = { from: '2026-07-27', to: '2026-07-31', label: 'Summer shutdown' };
      const spec = file('spec.json', { ...current.spec, shutdowns: [shutdown] });
      const saved = await run('calendar', 'set', code, '--file', spec, '--reason', 'Shutdown agreed with the supplier');
      expect(saved).toMatchObject({ code: 0, stderr: '', stdout: `Saved ${code}'s calendar (now at version ${current.version + 1}).\n` });
      const after = await calendar(2026);
      expect(after.year.workingDays).toBe(243);
      expect(day(after, '2026-07-27')).toMatchObject({ working: false, reasons: [{ kind: 'shutdown', label: 'Summer shutdown' }] });
      expect((await changes()).find((c) => c.field === 'calendarSpec')).toMatchObject({ reason: 'Shutdown agreed with the supplier' });
      const stale = await run('calendar', 'set', code, '--file', spec, '--reason', 'Again', '--version', String(current.version));
      expect(stale).toMatchObject({ code: 1, stdout: '' });
      expect(stale.stderr).toMatch(/^error VERSION_CONFLICT: /);
    });
  });

  it('answers the same JSON over the API as on the database for the same person', async () => {
    const remote = (...args: string[]) => tollgateWith(db, { env: { TOLLGATE_SERVER: server.url, TOLLGATE_TOKEN: token } }, ...args);
    for (const args of [
      ['milestone', 'link', 'list', 'PLAN-DB', '--json'],
      ['calendar', 'show', 'PLAN-DB', '--year', '2026', '--json'],
      ['calendar', 'show', 'PLAN-SRV', '--year', '2027', '--json'],
      ['milestone', 'move', 'PLAN-DB', 'M-2', '--to', '2026-03-31', '--preview', '--json'],
    ]) {
      expect(jsonOf(await remote(...args))).toEqual(jsonOf(await local(...args)));
    }
  });
});
