import type { z } from 'zod';
import type { AppDeps } from '../app/deps.js';
import { addMilestoneLink } from '../app/plan/add-milestone-link.js';
import { listMilestoneLinks } from '../app/plan/list-milestone-links.js';
import { previewMove } from '../app/plan/preview-move.js';
import { removeMilestoneLink } from '../app/plan/remove-milestone-link.js';
import type { CreateMilestoneLink, MilestoneLink, MovePreviewSchema } from '../contract/plan.js';
import type { PlainDate } from '../domain/plain-date.js';
import type { Result } from '../domain/result.js';
import { milestoneLinkJson, movePreviewJson } from '../present/api-json.js';
import type { As, Call, Items } from './backend-parts.js';
import { mapOk } from './backend-parts.js';

// The dependency commands' part of the Backend (cli/backend.ts) and the move preview, on the
// database and over the API: the same JSON and the same refusals either way.

export type MovePreview = z.infer<typeof MovePreviewSchema>;

export interface LinkBackend {
  listLinks(programId: string): Promise<Result<MilestoneLink[]>>;
  /** Refused with DEPENDENCY_CYCLE (naming the cycle), SELF_DEPENDENCY or LINK_EXISTS. */
  addLink(programId: string, body: CreateMilestoneLink): Promise<Result<MilestoneLink>>;
  /**
   * The reason reaches the change log on the database only: the API's DELETE takes none yet, so over
   * HTTP it travels as ?reason= for the day the route reads it.
   */
  removeLink(programId: string, linkId: string, reason: string | undefined): Promise<Result<true>>;
  /** What moving the milestone's forecast to `forecastDate` would push, without moving anything. */
  previewMove(programId: string, milestoneId: string, forecastDate: string): Promise<Result<MovePreview>>;
}

/** The dependency commands on the database, acting as the session's person (see database-backend.ts). */
export function linksOnDatabase(deps: AppDeps, as: As): LinkBackend {
  return {
    listLinks: (programId) =>
      as(async (a) => mapOk(await listMilestoneLinks(deps, { programId, actor: a }), (items) => items.map(milestoneLinkJson))),
    addLink: (programId, b) => as(async (a) => mapOk(await addMilestoneLink(deps, { programId, actor: a, ...b }), milestoneLinkJson)),
    removeLink: (programId, linkId, reason) =>
      as(async (a) => mapOk(await removeMilestoneLink(deps, { programId, linkId, reason, actor: a }), () => true as const)),
    previewMove: (programId, milestoneId, forecastDate) =>
      as(async (a) =>
        mapOk(await previewMove(deps, { programId, milestoneId, actor: a, forecastDate: forecastDate as PlainDate }), movePreviewJson),
      ),
  };
}

/** The dependency commands over the HTTP API (see server-backend.ts): `call` answers a JSON body, `items` a list's items. */
export function linksOverHttp(call: Call, items: Items): LinkBackend {
  const seg = encodeURIComponent;
  const links = (programId: string, linkId?: string) => `/programs/${seg(programId)}/links${linkId === undefined ? '' : `/${seg(linkId)}`}`;
  return {
    listLinks: (programId) => items<MilestoneLink>({ method: 'GET', path: links(programId) }),
    addLink: (programId, body) => call<MilestoneLink>({ method: 'POST', path: links(programId), body }),
    removeLink: async (programId, linkId, reason) =>
      mapOk(await call<{ ok: true }>({ method: 'DELETE', path: links(programId, linkId), query: { reason } }), () => true as const),
    previewMove: (programId, milestoneId, forecastDate) =>
      call<MovePreview>({
        method: 'POST',
        path: `/programs/${seg(programId)}/milestones/${seg(milestoneId)}/move-preview`,
        body: { forecastDate },
      }),
  };
}
