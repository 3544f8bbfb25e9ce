import { type LeadershipMailRun, mailLeadershipViews } from '../../app/reports/mail-leadership-view.js';
import type { JobDefinition } from '../job.js';
import { everyMinutesOnTheClock } from '../schedule.js';

/**
 * The weekly leadership view to its subscribers: every 15 minutes on the UTC clock, so Monday 08:00 in every
 * zone starts a slot. Idempotent: one e-mail per person and week (the outbox's dedupe key).
 */
export const leadershipMail: JobDefinition<LeadershipMailRun> = {
  name: 'leadership-mail',
  description: "e-mails last week's leadership view to its subscribers on Monday from 08:00 in their zone",
  schedule: everyMinutesOnTheClock(15),
  retryLimit: 2,
  run: ({ deps }) => mailLeadershipViews(deps),
  summary: (r) => `${r.queued} leadership view${r.queued === 1 ? '' : 's'} queued of ${r.due} due`,
};
