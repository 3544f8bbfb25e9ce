import { createMilestoneOp } from './create-milestone.js';
import { listChangesOp } from './list-changes.js';
import { listPortfolio } from './list-portfolio.js';
import { loadProgram } from './load-program.js';
import { moveMilestoneOp } from './move-milestone.js';
import type { Operation } from './types.js';

/**
 * Every benchmarked operation, in run order. Reads come first so that the writes (which add
 * milestones and change-log rows) do not change the data the reads see within one run.
 * To add one: write bench/operations/<name>.ts with defineOperation() and list it here.
 */
export const operations: readonly Operation[] = [loadProgram, listPortfolio, listChangesOp, moveMilestoneOp, createMilestoneOp];
