import { confirmAction } from '../app/actions/confirm-action.js';
import { editAction } from '../app/actions/edit-action.js';
import { getAction } from '../app/actions/get-action.js';
import { listActions } from '../app/actions/list-actions.js';
import { markActionDone } from '../app/actions/mark-action-done.js';
import { openAction } from '../app/actions/open-action.js';
import { recordEffectiveness } from '../app/actions/record-effectiveness.js';
import { reopenAction } from '../app/actions/reopen-action.js';
import { myWeek } from '../app/my-week.js';
import type { actionOperations } from '../contract/operations/actions.js';
import type { PlainDate } from '../domain/plain-date.js';
import { ok } from '../domain/result.js';
import { actionJson, myWeekJson } from '../present/actions-json.js';
import { type Bindings, presented } from './binding.js';
import { todayOf, warned } from './warnings.js';

const date = (d: string | null | undefined) => d as PlainDate | null | undefined;

/** Actions and the person's week (contract/operations/actions.ts). */
export const actionBindings: Bindings<keyof typeof actionOperations> = {
  listActions: async ({ app, actor }, { params, query }) =>
    presented(await listActions(app, { ...params, ...query, actor }), (page) => ({
      items: page.items.map(actionJson),
      nextCursor: page.nextCursor,
      period: { ...page.period },
    })),

  getAction: async ({ app, actor }, { params }) => presented(await getAction(app, { ...params, actor }), actionJson),

  openAction: async ({ app, actor }, { params, body: b }) => {
    const r = await openAction(app, { programId: params.programId, actor, ...b, dueDate: date(b.dueDate), checkDate: date(b.checkDate) });
    return presented(r, warned(r, actionJson, todayOf(app.clock.now()), { dueDate: b.dueDate }));
  },

  editAction: async ({ app, actor }, { params, body: { version, reason, ...patch } }) => {
    const r = await editAction(app, {
      ...params,
      version,
      reason,
      actor,
      patch: { ...patch, dueDate: date(patch.dueDate), checkDate: date(patch.checkDate) },
    });
    return presented(r, warned(r, actionJson, todayOf(app.clock.now()), { dueDate: patch.dueDate }));
  },

  markActionDone: async ({ app, actor }, { params, body }) =>
    presented(await markActionDone(app, { ...params, ...body, actor }), actionJson),
  confirmAction: async ({ app, actor }, { params, body }) => presented(await confirmAction(app, { ...params, ...body, actor }), actionJson),
  reopenAction: async ({ app, actor }, { params, body }) => presented(await reopenAction(app, { ...params, ...body, actor }), actionJson),
  recordEffectiveness: async ({ app, actor }, { params, body }) =>
    presented(await recordEffectiveness(app, { ...params, ...body, actor }), actionJson),

  myWeek: async ({ app, actor, logError }) => {
    const week = await myWeek(app, { actor });
    for (const u of week.unavailable) {
      logError({ err: u.failure, programId: u.program.id, programCode: u.program.code }, "program's week could not be computed");
    }
    return ok(myWeekJson(week));
  },
};
