import { uuidv7 } from 'uuidv7';
import { afterAll, describe, expect, it } from 'vitest';
import { openAction } from '../../src/app/actions/open-action.js';
import { principalOf } from '../../src/app/auth/principal.js';
import { createMilestone } from '../../src/app/create-milestone.js';
import { createClient, createProgram, unwrap } from '../../src/app/create-records.js';
import type { Actor, AppDeps } from '../../src/app/deps.js';
import { type SweepReport, sweepEscalations } from '../../src/app/escalations/sweep-escalations.js';
import { createPerson } from '../../src/app/people/create-person.js';
import { grantRole } from '../../src/app/people/grant-role.js';
import { plainDate } from '../../src/domain/plain-date.js';
import { openStore } from '../../src/store/open-store.js';
import { createTestDatabase, dialects, type TestDatabase } from '../support/databases.js';
import { testPasswords } from '../support/passwords.js';

// Issue 13, point 8: the sweep reads each kind of record for a batch of programs at once and raises what
// it finds in multi-row writes, so the statements it issues depend on the programs, never on how many
// items they hold nor on how many conditions it raises.

/** Wednesday 11 March 2026, 04:00 UTC: noon in Ningbo. */
const at = '2026-03-11T04:00:00.000Z';
/** A week later, past every deadline raised at `at`. */
const later = '2026-03-18T04:00:00.000Z';
const programs = 3;

interface Swept {
  readonly report: SweepReport;
  readonly statements: number;
}

/**
 * A fresh database with `programs` active programs, each with `missed` milestones missed (the conditions)
 * and `items` open milestones and `items` open actions due ahead (conditions of nothing); then two sweeps,
 * their statements counted.
 */
async function sweptPortfolio(dialect: (typeof dialects)[number], items: number, missed: number, made: TestDatabase[]): Promise<Swept[]> {
  const db = await createTestDatabase(dialect);
  made.push(db);
  let counting = false;
  let statements = 0;
  const opened = openStore({
    databaseUrl: db.databaseUrl,
    dataDir: db.dataDir,
    onStatement: () => {
      if (counting) statements++;
    },
  });
  try {
    await opened.migrate();
    const deps: AppDeps = { store: opened.store, clock: { now: () => new Date(at) }, newId: uuidv7, passwords: testPasswords };
    const admin = unwrap(await createPerson(deps, { actor: null, email: 'admin@example.test', name: 'Ana', isAdmin: true }));
    const adminActor: Actor = await principalOf(deps.store.reads, admin);
    const client = unwrap(await createClient(deps, { actor: adminActor, name: 'Northwind', country: 'US' }));
    const dana = unwrap(await createPerson(deps, { actor: adminActor, email: 'dana@example.test', name: 'Dana' }));
    unwrap(await grantRole(deps, { actor: adminActor, userId: dana.id, clientId: client.id, role: 'cadence_owner' }));
    const lead = await principalOf(deps.store.reads, dana);
    for (let p = 1; p <= programs; p++) {
      const program = unwrap(
        await createProgram(deps, {
          actor: adminActor,
          code: `SW-${p}`,
          name: `Sweep ${p}`,
          clientId: client.id,
          supplierName: 'S',
          factoryCity: 'Ningbo',
          factoryCountry: 'CN',
          timeZone: 'Asia/Shanghai',
          ownerId: lead.id,
        }),
      );
      const milestone = (name: string, date: string) =>
        createMilestone(deps, {
          programId: program.id,
          actor: lead,
          name,
          phase: 'G2',
          ownerId: lead.id,
          baselineDate: plainDate(date),
        });
      for (let i = 1; i <= missed; i++) unwrap(await milestone(`Missed ${i}`, '2026-03-06'));
      for (let i = 1; i <= items; i++) {
        unwrap(await milestone(`Ahead ${i}`, '2026-06-01'));
        unwrap(
          await openAction(deps, {
            programId: program.id,
            actor: lead,
            title: `Ahead ${i}`,
            ownerId: lead.id,
            dueDate: plainDate('2026-05-29'),
            severity: 'medium',
            blocksMilestoneId: null,
            riskId: null,
          }),
        );
      }
    }
    const sweeps: Swept[] = [];
    // Two sweeps at the instant, then one a week later: every escalation raised is past its deadline.
    for (const now of [at, at, later]) {
      statements = 0;
      counting = true;
      const report = await sweepEscalations({ ...deps, clock: { now: () => new Date(now) } });
      counting = false;
      sweeps.push({ report, statements });
    }
    return sweeps;
  } finally {
    await opened.store.close();
  }
}

describe.each(dialects)('the escalation sweep’s statements on %s', (dialect) => {
  const made: TestDatabase[] = [];
  afterAll(async () => {
    for (const db of made) await db.drop();
  });

  it('are as many with 6 open items and 3 conditions a program as with 2 and 1: no statement per item, raise or expiry', async () => {
    const few = await sweptPortfolio(dialect, 2, 1, made);
    const many = await sweptPortfolio(dialect, 6, 3, made);
    // Each program's missed milestones are raised by the first sweep only.
    for (const [sweeps, missed] of [
      [few, 1],
      [many, 3],
    ] as const) {
      expect(sweeps[0]?.report).toMatchObject({ programs, raised: programs * missed, expired: 0, climbed: 0, unowned: 0 });
      expect(sweeps[1]?.report).toMatchObject({ programs, raised: 0, expired: 0, climbed: 0 });
      // No escalation path in these programs: each one stays with its owner, expired.
      expect(sweeps[2]?.report).toMatchObject({ programs, raised: 0, expired: programs * missed, climbed: 0 });
    }
    expect(many[0]?.statements).toBe(few[0]?.statements);
    expect(many[1]?.statements).toBe(few[1]?.statements);
    expect(many[2]?.statements).toBe(few[2]?.statements);
    // Counted at all: a sweep reads at least the programs, its batch's records and writes its raises.
    expect(few[1]?.statements).toBeGreaterThan(5);
    expect(few[0]?.statements).toBeGreaterThan(few[1]?.statements ?? 0);
  }, 180_000);
});
