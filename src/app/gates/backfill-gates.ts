import { defaultFourGateTemplate } from '../../domain/gates/default-four-gate.js';
import type { Result } from '../../domain/result.js';
import { ok } from '../../domain/result.js';
import { principalOf } from '../auth/principal.js';
import type { AppDeps } from '../deps.js';
import { programCalendar } from '../views.js';
import { programWrite } from '../write-sequence.js';
import { writeGates } from './make-gates.js';

const reason = 'Gates of the default four-gate template, for a program made before Tollgate had gates';

/**
 * Gives every program without gates the default four gates (after migration 0015), each gate's review
 * taken from its plan, through the one write path under the workspace's first admin (by name) and a
 * reason that says why. Programs that have gates are left alone, so running it again does nothing.
 * Answers how many programs got gates.
 */
export async function backfillGates(deps: AppDeps): Promise<Result<number>> {
  const reads = deps.store.reads;
  const programs = await reads.listPrograms();
  if (programs.length === 0) return ok(0);
  const admin = (await reads.listUsers()).find((u) => u.isAdmin && u.status === 'active');
  if (!admin) return ok(0);
  const actor = await principalOf(reads, admin);
  let count = 0;
  for (const p of programs) {
    const done = await programWrite(
      deps,
      { programId: p.id, actor, permission: 'gate.edit', orAdmin: true, locksProgram: true, reason },
      async ({ tx, program, metaForAnother }) => {
        if ((await tx.listGates(program.id)).length > 0) return false;
        await writeGates(deps, tx, () => metaForAnother(), program, defaultFourGateTemplate, programCalendar(program));
        return true;
      },
    );
    if (!done.ok) return done;
    if (done.value) count++;
  }
  return ok(count);
}
