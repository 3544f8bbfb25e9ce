import { CharterSchema, SetCharterSchema } from '../charter.js';
import { defineOperations, readRefusals, writeRefusals } from '../operation.js';
import { ProgramParamsSchema } from '../program.js';

const tags = ['charter'];

/** A program's kickoff charter, written before activation. */
export const charterOperations = defineOperations({
  getCharter: {
    method: 'GET',
    path: '/programs/:programId/charter',
    tags,
    summary: "The program's kickoff charter, with what activation still needs (gaps); version 0 while none was saved",
    params: ProgramParamsSchema,
    status: 200,
    response: CharterSchema,
    refusals: readRefusals,
  },
  setCharter: {
    method: 'PUT',
    path: '/programs/:programId/charter',
    tags,
    summary: 'Write the whole kickoff charter (cadence owner), at the version read, with an optional reason',
    description:
      'Decision owner, escalation path (at most 5 levels) and weekly report recipients are people who hold a role on the program or its client. Success is defined per gate (G1 … G4). A charter may be saved incomplete (see gaps), never with a wrong value (422 naming the fields).',
    params: ProgramParamsSchema,
    body: SetCharterSchema,
    status: 200,
    response: CharterSchema,
    refusals: writeRefusals,
  },
});
