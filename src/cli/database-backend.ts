import { createApiToken } from '../app/auth/create-api-token.js';
import { invitePerson } from '../app/auth/invite-person.js';
import { listApiTokens } from '../app/auth/list-api-tokens.js';
import { revokeApiToken } from '../app/auth/revoke-api-token.js';
import { completeMilestone } from '../app/complete-milestone.js';
import { createMilestone } from '../app/create-milestone.js';
import type { Actor } from '../app/deps.js';
import { getProgram } from '../app/get-program.js';
import { listChanges } from '../app/list-changes.js';
import { listMilestones } from '../app/list-milestones.js';
import { listPrograms } from '../app/list-programs.js';
import type { SavedMilestoneView } from '../app/milestone-write.js';
import { moveMilestone } from '../app/move-milestone.js';
import { getMe } from '../app/people/get-me.js';
import { listClients } from '../app/people/list-clients.js';
import { listPeople } from '../app/people/list-people.js';
import { listProgramPeople } from '../app/people/list-program-people.js';
import { describeMemberships } from '../app/people/membership-views.js';
import { updateMilestone } from '../app/update-milestone.js';
import type { MilestoneView } from '../app/views.js';
import type { Milestone } from '../contract/milestone.js';
import type { UserId } from '../domain/ids.js';
import type { PlainDate } from '../domain/plain-date.js';
import { ok, type Result, refuse } from '../domain/result.js';
import {
  apiTokenJson,
  changeJson,
  membershipJson,
  milestoneJson,
  personJson,
  programJson,
  savedMilestoneJson,
} from '../present/api-json.js';
import { actionsOnDatabase } from './action-backend.js';
import type { Backend } from './backend.js';
import { calendarOnDatabase } from './calendar-backend.js';
import { decisionsOnDatabase } from './decision-backend.js';
import { linksOnDatabase } from './link-backend.js';
import { planOnDatabase } from './plan-backend.js';
import { risksOnDatabase } from './risk-backend.js';
import type { Session } from './session.js';

/** The refusal of a command that needs a person when nobody is named. */
export const nobodyNamed = () => refuse<never>('UNAUTHENTICATED', 'say who you are: --as <email>, TOLLGATE_AS, or tollgate login');

const map = <T, U>(r: Result<T>, f: (v: T) => U): Result<U> => (r.ok ? ok(f(r.value)) : r);

/**
 * A milestone write's result as JSON, with the current state of a VERSION_CONFLICT as JSON too; a
 * move's or completion's answer lists what it pushed, as the API's does.
 */
function milestoneResult(r: Result<MilestoneView | SavedMilestoneView>): Result<Milestone> {
  if (r.ok) return ok('pushed' in r.value ? savedMilestoneJson(r.value) : milestoneJson(r.value));
  const current = r.error.current as MilestoneView | undefined;
  return { ok: false, error: current ? { ...r.error, current: milestoneJson(current) } : r.error };
}

/**
 * The commands on the configured database, acting as the session's person: the use cases apply the
 * policy to them exactly as the API does to a signed-in person.
 */
