import { type CharterView, getCharter } from '../app/charter/get-charter.js';
import { setCharter } from '../app/charter/set-charter.js';
import type { charterOperations } from '../contract/operations/charter.js';
import { updateRequestRuleOf } from '../domain/charter.js';
import type { UserId } from '../domain/ids.js';
import { type Bindings, type OperationAnswer, presented } from './binding.js';

/** The view as the document: the same data, its lists no longer read-only. */
const document = (v: CharterView): OperationAnswer<'getCharter'> => ({
  ...v,
  escalationPath: [...v.escalationPath],
  successDefinitions: { ...v.successDefinitions },
  weeklyReport: {
    ...v.weeklyReport,
    recipientIds: [...v.weeklyReport.recipientIds],
    recipientEmails: [...v.weeklyReport.recipientEmails],
    updateRequests: { ...updateRequestRuleOf(v) },
  },
  people: [...v.people],
  gates: [...v.gates],
  gaps: [...v.gaps],
});

/** A program's kickoff charter (contract/operations/charter.ts). */
export const charterBindings: Bindings<keyof typeof charterOperations> = {
  getCharter: async ({ app, actor }, { params }) => presented(await getCharter(app, { ...params, actor }), document),

  setCharter: async ({ app, actor }, { params, body }) => {
    const { version, reason, ...charter } = body;
    return presented(
      await setCharter(app, {
        ...params,
        actor,
        version,
        reason,
        charter: {
          ...charter,
          decisionOwnerId: charter.decisionOwnerId as UserId | null,
          escalationPath: charter.escalationPath as UserId[],
          weeklyReport: { ...charter.weeklyReport, recipientIds: charter.weeklyReport.recipientIds as UserId[] },
        },
      }),
      document,
    );
  },
};
