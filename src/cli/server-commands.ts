import type { Command } from 'commander';
import type { Config } from '../config/config.js';
import { databaseOnly } from './connect.js';
import { badOption } from './options.js';
import { fail, outputOf, printJsonOr } from './output.js';
import { type CliContext, withSession } from './session.js';
import { terminal, terminalConfig } from './terminal.js';

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
    .action(async (o: { demo?: boolean; port?: string }) => {
      const config = withPort(terminalConfig(), o.port);
      const server = await ctx.startServer(config, { demo: o.demo ?? config.demo });
      terminal().stdout.write(`\nTollgate is running at ${server.url}\n`);
      terminal().stdout.write(`  API docs: ${server.url}/api/docs\n`);
      if (server.isDemo) {
        terminal().stdout.write('  Sign in as lead@demo.test with the password tollgate-demo (cadence owner).\n');
        terminal().stdout.write('  Other demo roles: admin@, owner@, quality@, supplier@, observer@, other@demo.test, same password.\n');
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
    .description('Load the demo portfolio (3 clients, 8 programs, their milestones and history) into an empty database')
    .option('--json', 'print { clients, programs, milestones, people } as JSON')
    .action(async (o: { json?: boolean }, cmd: Command) => {
      const out = outputOf(o);
      databaseOnly(cmd, out, 'demo loads into the database; start a server with the demo by `tollgate serve --demo`.');
      await withSession(ctx, async (s) => {
        const { loadDemo } = await import('../app/demo/load-demo.js');
        const r = await loadDemo(s.deps, { now: s.deps.clock.now() });
        if (!r.ok) return fail(out, r.error);
        const d = r.value;
        printJsonOr(
          out,
          d,
          [
            `Loaded ${d.clients} clients, ${d.programs} programs, ${d.milestones} milestones, ${d.people} people.`,
            'Act as a demo person, e.g. the cadence owner: tollgate --as lead@demo.test programs list',
            '  (others: admin@, owner@, quality@, supplier@, observer@, other@demo.test; web password tollgate-demo)',
          ].join('\n'),
        );
      });
    });
}
