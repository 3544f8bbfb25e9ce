import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { type Browser, type BrowserContext, type BrowserContextOptions, chromium, type Page } from 'playwright-core';
import { expect } from 'vitest';

export const screenshotDir = join(process.cwd(), 'test-output', 'screenshots');

/**
 * The pictures the docs show (docs/screenshots) are taken by the browser tests and copied there only when
 * asked, by `npm run screenshots` (TOLLGATE_KEEP_SCREENSHOTS=1): an ordinary test run leaves the checkout as
 * it found it (every picture is still in test-output/screenshots). Answers the path, for chaining.
 */
export function keepForDocs(path: string): string {
  if (process.env.TOLLGATE_KEEP_SCREENSHOTS !== '1') return path;
  const dir = join(process.cwd(), 'docs', 'screenshots');
  mkdirSync(dir, { recursive: true });
  copyFileSync(path, join(dir, path.split('/').pop() as string));
  return path;
}

const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--renderer-process-limit=2',
  // On two cores shared with the servers under test, fewer threads and processes do the same work
  // for less CPU: V8 compiles and collects garbage on the page's own thread, and the compositor's
  // (software) GPU work runs in the browser process rather than a process of its own. Measured over
  // the browser tests: Chromium 183–215 → 173–177 s of CPU, the files' wall time 158 → 150 s.
  '--js-flags=--single-threaded',
  '--in-process-gpu',
];

const launchOnce = (env?: Readonly<Record<string, string>>): Promise<Browser> =>
  chromium.launch({
    executablePath: '/usr/bin/chromium',
    ...(env ? { env: { ...process.env, ...env } as Record<string, string> } : {}),
    headless: true,
    args: chromiumArgs,
  });

/**
 * Starts Chromium, again if it died while starting: a clean-clone CI run here once lost a whole browser file to
 * Chromium crashing (SIGSEGV) during its launch, before any page existed: nothing of ours had run yet. A browser
 * that crashes later, or a launch that fails three times, still fails the test.
 */
async function launch(env?: Readonly<Record<string, string>>): Promise<Browser> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await launchOnce(env);
    } catch (e) {
      if (attempt >= 3) throw e;
      console.warn(`Chromium did not start (attempt ${attempt} of 3), starting it again: ${String(e).split('\n')[0]}`);
    }
  }
}

/** The Chromium this test worker shares between its files (they run one after another in it). */
let shared: Promise<Browser> | undefined;

/**
 * Debian's Chromium, headless, without background traffic. Without `env`, the browser this worker already
 * runs, if any (a launch costs ~0.55 s of CPU; the browser files ran ~35 a run): each test makes its own
 * contexts (cookies, storage, clock), and `close()` closes every context left open, so the next file starts
 * with none; the browser ends with the worker (Playwright stops what it launched when its process exits),
 * and one that crashed or was closed is started afresh. With `env` (e.g. FONTCONFIG_FILE for its process),
 * a browser of its own, which `close()` closes.
 */
export async function launchChromium(env?: Readonly<Record<string, string>>): Promise<{ browser: Browser; close(): Promise<void> }> {
  if (env) {
    const browser = await launch(env);
    return { browser, close: () => browser.close() };
  }
  let browser = shared ? await shared.catch(() => undefined) : undefined;
  if (!browser?.isConnected()) {
    shared = launch();
    browser = await shared;
  }
  const own = browser;
  return {
    browser: own,
    close: async () => {
      await Promise.all(own.contexts().map((c) => c.close().catch(() => undefined)));
    },
  };
}

/**
 * A browser context whose clock starts at the instant the server's does (TOLLGATE_NOW) and runs on,
 * so the page and the server agree on what today is.
 */
export async function contextAt(browser: Browser, instant: string, options: BrowserContextOptions): Promise<BrowserContext> {
  const context = await browser.newContext(options);
  await context.clock.install({ time: new Date(instant) });
  return context;
}

/** The browser most people of the tests use: a desktop in Berlin, in British English. */
export const desktop: BrowserContextOptions = { locale: 'en-GB', timezoneId: 'Europe/Berlin', viewport: { width: 1400, height: 900 } };

/** A phone on the factory floor: 390 px wide, touch, in Shanghai. */
export const phoneInShanghai: BrowserContextOptions = {
  locale: 'en-GB',
  timezoneId: 'Asia/Shanghai',
  viewport: { width: 390, height: 844 },
  isMobile: true,
  hasTouch: true,
};

/** The people's browsers of one test file: see desks(). */
export interface Desks {
  /**
   * Signs `email` in on the page kept for browsers like `options` (the last person's cookies and
   * storage cleared first; `null`: nobody signed in) and opens `path` there.
   */
  as(email: string | null, path: string, options?: BrowserContextOptions): Promise<Page>;
  /** Closes every page and context. */
  close(): Promise<void>;
}

