import { uploadOfficialSchedule } from '../app/calendar/upload-official-schedule.js';
import type { Actor } from '../app/deps.js';
import { getGatePack } from '../app/gates/gate-pack.js';
import { getMe } from '../app/people/get-me.js';
import type { OperationContext } from '../bindings/binding.js';
import { runOperation } from '../bindings/run-operation.js';
import { type OperationInput, type OperationName, operationNames } from '../contract/operations.js';
import { gatePackFileName } from '../domain/gates/gate-pack.js';
import { ok, type Result, refuse } from '../domain/result.js';
import { meJson } from '../present/api-json.js';
import type { Backend, OperationCall, OperationCalls } from './backend.js';
import type { Session } from './session.js';

/** The refusal of a command that needs a person when nobody is named. */
export const nobodyNamed = () => refuse<never>('UNAUTHENTICATED', 'say who you are: --as <email>, TOLLGATE_AS, or tollgate login');

/**
 * The commands on the configured database, acting as the session's person: each operation runs
 * its binding in-process (bindings/run-operation.ts), and the use cases apply the policy to them
 * exactly as the API does to a signed-in person.
 */
export function databaseBackend(s: Session): Backend {
  const { deps } = s;
  const actor = (): Result<Actor> => (!s.actor.ok ? s.actor : s.actor.value ? ok(s.actor.value) : nobodyNamed());
  /** Runs fn as the named person, or refuses when there is none. */
  const as = async <T>(fn: (a: Actor) => Promise<Result<T>>): Promise<Result<T>> => {
    const a = actor();
    return a.ok ? fn(a.value) : a;
  };
  // The CLI reports failures itself; nothing here has an operator's log.
  const context = (a: Actor, origin?: string): OperationContext => ({ app: deps, actor: a, origin, logError: () => {} });
  const call =
    <K extends OperationName>(name: K): OperationCall<K> =>
    (...input: unknown[]) =>
      as((a) => runOperation(context(a), name, (input[0] ?? {}) as OperationInput<K>));
  const calls = Object.fromEntries(operationNames.map((name) => [name, call(name)])) as unknown as OperationCalls;

  return {
    ...calls,
    kind: 'database',
    where: s.location,

    me: () =>
      as(async (a) => {
        const { csrfToken: _c, via: _v, ...me } = meJson(await getMe(deps, { actor: a }), undefined);
        return ok(me);
      }),

    invitePerson: (body, baseUrl) => as((a) => runOperation(context(a, baseUrl), 'invitePerson', { body })),

    uploadOfficialSchedule: (programId, text) => as((a) => uploadOfficialSchedule(deps, { programId, actor: a, text })),

    gatePack: (programId, gateKey, timeZone) =>
      as(async (a) => {
        const r = await getGatePack(deps, { programId, gateKey, timeZone, actor: a });
        if (!r.ok) return r;
        // pdfkit is loaded only by the command that draws a pack.
        const { renderGatePack } = await import('../pdf/gate-pack.js');
        return ok({ pdf: await renderGatePack(r.value), fileName: gatePackFileName(r.value.program.code, r.value.gate.key) });
      }),

    close: () => s.close(),
  };
}
