import type { ProgramId } from './ids.js';
import type { DependencyLink } from './schedule/dependency.js';

/** A stored finish-to-start dependency between two milestones of one program (rules in schedule/dependency.ts). */
export interface MilestoneLink extends DependencyLink {
  readonly id: string;
  readonly programId: ProgramId;
  readonly version: number;
}
