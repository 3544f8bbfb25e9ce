import { businessDaysAddCn, businessDaysCountCn, businessDaysCountTw } from './business-days.js';
import { createMilestoneOp } from './create-milestone.js';
import { escalationSweep } from './escalation-sweep.js';
import { leadershipViewOp } from './leadership-view.js';
import { listChangesOp, listChangesPage } from './list-changes.js';
import { listPortfolio } from './list-portfolio.js';
import { loadProgram } from './load-program.js';
import { moveMilestoneOp } from './move-milestone.js';
import { myWeekAdmin, myWeekMember } from './my-week.js';
import { loadPlan, mtaChart } from './plan-view.js';
import {
  buildGraph10k,
  propagate10k,
  propagate10kCn,
  propagate10kWorst,
  propagate10kWorstCn,
  slack10k,
  slack10kCn,
  topoSort10k,
} from './propagate-10k.js';
import { reportDraft500, reportDraft500Past } from './report-draft.js';
import { signInUnknownEmail, signInWrongPassword } from './sign-in.js';
import type { Operation, PureOperation } from './types.js';

/**
 * Every benchmarked operation, in run order. Reads come first so that the writes (which add
 * milestones and change-log rows) do not change the data the reads see within one run.
 * To add one: write bench/operations/<name>.ts with defineOperation() and list it here.
 */
export const operations: readonly Operation[] = [
  loadProgram,
  listPortfolio,
  myWeekAdmin,
  myWeekMember,
  loadPlan,
  mtaChart,
  listChangesOp,
  listChangesPage,
  leadershipViewOp,
  // After the reads (the escalations it raises count in health), before the writes that move milestones.
  escalationSweep,
  moveMilestoneOp,
  createMilestoneOp,
  signInWrongPassword,
  signInUnknownEmail,
  // Last: their setup writes one more program (500 milestones, a year of history), which the other operations never see.
  reportDraft500,
  reportDraft500Past,
];

/** Operations on in-memory domain data: measured once per run, before the dialects, without a database. */
export const pureOperations: readonly PureOperation[] = [
  topoSort10k,
  propagate10k,
  propagate10kWorst,
  slack10k,
  propagate10kCn,
  propagate10kWorstCn,
  slack10kCn,
  buildGraph10k,
  businessDaysCountCn,
  businessDaysAddCn,
  businessDaysCountTw,
];
