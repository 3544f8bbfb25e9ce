import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { activateProgram, listBaselines, takeBaseline } from '../../app/plan/baselines.js';
import { getMta } from '../../app/plan/get-mta.js';
import { getPlan, getSlipHistory, type PlanView } from '../../app/plan/get-plan.js';
import { updatePlanSettings } from '../../app/plan/update-plan-settings.js';
import { renderMtaChart } from '../../charts/mta-chart.js';
import { renderTimelineChart } from '../../charts/timeline-chart.js';
import { ProblemSchema } from '../../contract/common.js';
import { MilestoneParamsSchema } from '../../contract/milestone.js';
import {
  ActivateProgramSchema,
  BaselineListSchema,
  BaselineSchema,
  MtaQuerySchema,
  MtaSchema,
  PlanQuerySchema,
  PlanSchema,
  PlanSettingsSchema,
  SlipHistorySchema,
  TakeBaselineSchema,
} from '../../contract/plan.js';
import { ProgramParamsSchema } from '../../contract/program.js';
import type { PlainDate } from '../../domain/plain-date.js';
import { baselineJson, mtaJson, planJson, slipHistoryJson } from '../../present/plan-json.js';
import { actorOf } from '../auth.js';
import type { HttpDeps } from '../http-deps.js';
import { reply, sendProblem } from '../problem.js';

const refusals = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema, 409: ProblemSchema, 422: ProblemSchema };

const svgDescription =
  'An SVG image (image/svg+xml), rendered by the same code the weekly report uses; the JSON behind it is the matching JSON route';

/** The same chart for the same data: past weeks never change, so a drawn chart is safe to keep while the plan is unchanged. */
const sendSvg = (res: Parameters<typeof reply>[0], svg: string) =>
  res.code(200).header('content-type', 'image/svg+xml; charset=utf-8').header('cache-control', 'private, no-cache').send(svg);

function timelineSvg(v: PlanView): string {
  const keyOf = new Map(v.rows.map((r) => [r.milestone.id as string, r.milestone.key]));
  const rows = [...v.rows].sort((a, b) =>
    a.milestone.forecastDate < b.milestone.forecastDate ? -1 : a.milestone.forecastDate > b.milestone.forecastDate ? 1 : 0,
  );
  return renderTimelineChart({
    title: `${v.program.code} — timeline${v.baseline ? ` against baseline ${v.baseline.baseline.number}` : ''}`,
    today: v.today,
    rows: rows.map((r) => ({
      key: r.milestone.key,
      name: r.milestone.name,
      baselineDate: r.baselineDate,
      forecastDate: r.milestone.forecastDate,
      actualDate: r.milestone.actualDate,
      health: r.health,
      onCriticalPath: r.onCriticalPath,
    })),
    links: v.rows.flatMap((r) => r.predecessors.map((p) => ({ from: keyOf.get(p.link.predecessorId) ?? p.key, to: r.milestone.key }))),
    labels: { baseline: 'Baseline', forecast: 'Forecast', actual: 'Done', today: 'Today', criticalPath: 'Critical path' },
  });
}

const splitKeys = (raw: string | undefined) =>
  raw
    ?.split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);

