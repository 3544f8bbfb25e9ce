import type { FastifyInstance } from 'fastify';
import { loadDemo } from '../app/demo/load-demo.js';
import type { Config } from '../config/config.js';
import { buildApp } from '../http/build-app.js';
import { compose, docsDir, packageVersion, webDir } from './compose.js';

export interface RunningServer {
  readonly app: FastifyInstance;
  readonly url: string;
  stop(): Promise<void>;
}

/**
 * Starts Tollgate: migrate, optionally load the demo, listen; stop() lets in-flight requests
 * finish, then closes the database.
 */
export async function startServer(config: Config, opts: { demo?: boolean } = {}): Promise<RunningServer> {
  const composed = await compose(config);
  let accepting = true;
  const app = await buildApp(
    {
      app: composed.deps,
      actorOf: async () => composed.localActor,
      webDir,
      docsDir,
      version: packageVersion(),
    },
    {
      logger: {
        level: config.logLevel,
        redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
      },
      isAccepting: () => accepting,
    },
  );
  const log = app.log;
  log.info({ database: composed.deps.store.dialect, location: composed.location, migrated: composed.migrated }, 'database ready');
  if (opts.demo ?? config.demo) {
    if ((await composed.deps.store.reads.countPrograms()) === 0) {
      const started = Date.now();
      const r = await loadDemo(composed.deps, { now: new Date() });
      if (r.ok) log.info({ ...r.value, ms: Date.now() - started }, 'demo portfolio loaded');
    } else {
      log.info('database already holds programs; demo not loaded');
    }
  }
  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  const url = `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`;
  let stopping: Promise<void> | null = null;
  return {
    app,
    url,
    stop: () => {
      stopping ??= (async () => {
        accepting = false;
        await app.close();
        await composed.close();
      })();
      return stopping;
    },
  };
}