/**
 * One page kept per kind of browser (size, zone, locale…), its clock at `instant`, for the people a test
 * file signs in one after another: `as()` signs the next person in on it, so the page keeps its renderer
 * and the app it compiled. A new page costs Chromium ~2.8 s of CPU here (a renderer process started, the
 * app's ~1 MB of script parsed and compiled afresh), a navigation in a page already open ~0.5 s; the
 * browser files opened ~65 pages a run. Two people on screen at once need two kinds (e.g. a phone and a
 * desktop); a page of a kind is the same page for everyone who uses it, so a test uses it only until the
 * next `as()` of that kind.
 */
export function desks(
  browser: Browser,
  baseUrl: string,
  instant: string,
  /** A page already open at `desktop`'s options with its clock at `instant` (startDemoBrowser's), to use as the desktop. */
  desktopPage?: Page,
): Desks {
  const open = new Map<string, { readonly context: BrowserContext; readonly page: Page }>();
  if (desktopPage) open.set(JSON.stringify(desktop), { context: desktopPage.context(), page: desktopPage });
  return {
    async as(email, path, options = desktop) {
      const kind = JSON.stringify(options);
      let desk = open.get(kind);
      if (!desk) {
        const context = await contextAt(browser, instant, options);
        desk = { context, page: await context.newPage() };
        open.set(kind, desk);
      } else {
        // Nothing of the last person stays: their session cookie, and what the app kept in the page's storage.
        if (desk.page.url().startsWith(baseUrl)) await desk.page.evaluate('localStorage.clear(); sessionStorage.clear()');
        await desk.context.clearCookies();
      }
      if (email !== null) await signInByApi(desk.context, baseUrl, email);
      const target = `${baseUrl}${path}`;
      // To the same address but for its #fragment, the browser scrolls rather than loads, and the app would show
      // the last person's answers: then it loads again. (The very same address without one is loaded anyway.)
      const scrollsOnly = target.includes('#') && desk.page.url().split('#')[0] === target.split('#')[0];
      await desk.page.goto(target);
      if (scrollsOnly) await desk.page.reload();
      return desk.page;
    },
    async close() {
      await Promise.all([...open.values()].map((d) => d.context.close().catch(() => undefined)));
      open.clear();
    },
  };
}

/**
 * Whether this run takes pictures: `TOLLGATE_SCREENSHOTS=1` (into test-output/screenshots) or `npm run
 * screenshots` (TOLLGATE_KEEP_SCREENSHOTS=1, which also refreshes docs/screenshots). An ordinary run asserts
 * what the pages show without them: a whole-page picture costs Chromium ~0.8 s of CPU, and the suite's
 * 60-odd pictures, which nothing reads, were ~7 % of the browser tests' CPU.
 */
export const picturesWanted = (): boolean => process.env.TOLLGATE_SCREENSHOTS === '1' || process.env.TOLLGATE_KEEP_SCREENSHOTS === '1';

/**
 * Saves what the page shows, when pictures are wanted: the whole page, or with `viewport` only the window
 * as it is scrolled, for a dialog or a spot scrolled to on a tall page (the program page is ~9,000 px: a
 * whole-page picture of it costs Chromium seconds of layout and encoding, and shows the dialog or the row
 * no better), or `clip` a part of it. Answers the picture's path either way (for keepForDocs).
 */
export async function screenshot(
  page: Page,
  name: string,
  opts: { readonly viewport?: boolean; readonly clip?: { x: number; y: number; width: number; height: number } } = {},
): Promise<string> {
  const path = join(screenshotDir, `${name}.png`);
  if (!picturesWanted()) return path;
  mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path, fullPage: !opts.viewport && !opts.clip, ...(opts.clip ? { clip: opts.clip } : {}) });
  return path;
}

/** axe-core's minified build (half the size of the one @axe-core/playwright injects: less to parse in each page). */
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const axeTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

interface AxeViolation {
  readonly id: string;
  readonly impact?: string | null;
  readonly help: string;
  readonly nodes: readonly { readonly target: readonly string[] }[];
}

const repeatedItemMarker = 'data-axe-repeated-item';

/** What a page repeats: table rows and cells, list items, description terms and details, and their ARIA kin. */
const repeatedItemSelector = 'tr, td, th, li, dt, dd, [role=row], [role=cell], [role=gridcell], [role=listitem]';

/**
 * Runs in the page: marks (with `marker`) every row, cell or list item under the checked part of the page
 * (`include`'s elements, else the whole document) that is drawn exactly like an earlier one there, for axe to
 * leave out. Two are drawn alike when they have, element by element, the same tags, classes, attribute names,
 * inline styles and empty or non-empty text: they differ only in their words, dates and links, which no axe
 * rule of ours judges by value (contrast, names, roles, sizes and structure all come from what is compared).
 * One that differs in any of these, such as a late milestone's row, a holiday in the calendar or an empty
 * cell, is checked; so is everything inside a kept one, and the first of each kind is within the checked part.
 */
