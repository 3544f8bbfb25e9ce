import type { Command } from 'commander';
import { loadDemo } from '../app/demo/load-demo.js';
import { type Config, loadConfig } from '../config/config.js';
import { compose } from '../main/compose.js';
import { startServer } from '../main/server.js';
import { fail, printJsonOr } from './output.js';

const withPort = (config: Config, port: string | undefined): Config => {
  if (port === undefined) return config;
  const n = Number(port);
  if (!Number.isInteger(n) || n < 0 || n > 65535) {
    process.stderr.write(`error: --port must be an integer from 0 to 65535, got "${port}"\n`);
    process.exit(2);
  }
  return { ...config, port: n };
};

export function registerServerCommands(program: Command): void {
  program
    .command('serve')
    .description('Start the web app and API (migrates the database first)')
    .option('--demo', 'load the demo portfolio into an empty database')
    .option('-p, --port <port>', 'port to listen on (default: $PORT or 3000)')
    .action(async (o: { demo?: boolean; port?: string }) => {
      const config = withPort(loadConfig(), o.port);
      const server = await startServer(config, { demo: o.demo ?? config.demo });
      process.stdout.write(`\nTollgate is running at ${server.url}\n`);
      process.stdout.write(`  API docs: ${server.url}/api/docs\n  Press Ctrl+C to stop.\n\n`);
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
    .description('Apply pending database migrations and exit')
    .option('--json', 'machine-readable output')
    .action(async (o: { json?: boolean }) => {
      const c = await compose(loadConfig());
      await c.close();
      printJsonOr(
        { json: !!o.json },
        { database: c.deps.store.dialect, location: c.location, applied: c.migrated },
        c.migrated.length ? `Applied ${c.migrated.join(', ')} to ${c.location}` : `${c.location} is up to date.`,
      );
    });

  program
    .command('demo')
    .description('Load the demo portfolio into an empty database')
    .option('--json', 'machine-readable output')
    .action(async (o: { json?: boolean }) => {
      const c = await compose(loadConfig());
      try {
        const r = await loadDemo(c.deps, { now: new Date() });
        if (!r.ok) fail({ json: !!o.json }, r.error);
        const s = r.value;
        printJsonOr({ json: !!o.json }, s, `Loaded ${s.clients} clients, ${s.programs} programs, ${s.milestones} milestones, ${s.people} people.`);
      } finally {
        await c.close();
      }
    });
}
