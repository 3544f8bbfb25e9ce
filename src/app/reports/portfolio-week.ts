import { accessProgram } from '../../domain/policy.js';
import type { Program } from '../../domain/program.js';
import { parseReportWeek, type ReportWeek } from '../../domain/report/iso-week.js';
import { type LeadershipView, leadershipDocument, leadershipView } from '../../domain/report/leadership-view.js';
import { renderBlocksMarkdown } from '../../domain/report/render-report-markdown.js';
import { sorted } from '../../domain/report/report-json.js';
import { ok, type Result } from '../../domain/result.js';
import type { Actor, AppDeps } from '../deps.js';
import type { AuthorizedProgram } from '../get-program.js';
import type { Reads } from '../ports.js';
import { readPortfolioWeek } from './read-portfolio-week.js';

/** The leadership view of one ISO week: every program the reader may see, each week read in its program's zone. */
export interface PortfolioWeekView {
  readonly week: ReportWeek;
  /** The instant it was read at (drafts read the record as it stood then). */
  readonly asOf: string;
  readonly view: LeadershipView;
}

/** The programs in use (not archived) that the person may see, with their ids as the proof of it. */
export function visiblePrograms(actor: Actor, programs: readonly Program[]): AuthorizedProgram[] {
  return programs.flatMap((program) => {
    if (program.archivedAt !== null) return [];
    const a = accessProgram(actor, program);
    return a.ok ? [{ ...program, id: a.value.programId }] : [];
  });
}

/** The view of a week for these programs, read at `now` (also the subscription e-mail's, app/reports/mail-leadership-view.ts). */
export async function portfolioWeekOf(
  r: Reads,
  programs: readonly AuthorizedProgram[],
  week: ReportWeek,
  now: Date,
): Promise<Result<PortfolioWeekView>> {
  const read = await readPortfolioWeek(r, programs, week, now);
  if (!read.ok) return read;
  return ok({ week, asOf: now.toISOString(), view: leadershipView(week.label, read.value) });
}

/**
 * The leadership view of an ISO week (`2026-W49`): one line per program the person may see, from its
 * issued report of that week (the latest revision) or else its draft as of now, each program's week in
 * its own zone; attention first, and what changed across the portfolio that week with why.
 */
export async function getPortfolioWeek(
  deps: AppDeps,
  input: { readonly actor: Actor; readonly week: string },
): Promise<Result<PortfolioWeekView>> {
  const week = parseReportWeek(input.week);
  if (!week.ok) return week;
  const r = deps.store.reads;
  const programs = visiblePrograms(input.actor, await r.listPrograms());
  return portfolioWeekOf(r, programs, week.value, deps.clock.now());
}

/** The leadership view as a file. */
export interface PortfolioExport {
  readonly fileName: string;
  readonly mediaType: 'text/markdown' | 'application/json';
  readonly content: string;
}

/** The file name of a week's leadership view: `portfolio-2026-W49.md` (`.json`, `.pdf`). */
export const portfolioFileName = (week: string, extension: 'md' | 'json' | 'pdf'): string => `portfolio-${week}.${extension}`;

/** The view's Markdown (the document the PDF and e-mail write too) or its JSON with sorted keys. */
export function renderPortfolioExport(v: PortfolioWeekView, format: 'md' | 'json'): PortfolioExport {
  const week = v.week.label;
  return format === 'md'
    ? { fileName: portfolioFileName(week, 'md'), mediaType: 'text/markdown', content: renderBlocksMarkdown(leadershipDocument(v.view)) }
    : {
        fileName: portfolioFileName(week, 'json'),
        mediaType: 'application/json',
        content: `${JSON.stringify(sorted({ asOf: v.asOf, ...v.view }), null, 2)}\n`,
      };
}

/** The leadership view of a week as Markdown or JSON. */
export async function exportPortfolioWeek(
  deps: AppDeps,
  input: { readonly actor: Actor; readonly week: string; readonly format: 'md' | 'json' },
): Promise<Result<PortfolioExport>> {
  const v = await getPortfolioWeek(deps, input);
  return v.ok ? ok(renderPortfolioExport(v.value, input.format)) : v;
}
