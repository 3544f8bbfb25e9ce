import type { MilestoneLink } from '../../domain/milestone-link.js';
import type { Result } from '../../domain/result.js';
import { checkNewLink } from '../../domain/schedule/check-new-link.js';
import type { Actor, AppDeps } from '../deps.js';
import { abort, must } from '../transact.js';
import { insertRecord } from '../write-record.js';
import { programWrite } from '../write-sequence.js';
import { type MilestoneLinkView, milestoneLinkView } from './milestone-link-view.js';
import { loadSchedule } from './schedule.js';

export interface AddMilestoneLinkInput {
  readonly programId: string;
  readonly actor: Actor;
  /** Milestone id or key (M-12). */
  readonly predecessor: string;
  readonly successor: string;
  /** Business days from the predecessor's finish; 0 by default. */
  readonly lagDays?: number | undefined;
  readonly reason?: string | undefined;
}

/**
 * Makes one milestone depend on another (finish-to-start, with a lag). Refuses a milestone linked to
 * itself, a link that would close a cycle (naming it, M-3 → M-5 → M-3) and a pair already linked.
 */
export function addMilestoneLink(deps: AppDeps, input: AddMilestoneLinkInput): Promise<Result<MilestoneLinkView>> {
  // The no-cycle rule reads every link of the program: links added at once on two instances take turns.
  const target = {
    programId: input.programId,
    actor: input.actor,
    permission: 'milestone.link',
    locksProgram: true,
    reason: input.reason,
  } as const;
  return programWrite(
    deps,
    target,
    async ({ tx, program, meta }) => {
      const find = async (ref: string, path: string) => {
        const m = await tx.findMilestone(program.id, ref.trim());
        return (
          m ??
          abort({
            code: 'MILESTONE_NOT_FOUND',
            message: `No milestone "${ref}" in ${program.code}.`,
            fields: [{ path, message: `No milestone "${ref}" in ${program.code}.` }],
          })
        );
      };
      const predecessor = await find(input.predecessor, 'predecessor');
      const successor = await find(input.successor, 'successor');
      const { graph } = must(await loadSchedule(tx, program.id));
      const lagDays = input.lagDays ?? 0;
      must(checkNewLink(graph, { predecessorId: predecessor.id, successorId: successor.id, lagDays }));
      const existing = await tx.listMilestoneLinks(program.id);
      if (existing.some((l) => l.predecessorId === predecessor.id && l.successorId === successor.id)) {
        abort({ code: 'LINK_EXISTS', message: `${successor.key} already depends on ${predecessor.key}.` });
      }
      const link: MilestoneLink = {
        id: deps.newId(),
        programId: program.id,
        predecessorId: predecessor.id,
        successorId: successor.id,
        lagDays,
        version: 1,
      };
      await insertRecord(
        deps,
        tx,
        { entity: 'milestone_link', id: link.id, programId: program.id, entityKey: `${predecessor.key}→${successor.key}`, meta },
        { programId: link.programId, predecessorId: link.predecessorId, successorId: link.successorId, lagDays },
      );
      return link;
    },
    // Both ends as committed, named.
    async ({ program, value: link }) => {
      const ends = await Promise.all([link.predecessorId, link.successorId].map((id) => deps.store.reads.findMilestone(program.id, id)));
      return milestoneLinkView(link, new Map(ends.flatMap((m) => (m ? [[m.id as string, m]] : []))));
    },
  );
}
