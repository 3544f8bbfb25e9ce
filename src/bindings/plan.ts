import { addMilestoneLink, previewMilestoneLink } from '../app/plan/add-milestone-link.js';
import { activateProgram, listBaselines, takeBaseline } from '../app/plan/baselines.js';
import { getMta } from '../app/plan/get-mta.js';
import { getPlan } from '../app/plan/get-plan.js';
import { getSlipHistory } from '../app/plan/get-slip-history.js';
import { listMilestoneLinks } from '../app/plan/list-milestone-links.js';
import { previewMove } from '../app/plan/preview-move.js';
import { removeMilestoneLink } from '../app/plan/remove-milestone-link.js';
import { updatePlanSettings } from '../app/plan/update-plan-settings.js';
import type { planOperations } from '../contract/operations/plan.js';
import type { PlainDate } from '../domain/plain-date.js';
import { milestoneLinkJson, movePreviewJson, pushedJson, pushJson } from '../present/api-json.js';
import { baselineJson, mtaJson, planJson, slipHistoryJson } from '../present/plan-json.js';
import { type Bindings, done, presented } from './binding.js';

/** A comma-separated list of milestone keys or ids, as the trend's query takes it. */
export const splitKeys = (raw: string | undefined) =>
  raw
    ?.split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);

/** Dependencies, the move preview, plan vs actual, settings, baselines, slips and the trend (contract/operations/plan.ts). */
export const planBindings: Bindings<keyof typeof planOperations> = {
  listLinks: async ({ app, actor }, { params }) =>
    presented(await listMilestoneLinks(app, { ...params, actor }), (items) => ({ items: items.map(milestoneLinkJson) })),

  addLink: async ({ app, actor }, { params, body }) =>
    presented(await addMilestoneLink(app, { ...params, ...body, actor }), (v) => ({
      ...milestoneLinkJson(v),
      pushed: v.pushed.map(pushedJson),
    })),

  previewLink: async ({ app, actor }, { params, body }) =>
    presented(await previewMilestoneLink(app, { ...params, ...body, actor }), (v) => ({ pushes: v.pushes.map(pushJson) })),

  removeLink: async ({ app, actor }, { params, query }) => done(await removeMilestoneLink(app, { ...params, reason: query.reason, actor })),

  previewMove: async ({ app, actor }, { params, body }) =>
    presented(await previewMove(app, { ...params, actor, forecastDate: body.forecastDate as PlainDate }), movePreviewJson),

  getPlan: async ({ app, actor }, { params, query }) =>
    presented(await getPlan(app, { programId: params.programId, actor, baseline: query.baseline }), planJson),

  updatePlanSettings: async ({ app, actor }, { params, body: b }) =>
    presented(
      await updatePlanSettings(app, {
        programId: params.programId,
        actor,
        version: b.version,
        toleranceDays: b.toleranceDays,
        targetReleaseDate: b.targetReleaseDate as PlainDate | null | undefined,
        criticalDefectsAcceptNone: b.criticalDefectsAcceptNone,
        reason: b.reason,
      }),
      planJson,
    ),

  listBaselines: async ({ app, actor }, { params }) =>
    presented(await listBaselines(app, { programId: params.programId, actor }), (items) => ({ items: items.map(baselineJson) })),

  takeBaseline: async ({ app, actor }, { params, body }) =>
    presented(await takeBaseline(app, { programId: params.programId, actor, ...body }), baselineJson),

  activateProgram: async ({ app, actor }, { params, body }) =>
    presented(await activateProgram(app, { programId: params.programId, actor, ...body }), baselineJson),

  getSlips: async ({ app, actor }, { params, query }) =>
    presented(await getSlipHistory(app, { ...params, ...query, actor }), slipHistoryJson),

  getMta: async ({ app, actor }, { params, query }) =>
    presented(
      await getMta(app, {
        programId: params.programId,
        actor,
        from: query.from as PlainDate | undefined,
        to: query.to as PlainDate | undefined,
        milestones: splitKeys(query.milestones),
      }),
      mtaJson,
    ),
};