function markRepeatedItems([marker, include, itemSelector]: readonly [string, readonly string[], string]): void {
  type El = {
    tagName: string;
    className: unknown;
    attributes: Iterable<{ name: string }>;
    children: Iterable<El>;
    childNodes: Iterable<{ nodeType: number; textContent: string | null }>;
    getAttribute(n: string): string | null;
    setAttribute(n: string, v: string): void;
    closest(s: string): El | null;
    querySelectorAll(s: string): Iterable<El>;
  };
  const shape = (el: El): string => {
    const names = [...el.attributes].map((a) => a.name).sort();
    const text = [...el.childNodes].some((n) => n.nodeType === 3 && (n.textContent ?? '').trim() !== '') ? 't' : '';
    return `<${el.tagName}.${String(el.className)}[${names.join(',')}]${el.getAttribute('style') ?? ''}${text}>${[...el.children].map(shape).join('')}`;
  };
  const doc = (globalThis as unknown as { document: El }).document;
  const roots = include.length > 0 ? include.flatMap((s) => [...doc.querySelectorAll(s)]) : [doc];
  // A set: an element under two of the roots (one inside the other) is looked at once, not found to repeat itself.
  const items = new Set(roots.flatMap((root) => [...root.querySelectorAll(itemSelector)]));
  const seen = new Set<string>();
  for (const item of items) {
    if (item.closest(`[${marker}]`)) continue;
    const s = shape(item);
    if (seen.has(s)) item.setAttribute(marker, '');
    else seen.add(s);
  }
}

/**
 * Fails on serious or critical WCAG 2.x A/AA violations (UX.md, principle 7). Each page type is checked
 * once in the suite, on its fullest state, scoped to what it adds: 'main' for a signed-in page (the top
 * bar and navigation around it are checked whole once, on the portfolio), 'dialog' for an open dialog;
 * public pages (sign-in, invite, setup) whole.
 *
 * axe runs in the page itself (our pages have no frames) and is put there once per document: a page the app
 * navigates within keeps it for the next check. @axe-core/playwright, used before, injected the 1.2 MB build
 * before every check (~0.3 s of the page's CPU each, ~0.6 s in a fresh page) for the same rules and results.
 *
 * Rows, cells and list items are checked once per kind (see markRepeatedItems): axe's cost grows with every
 * element it checks, and a plan's 56 rows are 12 kinds of row, a year's calendar 365 days of a dozen kinds,
 * each drawn the same way with other words and dates.
 */
export async function expectAccessible(
  page: Page,
  /** `within`: a CSS selector, for a section added to a page whose whole is checked elsewhere (axe's cost grows with what it checks: ~4 s for the program page's main). */
  opts: { readonly scope?: 'main' | 'dialog'; readonly within?: string } = {},
): Promise<void> {
  const include = [
    ...(opts.scope === 'dialog' ? ['dialog[open]'] : opts.scope === 'main' ? ['main'] : []),
    ...(opts.within !== undefined ? [opts.within] : []),
  ];
  if (!(await page.evaluate(() => 'axe' in globalThis))) await page.evaluate(axeSource);
  await page.evaluate(markRepeatedItems, [repeatedItemMarker, include, repeatedItemSelector] as const);
  const violations = await page.evaluate(
    async ([selectors, tags, marker]) => {
      const { axe, document } = globalThis as unknown as {
        axe: { run(context: unknown, options: unknown): Promise<{ violations: AxeViolation[] }> };
        document: { querySelectorAll(s: string): Iterable<{ removeAttribute(n: string): void }> };
      };
      try {
        const exclude = [[`[${marker}]`]];
        const result = await axe.run(selectors.length > 0 ? { include: selectors, exclude } : { exclude }, {
          resultTypes: ['violations'],
          runOnly: { type: 'tag', values: tags },
        });
        return result.violations.map((v) => ({
          id: v.id,
          impact: v.impact,
          help: v.help,
          nodes: v.nodes.map((n) => ({ target: n.target })),
        }));
      } finally {
        for (const row of document.querySelectorAll(`[${marker}]`)) row.removeAttribute(marker);
      }
    },
    [include, axeTags, repeatedItemMarker] as const,
  );
  const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const found = bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  expect(found, `serious or critical accessibility violations:\n${found.join('\n')}\n`).toEqual([]);
}

export const demoPassword = 'tollgate-demo';

/**
 * Signs in through the API in this browser context, so its pages carry the session cookie: for tests of
 * what comes after signing in (the sign-in page itself has tests of its own). Saves a page load per person.
 */
export async function signInByApi(context: BrowserContext, baseUrl: string, email: string, password = demoPassword): Promise<void> {
  const res = await context.request.post(`${baseUrl}/api/v1/auth/login`, { data: { email, password } });
  expect(res.status(), `signing in ${email}`).toBe(200);
}

/** Signs in through the sign-in page, as a person would, and waits to be let in. */
export async function signIn(page: Page, baseUrl: string, email: string, password = demoPassword): Promise<void> {
  await page.goto(`${baseUrl}/signin`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/signin'));
}
