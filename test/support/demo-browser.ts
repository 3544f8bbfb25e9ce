import { rmSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { type RunningServer, startServer } from '../../src/main/server.js';
import { contextAt, demoPassword, desktop, launchChromium } from './browser.js';
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
export async function startDemoBrowser(
  dataDir: string,
  prepare?: (dataDir: string) => Promise<void>,
  /** More of the server's environment, e.g. TOLLGATE_SMTP_URL for e-mail to a loopback SMTP server. */
  env: Readonly<Record<string, string>> = {},
): Promise<DemoBrowser> {
  const config = { ...loadConfig({ TOLLGATE_DATA_DIR: dataDir, LOG_LEVEL: 'silent', TOLLGATE_NOW: demoInstant, ...env }), port: 0 };
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
    const context = await contextAt(chromium.browser, demoInstant, desktop);
    return { server, browser: chromium.browser, page: await context.newPage(), stop };
  } catch (e) {
    await stop();
    throw e;
  }
}

/** A session of the API as one person, in a browser context of its own: for the steps a test sets up rather than shows. */
export interface ApiSession {
  call<T = unknown>(method: string, path: string, data?: unknown): Promise<T>;
  close(): Promise<void>;
}

export async function apiSession(browser: Browser, baseUrl: string, email: string, password = demoPassword): Promise<ApiSession> {
  const context = await browser.newContext();
  const login = await context.request.post(`${baseUrl}/api/v1/auth/login`, { data: { email, password } });
  expect(login.status(), `signing in ${email}`).toBe(200);
  const csrf = ((await login.json()) as { csrfToken: string }).csrfToken;
  return {
    call: async <T = unknown>(method: string, path: string, data?: unknown) => {
      const res = await context.request.fetch(`${baseUrl}/api/v1${path}`, { method, data, headers: { 'x-csrf-token': csrf } });
      expect(res.status(), `${email} ${method} ${path}: ${await res.text()}`).toBeLessThan(300);
      return (await res.json()) as T;
    },
    close: () => context.close(),
  };
}
