import { completeMilestone } from '../app/complete-milestone.js';
import { createMilestone } from '../app/create-milestone.js';
import { getMilestone } from '../app/get-milestone.js';
import { getProgram } from '../app/get-program.js';
import { listChangeLog } from '../app/list-change-log.js';
import { listChanges } from '../app/list-changes.js';
import { listMilestones } from '../app/list-milestones.js';
import { listNeedsOwner } from '../app/list-needs-owner.js';
import { listPrograms } from '../app/list-programs.js';
import { moveMilestone } from '../app/move-milestone.js';
import { listProgramPeople } from '../app/people/list-program-people.js';
import { updateMilestone } from '../app/update-milestone.js';
import type { programOperations } from '../contract/operations/programs.js';
import type { UserId } from '../domain/ids.js';
import type { PlainDate } from '../domain/plain-date.js';
import { ok } from '../domain/result.js';
import { changeEntryJson, changeJson, milestoneJson, personRef, programJson, savedMilestoneJson } from '../present/api-json.js';
import { type Bindings, presented } from './binding.js';
import { warned, workingDayWarnings } from './warnings.js';

/** The portfolio, programs, their people, milestones and change log (contract/operations/programs.ts). */
export const programBindings: Bindings<keyof typeof programOperations> = {
  listPrograms: async ({ app, actor, logError, signal }) => {
    const views = await listPrograms(app, { actor, signal });
    for (const v of views) {
      if (v.failure)
        logError({ err: v.failure, programId: v.program.id, programCode: v.program.code }, 'program figures could not be computed');
    }
    return ok({ items: views.map(programJson) });
  },

  getProgram: async ({ app, actor }, { params }) => presented(await getProgram(app, { programId: params.programId, actor }), programJson),

  listProgramPeople: async ({ app, actor }, { params }) =>
    presented(await listProgramPeople(app, { programId: params.programId, actor }), (items) => ({
      items: items.map((p) => ({ id: p.user.id, name: p.user.name, email: p.user.email, roles: [...p.roles] })),
    })),

  listMilestones: async ({ app, actor }, { params }) =>
    presented(await listMilestones(app, { ...params, actor }), (items) => ({ items: items.map(milestoneJson) })),

  getMilestone: async ({ app, actor }, { params }) => presented(await getMilestone(app, { ...params, actor }), milestoneJson),

  createMilestone: async ({ app, actor }, { params, body: b }) => {
    const r = await createMilestone(app, {
      programId: params.programId,
      actor,
      name: b.name,
      phase: b.phase,
      ownerId: b.ownerId,
      baselineDate: b.baselineDate as PlainDate,
      forecastDate: b.forecastDate as PlainDate | undefined,
      isCritical: b.isCritical,
      reason: b.reason,
    });
    const forecast = { forecastDate: b.forecastDate ?? b.baselineDate };
    return presented(
      r,
      warned(r, milestoneJson, (v) => v.today, forecast, await workingDayWarnings(app, r, forecast)),
    );
  },

  updateMilestone: async ({ app, actor }, { params, body: { version, reason, ...patch } }) =>
    presented(
      await updateMilestone(app, {
        ...params,
        version,
        actor,
        reason,
        patch: { ...patch, ownerId: patch.ownerId as UserId | null | undefined, baselineDate: patch.baselineDate as PlainDate | undefined },
      }),
      milestoneJson,
    ),

  moveMilestone: async ({ app, actor }, { params, body }) => {
    const r = await moveMilestone(app, {
      ...params,
      version: body.version,
      actor,
      forecastDate: body.forecastDate as PlainDate,
      reason: body.reason,
      pushedVersions: body.pushedVersions,
    });
    const forecast = { forecastDate: body.forecastDate };
    return presented(
      r,
      warned(r, savedMilestoneJson, (v) => v.today, forecast, await workingDayWarnings(app, r, forecast)),
    );
  },

  completeMilestone: async ({ app, actor }, { params, body }) =>
    presented(
      await completeMilestone(app, {
        ...params,
        version: body.version,
        actor,
        actualDate: body.actualDate as PlainDate,
        reason: body.reason,
      }),
      savedMilestoneJson,
    ),

  listChanges: async ({ app, actor }, { params, query }) =>
    presented(await listChanges(app, { programId: params.programId, actor, ...query }), (page) => ({
      items: page.items.map(changeJson),
      nextCursor: page.nextCursor,
    })),

  listNeedsOwner: async ({ app, actor }, { params, query }) =>
    presented(await listNeedsOwner(app, { programId: params.programId, actor, ...query }), (page) => ({
      items: page.items.map(({ item, owner }) => ({
        kind: item.kind,
        id: item.id,
        key: item.key,
        title: item.title,
        lacks: [...item.lacks],
        owner: personRef(owner),
        dueDate: item.dueDate,
      })),
      nextCursor: page.nextCursor,
    })),

  listChangeLog: async ({ app, actor }, { params, query }) =>
    presented(await listChangeLog(app, { programId: params.programId, actor, ...query }), (page) => ({
      items: page.items.map(changeEntryJson),
      nextCursor: page.nextCursor,
    })),
};
