import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAction } from '../../src/app/actions/open-action.js';
import { unwrap } from '../../src/app/create-records.js';
import type { Actor, AppDeps } from '../../src/app/deps.js';
import { runUpdateRequests } from '../../src/app/update-requests/run-update-requests.js';
import { addDays, type PlainDate } from '../../src/domain/plain-date.js';
import type { Program } from '../../src/domain/program.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { writeCompleteCharter } from '../support/charter.js';
import { seedProgram, seedUser } from './helpers.js';

/**
 * The update request run on two instances of one PostgreSQL database at the same moment, each with its own
 * connection pool, on the request day of ten report weeks in a row: each owner of each program is asked once a
 * week, never twice, whoever gets there first.
 */
const weeks = 10;

describe('update request runs on two instances at once (PostgreSQL)', { timeout: 600_000 }, () => {
  let t: TestApp;
  let second: AppDeps;
  let programs: Program[];
  const owners: Actor[] = [];
  // Wednesday 2 December 2026, 09:00 in Shanghai: the request day (two business days before Friday's report).
  let now = new Date('2026-12-02T01:00:00Z');

  beforeAll(async () => {
    t = await createTestApp('postgres');
    (t.deps.clock as { now: () => Date }).now = () => now;
    programs = [await seedProgram(t, 'KHG-ASK1'), await seedProgram(t, 'KHG-ASK2')];
    for (const [i, p] of programs.entries()) {
      await writeCompleteCharter(t.deps, p.id, t.actor, {
        weeklyReport: {
          weekday: 5,
          time: '16:00',
          recipientIds: [t.actor.id],
          recipientEmails: [],
          updateRequests: { businessDaysBefore: 2, untouchedDays: 1 },
          autoIssue: false,
        },
      });
      for (const n of [1, 2]) {
        const owner = await seedUser(t, `Owner ${i}-${n}`, `owner-${i}-${n}@example.test`, { programId: p.id });
        owners.push(owner);
        // An action overdue from the first week on: asked about every week.
        unwrap(
          await openAction(t.deps, {
            programId: p.id,
            actor: t.actor,
            title: `Send the sample report ${i}-${n}`,
            ownerId: owner.id,
            dueDate: '2026-11-27' as PlainDate,
            severity: 'medium',
          }),
        );
      }
    }
    second = (await t.restart()).deps;
    (second.clock as { now: () => Date }).now = () => now;
  });
  afterAll(() => t.close());

  it(`two runs at once ask each owner once a week (${weeks} weeks)`, async () => {
    for (let w = 0; w < weeks; w++) {
      now = new Date(`${addDays('2026-12-02' as PlainDate, 7 * w)}T01:00:00Z`);
      const [a, b] = await Promise.all([runUpdateRequests(t.deps), runUpdateRequests(second)]);
      expect(a.requests + b.requests, `week ${w}`).toBe(owners.length);
      // And again a quarter of an hour later: nothing more.
      now = new Date(now.getTime() + 15 * 60_000);
      const [c, d] = await Promise.all([runUpdateRequests(t.deps), runUpdateRequests(second)]);
      expect(c.requests + d.requests).toBe(0);
    }
    const rows = (await t.db.rows('select program_id, week, owner_id from update_requests')) as {
      program_id: string;
      week: string;
      owner_id: string;
    }[];
    expect(rows).toHaveLength(weeks * owners.length);
    expect(new Set(rows.map((r) => `${r.program_id} ${r.week} ${r.owner_id}`)).size).toBe(rows.length);
    expect(new Set(rows.map((r) => r.week)).size).toBe(weeks);
  });
});
