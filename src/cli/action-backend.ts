import type { z } from 'zod';
import { confirmAction } from '../app/actions/confirm-action.js';
import { editAction } from '../app/actions/edit-action.js';
import { listActions } from '../app/actions/list-actions.js';
import { markActionDone } from '../app/actions/mark-action-done.js';
import { openAction } from '../app/actions/open-action.js';
import { recordEffectiveness } from '../app/actions/record-effectiveness.js';
import { reopenAction } from '../app/actions/reopen-action.js';
import type { AppDeps } from '../app/deps.js';
import { myWeek } from '../app/my-week.js';
import type {
  Action,
  ActionsQuerySchema,
  ConfirmSchema,
  EditActionSchema,
  EffectivenessSchema,
  MarkDoneSchema,
  OpenActionSchema,
  ReopenSchema,
} from '../contract/action.js';
import type { MyWeek } from '../contract/my-week.js';
import type { PlainDate } from '../domain/plain-date.js';
import { ok, type Result } from '../domain/result.js';
import { actionJson, myWeekJson } from '../present/actions-json.js';
import type { As, Call, Items } from './backend-parts.js';
import { withCurrentAsJson } from './backend-parts.js';

// The action and "my week" commands' part of the Backend (cli/backend.ts), on the database and over
// the API: the same JSON and the same refusals either way.

export type OpenActionBody = z.output<typeof OpenActionSchema>;
export type EditActionBody = z.output<typeof EditActionSchema>;
export type MarkDoneBody = z.output<typeof MarkDoneSchema>;
export type ConfirmBody = z.output<typeof ConfirmSchema>;
export type ReopenBody = z.output<typeof ReopenSchema>;
export type EffectivenessBody = z.output<typeof EffectivenessSchema>;
export type ActionsQuery = Partial<z.output<typeof ActionsQuerySchema>>;

/** Actions and the week, as the Backend offers them. Writes refused with VERSION_CONFLICT carry the current action (as JSON) in `current`. */
export interface ActionBackend {
  listActions(programId: string, query: ActionsQuery): Promise<Result<Action[]>>;
  openAction(programId: string, body: OpenActionBody): Promise<Result<Action>>;
  editAction(programId: string, actionId: string, body: EditActionBody): Promise<Result<Action>>;
  markActionDone(programId: string, actionId: string, body: MarkDoneBody): Promise<Result<Action>>;
  confirmAction(programId: string, actionId: string, body: ConfirmBody): Promise<Result<Action>>;
  reopenAction(programId: string, actionId: string, body: ReopenBody): Promise<Result<Action>>;
  recordEffectiveness(programId: string, actionId: string, body: EffectivenessBody): Promise<Result<Action>>;
  /** The signed-in person's week across their programs. */
  myWeek(): Promise<Result<MyWeek>>;
}

/** A use case's result as JSON, with the current state of a VERSION_CONFLICT as JSON too. */
const asJson = withCurrentAsJson(actionJson);

const date = (d: string | null | undefined) => d as PlainDate | null | undefined;

/** The action commands on the database, acting as the session's person (see database-backend.ts). */
export function actionsOnDatabase(deps: AppDeps, as: As): ActionBackend {
  return {
    listActions: (programId, q) =>
      as(async (a) => asJson(await listActions(deps, { programId, actor: a, ...q }), (items) => items.map(actionJson))),
    openAction: (programId, b) =>
      as(async (a) =>
        asJson(await openAction(deps, { programId, actor: a, ...b, dueDate: date(b.dueDate), checkDate: date(b.checkDate) }), actionJson),
      ),
    editAction: (programId, actionId, { version, reason, ...patch }) =>
      as(async (a) =>
        asJson(
          await editAction(deps, {
            programId,
            actionId,
            version,
            reason,
            actor: a,
            patch: { ...patch, dueDate: date(patch.dueDate), checkDate: date(patch.checkDate) },
          }),
          actionJson,
        ),
      ),
    markActionDone: (programId, actionId, b) =>
      as(async (a) => asJson(await markActionDone(deps, { programId, actionId, actor: a, ...b }), actionJson)),
    confirmAction: (programId, actionId, b) =>
      as(async (a) => asJson(await confirmAction(deps, { programId, actionId, actor: a, ...b }), actionJson)),
    reopenAction: (programId, actionId, b) =>
      as(async (a) => asJson(await reopenAction(deps, { programId, actionId, actor: a, ...b }), actionJson)),
    recordEffectiveness: (programId, actionId, b) =>
      as(async (a) => asJson(await recordEffectiveness(deps, { programId, actionId, actor: a, ...b }), actionJson)),
    myWeek: () => as(async (a) => ok(myWeekJson(await myWeek(deps, { actor: a })))),
  };
}

/** The action commands over the HTTP API (see server-backend.ts): `call` answers a JSON body, `items` a list's items. */
export function actionsOverHttp(call: Call, items: Items): ActionBackend {
  const seg = encodeURIComponent;
  const url = (programId: string, actionId?: string, step = '') =>
    `/programs/${seg(programId)}/actions${actionId === undefined ? '' : `/${seg(actionId)}`}${step}`;
  return {
    listActions: (programId, q) => items<Action>({ method: 'GET', path: url(programId), query: { status: q.status, ownerId: q.ownerId } }),
    openAction: (programId, body) => call<Action>({ method: 'POST', path: url(programId), body }),
    editAction: (programId, actionId, body) => call<Action>({ method: 'PATCH', path: url(programId, actionId), body }),
    markActionDone: (programId, actionId, body) => call<Action>({ method: 'POST', path: url(programId, actionId, '/done'), body }),
    confirmAction: (programId, actionId, body) => call<Action>({ method: 'POST', path: url(programId, actionId, '/confirm'), body }),
    reopenAction: (programId, actionId, body) => call<Action>({ method: 'POST', path: url(programId, actionId, '/reopen'), body }),
    recordEffectiveness: (programId, actionId, body) =>
      call<Action>({ method: 'POST', path: url(programId, actionId, '/effectiveness'), body }),
    myWeek: () => call<MyWeek>({ method: 'GET', path: '/me/week' }),
  };
}
