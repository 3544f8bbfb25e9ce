import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { getMta } from '../../app/plan/get-mta.js';
import { getPlan, type PlanView } from '../../app/plan/get-plan.js';
import { splitKeys } from '../../bindings/plan.js';
import { type DateLabel, isoDateLabel, localeDateLabel } from '../../charts/chart-dates.js';
import type { renderTimelineChart } from '../../charts/timeline-chart.js';
import { ProblemSchema } from '../../contract/common.js';
import { MtaQuerySchema, PlanQuerySchema } from '../../contract/plan.js';
import { ProgramParamsSchema } from '../../contract/program.js';
import type { PlainDate } from '../../domain/plain-date.js';
import { actorOf } from '../auth.js';
import type { HttpDeps } from '../http-deps.js';
import { sendProblem } from '../problem.js';

const refusals = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema, 409: ProblemSchema, 422: ProblemSchema };

const svgDescription =
  'An SVG image (image/svg+xml), rendered by the same code the weekly report uses; the JSON behind it is the matching JSON route';

/** The same chart for the same data: past weeks never change, so a drawn chart is safe to keep while the plan is unchanged. */
const sendSvg = (res: FastifyReply, svg: string) =>
  res.code(200).header('content-type', 'image/svg+xml; charset=utf-8').header('cache-control', 'private, no-cache').send(svg);

const LocaleQuery = z.object({
  locale: z
    .string()
    .max(35)
    .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/, 'A BCP 47 language tag, e.g. en-GB.')
    .optional()
    .meta({
      description: 'How dates are written, as on the page (e.g. en-GB: "12 Mar 2026"); else the Accept-Language header; else YYYY-MM-DD',
    }),
});

/** The first language of an Accept-Language header this server can write dates in, or null. */
function acceptedLocale(header: string | undefined): string | null {
  const tag = header?.split(',')[0]?.split(';')[0]?.trim();
  if (!tag || tag === '*') return null;
  try {
    return Intl.DateTimeFormat.supportedLocalesOf([tag])[0] ?? null;
  } catch {
    return null;
  }
}

/** Dates in the chart as the page writes them: the page's locale, else the browser's language, else ISO. */
function chartDates(req: { query: { locale?: string | undefined }; headers: { 'accept-language'?: string | undefined } }): DateLabel {
  const locale = req.query.locale ?? acceptedLocale(req.headers['accept-language']);
  if (!locale) return isoDateLabel;
  try {
    return localeDateLabel(locale);
  } catch {
    // A well-formed tag that names no known locale: dates as written.
    return isoDateLabel;
  }
}

/**
 * The chart renderers are loaded on first use: echarts is ~600 modules and ~4 MB of source that a
 * server answering pages never needs until someone asks for a chart (as with the PDFs, main/compose.ts).
 */
const mtaChart = async () => (await import('../../charts/mta-chart.js')).renderMtaChart;
const timelineChart = async () => (await import('../../charts/timeline-chart.js')).renderTimelineChart;

function timelineSvg(render: typeof renderTimelineChart, v: PlanView, formatDate: DateLabel): string {
  const keyOf = new Map(v.rows.map((r) => [r.milestone.id as string, r.milestone.key]));
  const rows = [...v.rows].sort((a, b) =>
    a.milestone.forecastDate < b.milestone.forecastDate ? -1 : a.milestone.forecastDate > b.milestone.forecastDate ? 1 : 0,
  );
  return render({
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
    formatDate,
  });
}

/** The trend and timeline charts as SVG (their JSON: getMta and getPlan in contract/operations/plan.ts). */
export const chartRoutes =
  (deps: HttpDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const mtaInput = (req: { params: { programId: string }; query: z.infer<typeof MtaQuerySchema> }) => ({
      programId: req.params.programId,
      from: req.query.from as PlainDate | undefined,
      to: req.query.to as PlainDate | undefined,
      milestones: splitKeys(req.query.milestones),
    });

    app.get(
      '/programs/:programId/charts/mta.svg',
      {
        schema: {
          tags: ['plan'],
          summary: 'The milestone trend analysis chart as SVG',
          description: svgDescription,
          params: ProgramParamsSchema,
          querystring: MtaQuerySchema.extend(LocaleQuery.shape),
          response: { ...refusals },
        },
      },
      async (req, res) => {
        const r = await getMta(deps.app, { ...mtaInput(req), actor: actorOf(req) });
        if (!r.ok) return sendProblem(res, r.error);
        const renderMtaChart = await mtaChart();
        return sendSvg(
          res,
          renderMtaChart({
            title: `${r.value.code} — milestone trend`,
            weeks: r.value.weeks.map((w) => ({ week: w.week, start: w.start })),
            series: r.value.series.map((s) => ({ key: s.key, name: s.name, baselineDate: s.baselineDate, points: s.points })),
            labels: { x: 'Reporting week', y: 'Forecast date', baseline: 'Baseline', done: 'Done' },
            formatDate: chartDates(req),
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
          querystring: PlanQuerySchema.extend(LocaleQuery.shape),
          response: { ...refusals },
        },
      },
      async (req, res) => {
        const r = await getPlan(deps.app, { programId: req.params.programId, actor: actorOf(req), baseline: req.query.baseline });
        if (!r.ok) return sendProblem(res, r.error);
        return sendSvg(res, timelineSvg(await timelineChart(), r.value, chartDates(req)));
      },
    );
  };
