import { unwrap } from '../../src/app/create-records.js';
import type { Actor } from '../../src/app/deps.js';
import { transact } from '../../src/app/transact.js';
import { insertRecord } from '../../src/app/write-record.js';
import type { ProgramId, UserId } from '../../src/domain/ids.js';
import type { PlainDate } from '../../src/domain/plain-date.js';
import type { Program } from '../../src/domain/program.js';
import type { TestServer } from '../support/app.js';

/*
 * Decisions and risks written straight through the one write path (Tx.write), so that the action and
 * "my week" suites do not depend on how the decision and risk use cases evolve: only on the stored
 * shape, which is the store's migration.
 */

export interface SeededRecord {
  readonly id: string;
  readonly key: string;
}

export async function seedDecision(
  t: TestServer,
  program: Program,
  by: Actor,
  d: { statement: string; ownerId: string | null; dueDate: string | null; status?: 'open' | 'decided' | 'superseded' },
): Promise<SeededRecord> {
  const id = t.deps.newId();
  return unwrap(
    await transact(t.deps.store, async (tx) => {
      const key = await tx.nextKey(program.id as ProgramId, 'D');
      await insertRecord(
        t.deps,
        tx,
        { entity: 'decision', id, programId: program.id, entityKey: key, actorId: by.id },
        {
          programId: program.id,
          key,
          statement: d.statement,
          context: '',
          options: '',
          ownerId: d.ownerId as UserId | null,
          requestedById: by.id,
          dueDate: d.dueDate as PlainDate | null,
          status: d.status ?? 'open',
          outcome: null,
          rationale: null,
          expectedImpact: null,
          decidedAt: null,
          decidedById: null,
          supersedesId: null,
          supersededById: null,
        },
      );
      return { id, key };
    }),
  );
}

export async function seedRisk(
  t: TestServer,
  program: Program,
  by: Actor,
  r: {
    title: string;
    ownerId: string | null;
    likelihood: number;
    impact: number;
    reviewDate: string | null;
    status?: 'open' | 'mitigating' | 'closed' | 'realized';
  },
): Promise<SeededRecord> {
  const id = t.deps.newId();
  return unwrap(
    await transact(t.deps.store, async (tx) => {
      const key = await tx.nextKey(program.id as ProgramId, 'R');
      await insertRecord(
        t.deps,
        tx,
        { entity: 'risk', id, programId: program.id, entityKey: key, actorId: by.id },
        {
          programId: program.id,
          key,
          title: r.title,
          description: '',
          ownerId: r.ownerId as UserId | null,
          category: 'supply',
          likelihood: r.likelihood,
          impact: r.impact,
          earlyWarning: '',
          strategy: 'mitigate',
          mitigation: '',
          residualLikelihood: null,
          residualImpact: null,
          reviewDate: r.reviewDate as PlainDate | null,
          status: r.status ?? 'open',
        },
      );
      return { id, key };
    }),
  );
}
