import type { Milestone } from '../../domain/milestone.js';
import type { MilestoneLink } from '../../domain/milestone-link.js';

/** A dependency as people see it: both ends with key and name. */
export interface MilestoneLinkView {
  readonly link: MilestoneLink;
  readonly predecessor: { readonly id: string; readonly key: string; readonly name: string };
  readonly successor: { readonly id: string; readonly key: string; readonly name: string };
}

const end = (m: Milestone | undefined, id: string) => ({ id, key: m?.key ?? id, name: m?.name ?? '' });

export function milestoneLinkView(link: MilestoneLink, milestones: ReadonlyMap<string, Milestone>): MilestoneLinkView {
  return {
    link,
    predecessor: end(milestones.get(link.predecessorId), link.predecessorId),
    successor: end(milestones.get(link.successorId), link.successorId),
  };
}