/** Plan vs actual, baselines, plan settings, slip history and the trend and timeline charts. */
export const planViewRoutes =
  (deps: HttpDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/programs/:programId/plan',
      {
        schema: {
          tags: ['plan'],
          summary: 'Plan vs actual: per milestone baseline, forecast, actual, variance, tolerance, days to spare, health and slips',
          params: ProgramParamsSchema,
          querystring: PlanQuerySchema,
          response: { 200: PlanSchema, ...refusals },
        },
      },
      async (req, res) =>
        reply(
          res,
          await getPlan(deps.app, { programId: req.params.programId, actor: actorOf(req), baseline: req.query.baseline }),
          planJson,
        ),
    );

    app.patch(
      '/programs/:programId/plan-settings',
      {
        schema: {
          tags: ['plan'],
          summary: "Change the program's default tolerance or target release date (with a reason)",
          params: ProgramParamsSchema,
          body: PlanSettingsSchema,
          response: { 200: PlanSchema, ...refusals },
        },
      },
      async (req, res) => {
        const actor = actorOf(req);
        const b = req.body;
        const saved = await updatePlanSettings(deps.app, {
          programId: req.params.programId,
          actor,
          version: b.version,
          toleranceDays: b.toleranceDays,
          targetReleaseDate: b.targetReleaseDate as PlainDate | null | undefined,
          reason: b.reason,
        });
        return reply(res, saved, planJson);
      },
    );

    app.get(
      '/programs/:programId/baselines',
      {
        schema: {
          tags: ['plan'],
          summary: "The program's baselines: 0 taken at activation, then each re-baseline with its approving decision",
          params: ProgramParamsSchema,
          response: { 200: BaselineListSchema, ...refusals },
        },
      },
      async (req, res) =>
        reply(res, await listBaselines(deps.app, { programId: req.params.programId, actor: actorOf(req) }), (items) => ({
          items: items.map(baselineJson),
        })),
    );

    app.post(
      '/programs/:programId/baselines',
      {
        schema: {
          tags: ['plan'],
          summary: 'Re-baseline: make the forecasts the planned dates, approved by a decided decision of a decision owner',
          params: ProgramParamsSchema,
          body: TakeBaselineSchema,
          response: { 201: BaselineSchema, ...refusals },
        },
      },
      async (req, res) =>
        reply(res, await takeBaseline(deps.app, { programId: req.params.programId, actor: actorOf(req), ...req.body }), baselineJson, 201),
    );

    app.post(
      '/programs/:programId/activate',
      {
        schema: {
          tags: ['plan'],
          summary: 'The program goes active and takes baseline 0 (or, already active, takes its missing baseline 0)',
          params: ProgramParamsSchema,
          body: ActivateProgramSchema,
          response: { 201: BaselineSchema, ...refusals },
        },
      },
      async (req, res) =>
        reply(
          res,
          await activateProgram(deps.app, { programId: req.params.programId, actor: actorOf(req), ...req.body }),
          baselineJson,
          201,
        ),
    );

    app.get(
      '/programs/:programId/milestones/:milestoneId/slips',
      {
        schema: {
          tags: ['plan'],
          summary: "A milestone's slip history: every move of its forecast with who, when, how far and why",
          params: MilestoneParamsSchema,
          response: { 200: SlipHistorySchema, ...refusals },
        },
      },
      async (req, res) =>
        reply(res, await getSlipHistory(deps.app, { ...req.params, actor: actorOf(req) }), (v) =>
          slipHistoryJson(v.milestone, v.history, v.users),
        ),
    );

    const mtaInput = (req: { params: { programId: string }; query: z.infer<typeof MtaQuerySchema> }) => ({
      programId: req.params.programId,
      from: req.query.from as PlainDate | undefined,
      to: req.query.to as PlainDate | undefined,
      milestones: splitKeys(req.query.milestones),
    });

    app.get(
      '/programs/:programId/mta',
      {
        schema: {
          tags: ['plan'],
          summary: 'Milestone trend analysis: forecast per reporting week per milestone, from the change log',
          params: ProgramParamsSchema,
          querystring: MtaQuerySchema,
          response: { 200: MtaSchema, ...refusals },
        },
      },
      async (req, res) => reply(res, await getMta(deps.app, { ...mtaInput(req), actor: actorOf(req) }), mtaJson),
    );

    app.get(
      '/programs/:programId/charts/mta.svg',
      {
        schema: {
          tags: ['plan'],
          summary: 'The milestone trend analysis chart as SVG',
          description: svgDescription,
          params: ProgramParamsSchema,
          querystring: MtaQuerySchema,
          response: { ...refusals },
        },
      },
      async (req, res) => {
        const r = await getMta(deps.app, { ...mtaInput(req), actor: actorOf(req) });
        if (!r.ok) return sendProblem(res, r.error);
        return sendSvg(
          res,
          renderMtaChart({
            title: `${r.value.code} — milestone trend`,
            weeks: r.value.weeks.map((w) => ({ week: w.week, start: w.start })),
            series: r.value.series.map((s) => ({ key: s.key, name: s.name, baselineDate: s.baselineDate, points: s.points })),
            labels: { x: 'Reporting week', y: 'Forecast date', baseline: 'Baseline', done: 'Done' },
          }),
        );
      },
    );

    app.get(
      '/programs/:programId/charts/timeline.svg',
      {
        schema: {
          tags: ['plan'],
          summary: 'The timeline (Gantt-style): baseline vs forecast per milestone with dependency arrows, as SVG',
          description: svgDescription,
          params: ProgramParamsSchema,
          querystring: PlanQuerySchema,
          response: { ...refusals },
        },
      },
      async (req, res) => {
        const r = await getPlan(deps.app, { programId: req.params.programId, actor: actorOf(req), baseline: req.query.baseline });
        if (!r.ok) return sendProblem(res, r.error);
        return sendSvg(res, timelineSvg(r.value));
      },
    );
  };
