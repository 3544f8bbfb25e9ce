import type { Command } from 'commander';
import { z } from 'zod';
import { ReportWeekSchema } from '../contract/report.js';
import { addActingOptions, withBackend } from './connect.js';
import { badOption, parseOption, writeExport } from './options.js';
import { outputOf } from './output.js';
import type { CliContext } from './session.js';
import { must } from './targets.js';

// tollgate portfolio --week (issue 14): the leadership view of a week, as Markdown, JSON or PDF.

const FormatSchema = z.enum(['md', 'json', 'pdf']);

export function registerPortfolioCommands(cli: Command, ctx: CliContext): void {
  addActingOptions(
    cli
      .command('portfolio')
      .description(
        "The leadership view of a week: one line per program you see, attention first, and what changed with why (each program's week in its zone)",
      )
      .requiredOption('--week <week>', 'the ISO week, e.g. 2026-W49')
      .option('--format <f>', "md (default), json (the API's PortfolioWeek) or pdf")
      .option('--out <file>', 'write it to this file (default: print it; a PDF goes to portfolio-WEEK.pdf here)'),
  ).action(async (o: { week: string; format?: string; out?: string }, cmd: Command) => {
    const out = outputOf({});
    const week = parseOption(out, '--week', ReportWeekSchema, o.week.trim());
    const format = parseOption(out, '--format', FormatSchema, o.format?.trim() ?? 'md');
    if (o.out !== undefined && o.out.trim() === '') badOption(out, '--out', 'Give a file name.');
    await withBackend(ctx, cmd, out, async (b) => {
      const file =
        format === 'pdf'
          ? await (async () => {
              const r = must(out, await b.portfolioPdf(week));
              return { fileName: r.fileName, content: r.pdf as Uint8Array | string };
            })()
          : format === 'json'
            ? {
                fileName: `portfolio-${week}.json`,
                content: `${JSON.stringify(must(out, await b.getPortfolioWeek({ params: { week } })), null, 2)}\n`,
              }
            : must(out, await b.exportPortfolioWeek({ params: { week }, query: { format: 'md' } }));
      writeExport(out, file, o.out, format === 'pdf');
    });
  });
}
