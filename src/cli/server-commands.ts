import { basename } from 'node:path';
import type { Command } from 'commander';
import { contentsText, type WorkspaceContents } from '../app/demo/workspace-contents.js';
import type { Config } from '../config/config.js';
import type { Refusal } from '../domain/result.js';
import { databaseOnly } from './connect.js';
import { badOption } from './options.js';
import { CliExit, fail, type Output, outputOf, printJsonOr } from './output.js';
import { canPrompt, promptLine } from './prompt.js';
import { type CliContext, withSession } from './session.js';
import { terminal, terminalConfig } from './terminal.js';

/** How to start afresh with the demo, as a person types it in the project's folder. */
export const startAfresh = 'npx tollgate demo --reset';

const withPort = (config: Config, port: string | undefined): Config => {
  if (port === undefined) return config;
  const n = Number(port);
  if (!/^\d+$/.test(port) || n > 65535) return badOption({ json: false }, '--port', 'Must be a whole number from 0 to 65535.', port);
  return { ...config, port: n };
};

export function registerServerCommands(program: Command, ctx: CliContext): void {
  program
    .command('serve')
    .description('Start the web app and API (migrates the database first)')
    .option('--demo', 'load the demo portfolio into an empty database')
    .option('-p, --port <port>', 'port to listen on (default: $PORT or 3000)')
    .option('--log-json', 'log JSON lines (pino) instead of one short line per request (same as LOG_FORMAT=json)')
    .action(async (o: { demo?: boolean; port?: string; logJson?: boolean }) => {
      const given = withPort(terminalConfig(), o.port);
      const config: Config = o.logJson ? { ...given, logFormat: 'json' } : given;
      const server = await ctx.startServer(config, { demo: o.demo ?? config.demo });
      terminal().stdout.write(`\nTollgate is running at ${server.url}\n`);
      terminal().stdout.write(`  API docs: ${server.url}/api/docs\n`);
      if (server.isDemo) {
        terminal().stdout.write('  Sign in as lead@demo.test with the password tollgate-demo (cadence owner).\n');
        terminal().stdout.write('  Other demo roles: admin@, owner@, quality@, supplier@, observer@, other@demo.test, same password.\n');
      }
      if (server.demoNotLoaded) {
        const held = contentsText(server.demoNotLoaded);
        terminal().stdout.write(
          server.isDemo
            ? `  The demo was loaded before and is kept as it is now (${held}).\n`
            : `  The database already holds data (${held}), so the demo was not loaded.\n`,
        );
        terminal().stdout.write(`  To start afresh with the demo (this deletes all of it): stop, run ${startAfresh}, start again.\n`);
      }
      if (server.setupUrl) {
        terminal().stdout.write(`  No admin yet. Create the first admin here (one-time link, 24 hours):\n    ${server.setupUrl}\n`);
      }
      terminal().stdout.write('  Press Ctrl+C to stop.\n\n');
      const stop = (signal: string) => {
        server.app.log.info({ signal }, 'shutting down: finishing in-flight requests');
        const timer = setTimeout(() => {
          server.app.log.error('shutdown timed out; exiting');
          process.exit(1);
        }, config.shutdownTimeoutMs);
        timer.unref();
        server.stop().then(
          () => {
            server.app.log.info('stopped cleanly');
            process.exit(0);
          },
          (e: unknown) => {
            server.app.log.error({ err: e }, 'shutdown failed');
            process.exit(1);
          },
        );
      };
      process.once('SIGTERM', () => stop('SIGTERM'));
      process.once('SIGINT', () => stop('SIGINT'));
    });

  program
    .command('migrate')
    .description('Apply pending database migrations and exit (every command also migrates first)')
    .option('--json', 'print { database, location, applied } as JSON')
    .action(async (o: { json?: boolean }, cmd: Command) => {
      databaseOnly(cmd, outputOf(o), 'migrate works on the database; a server migrates its own when it starts.');
      await withSession(ctx, async (s) => {
        printJsonOr(
          outputOf(o),
          { database: s.deps.store.dialect, location: s.location, applied: s.migrated },
          s.migrated.length ? `Applied ${s.migrated.join(', ')} to ${s.location}` : `${s.location} is up to date.`,
        );
      });
    });

  program
    .command('demo')
    .description('Load the demo portfolio (4 clients, 9 programs, their milestones and history) into an empty database')
    .option('--reset', 'delete all the data first (the schema stays), after asking; then load the demo')
    .option('--yes', 'with --reset: do not ask (needed without a terminal to ask at)')
    .option('--json', 'print { clients, programs, milestones, people } as JSON (with --reset, also what was deleted)')
    .addHelpText('after', `\nTo start afresh with the demo on a database that holds data (it is all deleted):\n  ${startAfresh}`)
    .action(async (o: { reset?: boolean; yes?: boolean; json?: boolean }, cmd: Command) => {
      const out = outputOf(o);
      databaseOnly(cmd, out, 'demo loads into the database; start a server with the demo by `tollgate serve --demo`.');
      if (o.yes && !o.reset) badOption(out, '--yes', 'Only with --reset: it confirms deleting the data.');
      await withSession(ctx, async (s) => {
        const [{ loadDemo }, { workspaceContents }] = await Promise.all([
          import('../app/demo/load-demo.js'),
          import('../app/demo/workspace-contents.js'),
        ]);
        const before = await workspaceContents(s.deps);
        const reset = o.reset === true && before.records > 0;
        if (reset && !o.yes) await confirmReset(out, before, s.location);
        const r = await loadDemo(s.deps, { now: s.deps.clock.now(), reset });
        if (!r.ok) return fail(out, r.error.code === 'DEMO_NOT_EMPTY' ? notEmpty(before, r.error.message) : r.error);
        const d = r.value;
        printJsonOr(
          out,
          reset ? { ...d, deleted: before } : d,
          [
            ...(reset ? [`Deleted ${contentsText(before)} from ${s.location}.`] : []),
            `Loaded ${d.clients} clients, ${d.programs} programs, ${d.milestones} milestones, ${d.people} people.`,
            'Act as a demo person, e.g. the cadence owner: tollgate --as lead@demo.test programs list',
            '  (others: admin@, owner@, quality@, supplier@, observer@, other@demo.test; web password tollgate-demo)',
          ].join('\n'),
        );
      });
    });
}