export function databaseBackend(s: Session): Backend {
  const { deps } = s;
  const actor = (): Result<Actor> => (!s.actor.ok ? s.actor : s.actor.value ? ok(s.actor.value) : nobodyNamed());
  /** Runs fn as the named person, or refuses when there is none. */
  const as = async <T>(fn: (a: Actor) => Promise<Result<T>>): Promise<Result<T>> => {
    const a = actor();
    return a.ok ? fn(a.value) : a;
  };

  return {
    kind: 'database',
    where: s.location,

    me: () =>
      as(async (a) => {
        const { user, memberships } = await getMe(deps, { actor: a });
        const { id, email, name, timeZone, locale, isAdmin } = user;
        return ok({ id, email, name, timeZone, locale, isAdmin, memberships: memberships.map(membershipJson) });
      }),

    listPrograms: () => as(async (a) => ok((await listPrograms(deps, { actor: a })).map(programJson))),

    getProgram: (ref) => as(async (a) => map(await getProgram(deps, { programId: ref, actor: a }), programJson)),

    listMilestones: (programId) =>
      as(async (a) => map(await listMilestones(deps, { programId, actor: a }), (items) => items.map(milestoneJson))),

    createMilestone: (programId, b) =>
      as(async (a) =>
        milestoneResult(
          await createMilestone(deps, {
            programId,
            actor: a,
            name: b.name,
            phase: b.phase,
            ownerId: b.ownerId,
            baselineDate: b.baselineDate as PlainDate,
            forecastDate: b.forecastDate as PlainDate | undefined,
            isCritical: b.isCritical,
            reason: b.reason,
          }),
        ),
      ),

    updateMilestone: (programId, milestoneId, { version, reason, ...patch }) =>
      as(async (a) =>
        milestoneResult(
          await updateMilestone(deps, {
            programId,
            milestoneId,
            version,
            actor: a,
            reason,
            patch: {
              ...patch,
              ownerId: patch.ownerId as UserId | null | undefined,
              baselineDate: patch.baselineDate as PlainDate | undefined,
            },
          }),
        ),
      ),

    moveMilestone: (programId, milestoneId, b) =>
      as(async (a) =>
        milestoneResult(
          await moveMilestone(deps, {
            programId,
            milestoneId,
            version: b.version,
            actor: a,
            forecastDate: b.forecastDate as PlainDate,
            reason: b.reason,
            pushedVersions: b.pushedVersions,
          }),
        ),
      ),

    completeMilestone: (programId, milestoneId, b) =>
      as(async (a) =>
        milestoneResult(
          await completeMilestone(deps, {
            programId,
            milestoneId,
            version: b.version,
            actor: a,
            actualDate: b.actualDate as PlainDate,
            reason: b.reason,
          }),
        ),
      ),

    listChanges: (programId, q) =>
      as(async (a) =>
        map(await listChanges(deps, { programId, actor: a, ...q }), (page) => ({
          items: page.items.map(changeJson),
          nextCursor: page.nextCursor,
        })),
      ),

    listProgramPeople: (programId) =>
      as(async (a) =>
        map(await listProgramPeople(deps, { programId, actor: a }), (items) =>
          items.map((p) => ({ id: p.user.id, name: p.user.name, email: p.user.email, roles: [...p.roles] })),
        ),
      ),

    ...decisionsOnDatabase(deps, as),
    ...actionsOnDatabase(deps, as),
    ...risksOnDatabase(deps, as),
    ...linksOnDatabase(deps, as),
    ...calendarOnDatabase(deps, as),
    ...planOnDatabase(deps, as),

    listPeople: () =>
      as(async (a) => {
        const r = await listPeople(deps, { actor: a });
        if (!r.ok) return r;
        const items = [];
        for (const p of r.value) items.push(personJson(p.user, await describeMemberships(deps.store.reads, p.memberships)));
        return ok(items);
      }),

    listClients: () =>
      as(async (a) =>
        map(await listClients(deps, { actor: a }), (items) => items.map((c) => ({ id: c.id, name: c.name, country: c.country }))),
      ),

    invitePerson: (body, baseUrl) =>
      as(async (a) => {
        if (!baseUrl) return refuse('VALIDATION_FAILED', 'An invite link needs the address people open Tollgate at.');
        return map(await invitePerson(deps, { actor: a, ...body }), (v) => ({
          userId: v.user.id,
          inviteUrl: `${baseUrl}/invite/${v.token}`,
          expiresAt: v.expiresAt,
        }));
      }),

    listTokens: () => as(async (a) => ok((await listApiTokens(deps, { actor: a })).map(apiTokenJson))),

    createToken: (body) =>
      as(async (a) => map(await createApiToken(deps, { actor: a, ...body }), (v) => ({ token: v.token, item: apiTokenJson(v.record) }))),

    revokeToken: (tokenId) => as((a) => revokeApiToken(deps, { actor: a, tokenId })),

    close: () => s.close(),
  };
}
