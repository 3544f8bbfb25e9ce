import type { Command } from 'commander';
import { databaseOnly } from './connect.js';
import { badOption } from './options.js';
import { outputOf, printJsonOr } from './output.js';
import { type CliContext, type JobRunReport, withSession } from './session.js';

/**
 * `tollgate sweep [--job NAME]`: runs the background jobs' handlers once, now, in this process, and
 * says what they did (an operator's check after a change, or a catch-up after downtime). The handlers
 * are idempotent, so running one beside the servers' own schedule changes nothing twice.
 */
export function registerSweepCommands(program: Command, ctx: CliContext): void {
  program
    .command('sweep')
    .description('Run the background jobs once now (all, or one with --job) and print what they did')
    .option('--job <name>', 'only this job (see --list)')
    .option('--list', 'list the jobs and their schedules, run nothing')
    .option('--json', 'print { runs: [{ job, slot, at, result, summary }] } (with --list: { jobs: [...] })')
    .action(async (o: { job?: string; list?: boolean; json?: boolean }, cmd: Command) => {
      const out = outputOf(o);
      const all = ctx.jobs.list();
      if (o.list) {
        const text = all.map((j) => `${j.name.padEnd(20)} ${j.schedule ?? 'only when asked'}\n${' '.repeat(21)}${j.description}`);
        return printJsonOr(out, { jobs: all }, text.join('\n'));
      }
      databaseOnly(cmd, out, 'sweep runs the jobs on the database; a server runs its own on schedule.');
      if (o.job !== undefined && !all.some((j) => j.name === o.job)) {
        badOption(out, '--job', `No such job; the jobs are ${all.map((j) => j.name).join(', ')}.`, o.job);
      }
      const chosen = all.filter((j) => o.job === undefined || j.name === o.job);
      await withSession(ctx, async (s) => {
        const runs: JobRunReport[] = [];
        for (const j of chosen) runs.push(await ctx.jobs.run(s.deps, j.name));
        printJsonOr(out, { runs }, runs.map((r) => `${r.job} at ${r.at}: ${r.summary}`).join('\n'));
      });
    });
}
