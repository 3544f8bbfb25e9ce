import { runUpdateRequests, type UpdateRequestRun } from '../../app/update-requests/run-update-requests.js';
import type { JobDefinition } from '../job.js';
import { everyMinutesOnTheClock } from '../schedule.js';

/**
 * The update request run: every 15 minutes on the UTC clock, like the escalation sweep (each program's local
 * midnight is a slot), it asks the owners of each program whose charter's request day has come, once per report
 * week: the week's requests are looked for under the program's lock before any is made, and are unique per owner.
 */
export const updateRequestRun: JobDefinition<UpdateRequestRun> = {
  name: 'update-request-run',
  description: "asks owners to update their items before the weekly report, on the charter's request day",
  schedule: everyMinutesOnTheClock(15),
  retryLimit: 2,
  run: ({ deps }) => runUpdateRequests(deps),
  summary: (r) =>
    `${r.requests} update request${r.requests === 1 ? '' : 's'} in ${r.programs} program${r.programs === 1 ? '' : 's'}${r.links > 0 ? `, ${r.links} with a signed link` : ''}`,
};