/** The name a person types to confirm deleting a database: the SQLite file's or the PostgreSQL database's. */
const databaseName = (location: string): string =>
  /^postgres(ql)?:/.test(location) ? decodeURIComponent(new URL(location).pathname.slice(1)) : basename(location);

/** Asks before the reset deletes anything; ends the command (nothing deleted) unless the database's name is typed. */
async function confirmReset(out: Output, contents: WorkspaceContents, location: string): Promise<void> {
  const what = `${contentsText(contents)} in ${location}`;
  if (!canPrompt()) {
    return fail(out, {
      code: 'VALIDATION_FAILED',
      message: `--reset deletes ${what}; nothing was deleted. Without a terminal to ask at, add --yes to confirm.`,
      fields: [{ path: '--yes', message: 'Required to confirm the reset without a terminal to ask at.' }],
    });
  }
  const name = databaseName(location);
  terminal().stderr.write(`This deletes ${what}, then loads the demo. It cannot be undone.\n`);
  const answer = await promptLine(`Type the database's name (${name}) to delete it all: `);
  if (answer === name) return;
  terminal().stderr.write('Not reset: nothing was deleted.\n');
  throw new CliExit(1);
}

/** The refusal on a database that holds data, saying what it holds and how to start afresh. */
const notEmpty = (contents: WorkspaceContents, why: string): Refusal => ({
  code: 'DEMO_NOT_EMPTY',
  message:
    contents.records > 0
      ? `The database already holds data (${contentsText(contents)}); the demo loads only into an empty one.\n  To start afresh with the demo (this deletes all of it): ${startAfresh}`
      : why,
});
