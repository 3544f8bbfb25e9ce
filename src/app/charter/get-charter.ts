import { type Charter, charterGaps, emptyCharter } from '../../domain/charter.js';
import { phases } from '../../domain/milestone.js';
import type { FieldProblem, Result } from '../../domain/result.js';
import { ok } from '../../domain/result.js';
import type { Actor, AppDeps } from '../deps.js';
import { type AuthorizedProgram, findAccessibleProgram } from '../get-program.js';
import type { Reads, StoredCharter } from '../ports.js';

/** The gates a program's charter defines success for: its milestones' phases, G1–G4 for every program today. */
export const charterGateKeys = (_program: AuthorizedProgram): readonly string[] => phases;

/** Someone the charter names, as a page shows them. */
export interface CharterPerson {
  readonly id: string;
  readonly name: string;
  readonly email: string;
}

/**
 * A program's kickoff charter as the API shows it: the charter itself (people by id, so it can be sent
 * back as it was read), the people it names, the program's gates, what activation still needs (`gaps`)
 * and the version to send with a change (0 while none was saved).
 */
export interface CharterView extends Charter {
  readonly programId: string;
  readonly programCode: string;
  readonly people: readonly CharterPerson[];
  readonly gates: readonly string[];
  readonly gaps: readonly FieldProblem[];
  readonly version: number;
}

/** The ids a charter names, each once, in the order it names them. */
export const charterPeopleIds = (c: Charter): string[] => [
  ...new Set([...(c.decisionOwnerId ? [c.decisionOwnerId] : []), ...c.escalationPath, ...c.weeklyReport.recipientIds]),
];

/** The view of a charter as stored (the empty one, version 0, while none was saved). */
export async function charterView(reads: Reads, program: AuthorizedProgram, stored: StoredCharter | null): Promise<CharterView> {
  const { charter, version } = stored ?? { charter: emptyCharter, version: 0 };
  const ids = charterPeopleIds(charter);
  const users = ids.length === 0 ? [] : await reads.findUsers(ids);
  const byId = new Map(users.map((u) => [u.id as string, u]));
  const gates = charterGateKeys(program);
  return {
    programId: program.id,
    programCode: program.code,
    ...charter,
    people: ids.flatMap((id) => {
      const u = byId.get(id);
      return u ? [{ id: u.id, name: u.name, email: u.email }] : [];
    }),
    gates,
    gaps: charterGaps(charter, gates),
    version,
  };
}

/** A program's kickoff charter, for everyone who may read the program. */
export async function getCharter(
  deps: AppDeps,
  input: { readonly programId: string; readonly actor: Actor },
): Promise<Result<CharterView>> {
  const reads = deps.store.reads;
  const found = await findAccessibleProgram(reads, input.actor, input.programId);
  if (!found.ok) return found;
  const { program } = found.value;
  return ok(await charterView(reads, program, await reads.findCharter(program.id)));
}
