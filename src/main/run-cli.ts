import { Command, CommanderError } from 'commander';
import { registerAccountCommands } from '../cli/account-commands.js';
import { registerActionCommands } from '../cli/action-commands.js';
import { registerCalendarCommands } from '../cli/calendar-commands.js';
import { registerChangeCommands } from '../cli/change-commands.js';
import { registerCharterCommands } from '../cli/charter-commands.js';
import { addActingOptions } from '../cli/connect.js';
import { registerDecisionCommands } from '../cli/decision-commands.js';
import { registerEscalationCommands } from '../cli/escalation-commands.js';
import { registerEventCommands } from '../cli/event-commands.js';
import { registerGateCommands } from '../cli/gate-commands.js';
import { registerIntakeCommands } from '../cli/intake-commands.js';
import { registerMilestoneCommands } from '../cli/milestone-commands.js';
import { registerMyWeekCommands } from '../cli/my-week-commands.js';
import { registerNotificationCommands } from '../cli/notification-commands.js';
import { CliExit } from '../cli/output.js';
import { registerPlanCommands } from '../cli/plan-commands.js';
import { registerPortfolioCommands } from '../cli/portfolio-commands.js';
import { registerProgramCommands } from '../cli/program-commands.js';
import { registerReportCommands } from '../cli/report-commands.js';
import { registerRiskCommands } from '../cli/risk-commands.js';
import { registerSamplingCommands } from '../cli/sampling-commands.js';
import { registerSearchCommands } from '../cli/search-commands.js';
import { registerServerCommands } from '../cli/server-commands.js';
import type { CliContext, Session } from '../cli/session.js';
import { registerSetupCommands } from '../cli/setup-commands.js';
import { suggestMistypedSubcommands } from '../cli/suggestions.js';
import { registerSweepCommands } from '../cli/sweep-commands.js';
import { registerTemplateCommands } from '../cli/template-commands.js';
import { type Terminal, terminal, terminalConfig, withTerminal } from '../cli/terminal.js';
import { registerUpdateRequestCommands } from '../cli/update-request-commands.js';
import { registerUserCommands } from '../cli/user-commands.js';
import { ConfigError } from '../config/config.js';
import { runJobNow } from '../jobs/job.js';
import { jobTable } from '../jobs/job-table.js';
import type { Composed } from './compose.js';
import { packageVersion } from './package-version.js';

/**
 * A command's session on the store `composed` wired: the person it acts as (--as or TOLLGATE_AS) and the
 * store, which close() closes.
 */
export async function sessionOn(composed: Composed, as: string | undefined): Promise<Session> {
  // Loaded when a command opens the database: `--help` and mistyped commands answer without it.
  const { actingPerson } = await import('./acting-person.js');
  // The one place the CLI turns an email (--as or TOLLGATE_AS, chosen in cli/connect.ts) into the
  // person it acts as on the database, with their roles.
  const actor = await actingPerson(composed.deps, as).catch(async (e: unknown) => {
    await composed.close();
    throw e;
  });
  return { deps: composed.deps, actor, location: composed.location, migrated: composed.migrated, close: () => composed.close() };
}

/** The commands' database and actor, opened afresh by each command. */
export const cliContext: CliContext = {
  async open(opts = {}) {
    // Loaded when a command opens the database: `--help` and mistyped commands answer without it.
    const { compose } = await import('./compose.js');
    // One command, one connection: its reads are serial there, as on SQLite, and quicker than opening more.
    return sessionOn(await compose(terminalConfig(), { connections: 1 }), opts.as);
  },
  // Loaded on demand: the web server's modules would slow every other command's start.
  startServer: async (config, opts) => (await import('./server.js')).startServer(config, opts),
  jobs: {
    list: () => jobTable(terminalConfig()).map((j) => ({ name: j.name, description: j.description, schedule: j.schedule?.text ?? null })),
    run: async (deps, name) => {
      const job = jobTable(terminalConfig()).find((j) => j.name === name);
      if (!job) throw new Error(`No job named ${name}`);
      return runJobNow(deps, job);
    },
  },
};

