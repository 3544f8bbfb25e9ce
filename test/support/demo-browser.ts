import { rmSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { loadConfig } from '../../src/config/config.js';
import { type RunningServer, startServer } from '../../src/main/server.js';
import { contextAt, launchChromium } from './browser.js';
import { demoInstant } from './demo-template.js';

export interface DemoBrowser {
  readonly server: RunningServer;
  readonly browser: Browser;
  /** One page at desktop size, in Berlin, in British English, its clock starting at the demo's instant. */
  readonly page: Page;
  /** Closes the browser, stops the server and removes the data. */
  stop(): Promise<void>;
}

/**
 * The real server and built web app on a copy of the demo in `dataDir` (demoDataDir()), at the demo's
 * instant, and Debian's Chromium with one page: what a browser test file starts once. `prepare` runs on
 * the data after the server has loaded it and before the browser starts.
 */
export async function startDemoBrowser(dataDir: string, prepare?: (dataDir: string) => Promise<void>): Promise<DemoBrowser> {
  const config = { ...loadConfig({ TOLLGATE_DATA_DIR: dataDir, LOG_LEVEL: 'silent', TOLLGATE_NOW: demoInstant }), port: 0 };
  const server = await startServer(config, { demo: true, warmHolidays: false, jobs: false });
  const chromium = await launchChromium().catch(async (e: unknown) => {
    await server.stop();
    throw e;
  });
  const stop = async () => {
    await chromium.close();
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await prepare?.(dataDir);
    const context = await contextAt(chromium.browser, demoInstant, {
      locale: 'en-GB',
      timezoneId: 'Europe/Berlin',
      viewport: { width: 1400, height: 900 },
    });
    return { server, browser: chromium.browser, page: await context.newPage(), stop };
  } catch (e) {
    await stop();
    throw e;
  }
}
