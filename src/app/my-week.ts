import { type IsoWeek, isoWeekOf, type MyWeekItems, type ProgramWeek, selectMyWeek } from '../domain/my-week.js';
import { dateInZone } from '../domain/plain-date.js';
import { accessProgram } from '../domain/policy.js';
import type { Program } from '../domain/program.js';
import type { Actor, AppDeps } from './deps.js';
import { programToday } from './views.js';

export interface MyWeekView extends MyWeekItems {
  /** The current ISO week in the person's own time zone (each program's items use the program's). */
  readonly week: IsoWeek;
  /** The programs the items belong to, by id. */
  readonly programs: ReadonlyMap<string, Program>;
  /** Programs whose week could not be worked out (the error is in `failure`, for the log); the rest is served. */
  readonly unavailable: readonly { readonly program: Program; readonly failure: unknown }[];
}

/**
 * What the signed-in person must do this week across every program they see (closed programs aside):
 * decisions to make, actions due, closures to confirm, risks to review, milestones to deliver.
 */
export async function myWeek(deps: AppDeps, input: { actor: Actor }): Promise<MyWeekView> {
  const r = deps.store.reads;
  const now = deps.clock.now();
  const [programs, user] = await Promise.all([r.listPrograms(), r.findUser(input.actor.id)]);
  const visible = programs.flatMap((program) => {
    const access = accessProgram(input.actor, program);
    return access.ok && program.status !== 'closed' ? [{ program, access: access.value }] : [];
  });
  const ids = visible.map((v) => v.access.programId);
  const [decisions, actions, risks, milestones] = await Promise.all([
    r.listDecisions(ids),
    r.listActions(ids),
    r.listRisks(ids),
    r.listMilestonesOfPrograms(ids),
  ]);
  const of = <T extends { readonly programId: string }>(items: readonly T[], id: string) => items.filter((i) => i.programId === id);
  const weeks: ProgramWeek[] = [];
  const unavailable: { program: Program; failure: unknown }[] = [];
  for (const { program, access } of visible) {
    try {
      weeks.push({
        programId: program.id,
        programCode: program.code,
        today: programToday(program, now),
        isCadenceOwner: access.roles.includes('cadence_owner'),
        decisions: of(decisions, program.id),
        actions: of(actions, program.id),
        risks: of(risks, program.id),
        milestones: of(milestones, program.id),
      });
    } catch (failure) {
      unavailable.push({ program, failure });
    }
  }
  return {
    week: isoWeekOf(dateInZone(now, user?.timeZone ?? 'UTC')),
    programs: new Map(visible.map((v) => [v.program.id, v.program])),
    unavailable,
    ...selectMyWeek(input.actor.id, weeks),
  };
}