const rootHelp = `
Programs are named by code (KHG-KW500, any case) or id; milestones by key (M-12) or id.
Every command prints a table for people; add --json for the API's JSON (errors then go to stderr as JSON).

Who acts, and where: every command acts as a person, and their roles decide what they may do.
  --as <email> (or TOLLGATE_AS)   on the database directly, as that person
  tollgate login --server <url>   over a server's API with a personal API token (kept until logout);
                                  --server <url> with TOLLGATE_TOKEN does the same without storing it
Database: SQLite in $TOLLGATE_DATA_DIR (default ./data), or PostgreSQL when DATABASE_URL=postgres://... is set.
Exit status: 0 done, 1 refused (the error code says why, see docs/errors.md), 2 mistyped command or invalid option.

Getting started:
  tollgate user add --email you@example.com --name "Your Name" --admin   the first admin of a new workspace
  tollgate demo                              load a demo portfolio (and its people) into an empty database
  tollgate --as lead@demo.test programs list                   the portfolio with health and next milestones
  tollgate --as lead@demo.test programs show KHG-KW500         one program and its milestones
  tollgate --as lead@demo.test milestone move KHG-KW500 M-12 --to 2026-03-20 --reason "Mould rework after T1"
  tollgate --as lead@demo.test changes KHG-KW500 --limit 20    who changed what, when and why
  tollgate --as supplier@demo.test my-week                     what is yours to do this week, overdue first
  tollgate --as owner@demo.test decision queue --owner me     the decisions waiting for you, overdue first
  tollgate --as lead@demo.test risk list KHG-KW500            the risk register and its 5×5 heat maps
  tollgate --as lead@demo.test plan show KHG-KW500            plan vs actual, days to spare, critical path
  tollgate --as lead@demo.test plan trend KHG-KW500           each key milestone's forecast week by week
  tollgate --as quality@demo.test sampling-plan --lot 2000 --aql 2.5   the ISO 2859-1 plan: sample size, Ac, Re
  tollgate serve                             the web app and API at http://127.0.0.1:3000`;

const isDebug = () => {
  try {
    return ['debug', 'trace'].includes(terminalConfig().logLevel);
  } catch {
    return false;
  }
};

/** Bugs and infrastructure failures (e.g. the database is unreachable): a message, the stack only when debugging. */
function reportUnexpected(e: unknown, json: boolean): void {
  const message = e instanceof Error ? e.message : String(e);
  const { stderr } = terminal();
  if (json) stderr.write(`${JSON.stringify({ code: 'INTERNAL', detail: message, errors: [] }, null, 2)}\n`);
  else stderr.write(`error INTERNAL: ${message}\n  (set LOG_LEVEL=debug to see where it happened)\n`);
  if (isDebug() && e instanceof Error && e.stack) stderr.write(`${e.stack}\n`);
}

/**
 * The `tollgate` command line: runs argv (as process.argv gives it) on the terminal and resolves with
 * the exit status, rather than exiting, so output is flushed and it can run in-process.
 */
export function runCli(argv: string[], ctx: CliContext = cliContext, term?: Terminal): Promise<number> {
  // On the process's own terminal nothing needs carrying: terminal() falls back to it. Carrying it
  // (AsyncLocalStorage) would switch on Node 20's promise hooks for the whole process, the server's
  // requests included, at a cost of about a tenth of a cached read.
  return term ? withTerminal(term, () => run(argv, ctx)) : run(argv, ctx);
}

async function run(argv: string[], ctx: CliContext): Promise<number> {
  const { stdout, stderr } = terminal();
  const program = new Command('tollgate')
    .description('Tollgate: production milestone management for manufacturing programs')
    .version(packageVersion())
    // Program options only before the command, so `milestone move --version 3` is the command's.
    .enablePositionalOptions()
    .showHelpAfterError('(add --help for usage)')
    .addHelpText('after', rootHelp)
    .configureOutput({
      writeOut: (s) => void stdout.write(s),
      writeErr: (s) => void stderr.write(s),
      // The closest command or option on the error's own line: "error: unknown command 'lst' (Did you mean list?)".
      outputError: (s, write) => write(s.replace('\n(Did you mean', ' (Did you mean')),
    })
    .exitOverride();
  addActingOptions(program);
  registerSetupCommands(program, ctx, registerProgramCommands(program, ctx));
  registerMilestoneCommands(program, ctx);
  registerCalendarCommands(program, ctx);
  registerCharterCommands(program, ctx);
  registerGateCommands(program, ctx);
  registerPlanCommands(program, ctx);
  registerActionCommands(program, ctx);
  registerEventCommands(program, ctx);
  registerMyWeekCommands(program, ctx);
  registerNotificationCommands(program, ctx);
  registerEscalationCommands(program, ctx);
  registerReportCommands(program, ctx);
  registerUpdateRequestCommands(program, ctx);
  registerPortfolioCommands(program, ctx);
  registerSearchCommands(program, ctx);
  registerSamplingCommands(program, ctx);
  registerTemplateCommands(program, ctx);
  registerIntakeCommands(program, ctx);
  registerDecisionCommands(program, ctx);
  registerRiskCommands(program, ctx);
  registerChangeCommands(program, ctx);
  registerUserCommands(program, ctx);
  registerAccountCommands(program, ctx);
  registerServerCommands(program, ctx);
  registerSweepCommands(program, ctx);
  suggestMistypedSubcommands(program);
  try {
    await program.parseAsync(argv);
    return 0;
  } catch (e) {
    if (e instanceof CliExit) return e.exitCode;
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    if (e instanceof ConfigError) {
      stderr.write(`${e.message}\n`);
      return 2;
    }
    reportUnexpected(e, argv.includes('--json'));
    return 1;
  }
}
