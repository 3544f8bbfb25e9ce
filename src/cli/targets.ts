import { getProgram } from '../app/get-program.js';
import { listMilestones } from '../app/list-milestones.js';
import { listUsers } from '../app/list-users.js';
import type { MilestoneView, ProgramView } from '../app/views.js';
import type { UserId } from '../domain/ids.js';
import { fail, type Output } from './output.js';
import type { Session } from './session.js';

// Resolving what people type (codes, keys, e-mail addresses) to records, or ending the command.

/** The program named by id or code (any case), or the command ends with PROGRAM_NOT_FOUND. */
export async function requireProgram(s: Session, out: Output, ref: string): Promise<ProgramView> {
  const r = await getProgram(s.deps, { programId: ref.trim() });
  return r.ok ? r.value : fail(out, { ...r.error, message: `${r.error.message} See \`tollgate programs list\` for the codes.` });
}

/** The program's milestones in plan order. */
export async function milestonesOf(s: Session, out: Output, p: ProgramView): Promise<MilestoneView[]> {
  const r = await listMilestones(s.deps, { programId: p.program.id });
  return r.ok ? r.value : fail(out, r.error);
}

/** The milestone named by key (M-12, any case) or id, or the command ends with MILESTONE_NOT_FOUND. */
export async function requireMilestone(s: Session, out: Output, p: ProgramView, ref: string): Promise<MilestoneView> {
  const wanted = ref.trim();
  const found = (await milestonesOf(s, out, p)).find((v) => v.milestone.id === wanted || v.milestone.key === wanted.toUpperCase());
  return (
    found ??
    fail(out, {
      code: 'MILESTONE_NOT_FOUND',
      message: `No milestone "${ref}" in ${p.program.code}. See \`tollgate programs show ${p.program.code}\` for its keys.`,
    })
  );
}

/** A person named by e-mail address or id, for --owner; "none" means nobody. */
export async function resolveOwner(s: Session, out: Output, ref: string): Promise<UserId | null> {
  const wanted = ref.trim();
  if (wanted.toLowerCase() === 'none') return null;
  const users = await listUsers(s.deps);
  const u = users.find((x) => x.id === wanted || x.email === wanted.toLowerCase());
  return (
    u?.id ??
    fail(out, {
      code: 'USER_NOT_FOUND',
      message: `No person "${ref}". Give an e-mail address or id from \`tollgate users list\`.`,
      fields: [{ path: '--owner', message: 'Unknown person.' }],
    })
  );
}
