import type { Milestone } from '../contract/milestone.js';
import type { ProgramSummary } from '../contract/program.js';
import type { Result } from '../domain/result.js';
import type { Backend } from './backend.js';
import { fail, type Output } from './output.js';

// Resolving what people type (codes, keys, e-mail addresses) to records, or ending the command.

/** The value, or the command ends with the refusal. */
export const must = <T>(out: Output, r: Result<T>): T => (r.ok ? r.value : fail(out, r.error));

/** The program named by id or code (any case), or the command ends with PROGRAM_NOT_FOUND. */
export async function requireProgram(b: Backend, out: Output, ref: string): Promise<ProgramSummary> {
  const r = await b.getProgram({ params: { programId: ref.trim() } });
  if (r.ok) return r.value;
  if (r.error.code !== 'PROGRAM_NOT_FOUND') return fail(out, r.error);
  return fail(out, { ...r.error, message: `${r.error.message} See \`tollgate programs list\` for the codes.` });
}

/** The program's milestones in plan order. */
export async function milestonesOf(b: Backend, out: Output, p: ProgramSummary): Promise<Milestone[]> {
  return must(out, await b.listMilestones({ params: { programId: p.id } })).items;
}

/** The milestone named by key (M-12, any case) or id, or the command ends with MILESTONE_NOT_FOUND. */
export async function requireMilestone(b: Backend, out: Output, p: ProgramSummary, ref: string): Promise<Milestone> {
  const wanted = ref.trim();
  const found = (await milestonesOf(b, out, p)).find((m) => m.id === wanted || m.key === wanted.toUpperCase());
  return (
    found ??
    fail(out, {
      code: 'MILESTONE_NOT_FOUND',
      message: `No milestone "${ref}" in ${p.code}. See \`tollgate programs show ${p.code}\` for its keys.`,
    })
  );
}

/** A person holding a role on the program, named by e-mail address or id, for --owner; "none" means nobody. */
export async function resolveOwner(b: Backend, out: Output, p: ProgramSummary, ref: string): Promise<string | null> {
  const wanted = ref.trim();
  if (wanted.toLowerCase() === 'none') return null;
  const people = must(out, await b.listProgramPeople({ params: { programId: p.id } })).items;
  const person = people.find((x) => x.id === wanted || x.email === wanted.toLowerCase());
  return (
    person?.id ??
    fail(out, {
      code: 'USER_NOT_FOUND',
      message: `Nobody "${ref}" holds a role on ${p.code}. See \`tollgate programs people ${p.code}\` for who can own its items.`,
      fields: [{ path: '--owner', message: 'Not a member of this program.' }],
    })
  );
}

/** Like resolveOwner for a record that must keep an owner: "none" is refused as --owner's fault. */
export async function requireOwner(b: Backend, out: Output, p: ProgramSummary, ref: string): Promise<string> {
  return (
    (await resolveOwner(b, out, p, ref)) ??
    fail(out, {
      code: 'OWNER_REQUIRED',
      message: 'Every milestone, decision and action keeps an owner: name a person instead of "none".',
      fields: [{ path: '--owner', message: 'Name a person with a role on the program.' }],
    })
  );
}
