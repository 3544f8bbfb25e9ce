import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invitePerson } from '../../src/app/auth/invite-person.js';
import { principalOf } from '../../src/app/auth/principal.js';
import { getCharter } from '../../src/app/charter/get-charter.js';
import { setCharter } from '../../src/app/charter/set-charter.js';
import { createMilestone } from '../../src/app/create-milestone.js';
import { unwrap } from '../../src/app/create-records.js';
import type { AppDeps } from '../../src/app/deps.js';
import type { User } from '../../src/app/ports.js';
import { runUpdateRequests } from '../../src/app/update-requests/run-update-requests.js';
import { signUpdateLink } from '../../src/app/update-requests/update-link-token.js';
import type { PlainDate } from '../../src/domain/plain-date.js';
import type { AuthorizedProgramId } from '../../src/domain/policy.js';
import { openStore } from '../../src/store/open-store.js';
import { contextAt, expectAccessible, keepForDocs, launchChromium, screenshot, signInByApi } from '../support/browser.js';
import { demoDataDir } from '../support/databases.js';
import { type ApiSession, apiSession, type DemoBrowser, startDemoBrowser } from '../support/demo-browser.js';
import { demoInstant } from '../support/demo-template.js';
import { testPasswords } from '../support/passwords.js';

const wait = { timeout: 60_000 };
const code = 'KHG-KW500';
/** The demo's instant is Wednesday 11 March 2026, noon in Ningbo: two business days before Friday's report of 2026-W11. */
const week = '2026-W11';

/**
 * This machine has no Chinese font (people's computers and phones do: PingFang SC, Microsoft YaHei, Noto): the supplier's
 * browser gets Noto Sans SC, from the npm package the PDFs embed, through a fontconfig file of its own that adds it to
 * the system's fonts, so the screenshot shows the characters rather than empty boxes. Nothing outside the test changes.
 */
async function chromiumWithChineseFont(): Promise<{ browser: Browser; close(): Promise<void>; dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'tollgate-e2e-fonts-'));
  const fonts = join(dir, 'fonts');
  mkdirSync(fonts);
  const require = createRequire(import.meta.url);
  for (const weight of ['400Regular', '700Bold'])
    copyFileSync(
      require.resolve(`@expo-google-fonts/noto-sans-sc/${weight}/NotoSansSC_${weight}.ttf`),
      join(fonts, `NotoSansSC_${weight}.ttf`),
    );
  const conf = join(dir, 'fonts.conf');
  writeFileSync(
    conf,
    `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig><include ignore_missing="yes">/etc/fonts/fonts.conf</include><dir>${fonts}</dir><cachedir>${join(dir, 'cache')}</cachedir></fontconfig>\n`,
  );
  const chromium = await launchChromium({ FONTCONFIG_FILE: conf });
  return { ...chromium, dir };
}

/** What the run left for the browser: the supplier contact's signed link and their two milestones. */
const made = { token: '', contactId: '' };

/**
 * Beside the running server (SQLite lets two writers take turns), at the demo's instant: the charter of KHG-KW500
 * asks for updates two business days before its Friday report; 刘洋, the supplier's contact, is invited (never signs
 * in) and owns two milestones due this week and next; the update request run asks every owner, and she gets a link.
 */
async function askForUpdates(dataDir: string): Promise<void> {
  const opened = openStore({ dataDir });
  try {
    const deps: AppDeps = { store: opened.store, clock: { now: () => new Date(demoInstant) }, newId: uuidv7, passwords: testPasswords };
    const reads = opened.store.reads;
    const person = async (email: string) => principalOf(reads, (await reads.findUserByEmail(email)) as User);
    const [admin, lead] = [await person('admin@demo.test'), await person('lead@demo.test')];
    const program = await reads.findProgram(code);
    if (!program) throw new Error(`no ${code}`);
    const contact = unwrap(
      await invitePerson(deps, {
        actor: admin,
        email: 'liu.yang@lisheng.example',
        name: '刘洋',
        timeZone: 'Asia/Shanghai',
        roles: [{ programId: program.id, role: 'contributor' }],
      }),
    ).user;
    made.contactId = contact.id;
    for (const [name, baselineDate] of [
      ['Carton drop test passed', '2026-03-13'],
      ['Rating label artwork approved', '2026-03-18'],
    ] as const)
      unwrap(
        await createMilestone(deps, {
          programId: program.id,
          actor: lead,
          name,
          phase: 'G2',
          ownerId: contact.id,
          baselineDate: baselineDate as PlainDate,
        }),
      );
    const current = unwrap(await getCharter(deps, { programId: code, actor: lead }));
    unwrap(
      await setCharter(deps, {
        programId: code,
        actor: lead,
        version: current.version,
        reason: 'Ask owners before the report',
        charter: {
          ...current,
          weeklyReport: { ...current.weeklyReport, updateRequests: { businessDaysBefore: 2, untouchedDays: 14 } },
        },
      }),
    );
    const run = await runUpdateRequests(deps);
    expect(run.requests).toBeGreaterThan(1);
    const requests = await reads.listUpdateRequests(program.id as AuthorizedProgramId, week);
    const hers = requests.find((r) => r.ownerId === contact.id);
    if (!hers) throw new Error('no request for the contact');
    made.token = signUpdateLink(await reads.mailLinkKey(), hers.id);
  } finally {
    await opened.store.close();
  }
}

// The real server and built web app on the demo: a supplier's contact without an account opens her signed link on a
// phone, switches the page to Simplified Chinese, confirms one forecast and moves another with a reason; the cadence
// owner sees she answered, withdraws the link, and the page then says so.
describe('browser: a supplier’s update page through a signed link', () => {
  let world: DemoBrowser;
  let lead: ApiSession;
  let phoneContext: BrowserContext;
  let phone: Page;
  let supplierBrowser: Awaited<ReturnType<typeof chromiumWithChineseFont>> | undefined;
  const url = () => `${world.server.url}/update/${made.token}`;
  const card = (name: string) => phone.getByRole('article').filter({ has: phone.getByRole('heading', { name: new RegExp(name) }) });

  beforeAll(async () => {
    world = await startDemoBrowser(demoDataDir('tollgate-e2e-update-requests-'), askForUpdates);
    lead = await apiSession(world.browser, world.server.url, 'lead@demo.test');
    supplierBrowser = await chromiumWithChineseFont();
    phoneContext = await contextAt(supplierBrowser.browser, demoInstant, {
      locale: 'en-GB',
      timezoneId: 'Asia/Shanghai',
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    phone = await phoneContext.newPage();
  });
  afterAll(async () => {
    await phoneContext?.close();
    await supplierBrowser?.close();
    if (supplierBrowser) rmSync(supplierBrowser.dir, { recursive: true, force: true });
    await lead?.close();
    await world?.stop();
  });

  it('opens in English without signing in, and switches to Simplified Chinese, remembered', async () => {
    await phone.goto(url());
    await phone.getByRole('heading', { level: 1, name: /^Your items for KHG-KW500/ }).waitFor(wait);
    expect(await phoneContext.cookies()).toEqual([]);
    expect(await phone.getByRole('article').count()).toBe(2);
    await phone.getByRole('button', { name: '简体中文' }).click();
    await phone.getByRole('heading', { level: 1, name: /KHG-KW500 .*：您的事项/ }).waitFor(wait);
    expect(await phone.getByRole('button', { name: '简体中文' }).getAttribute('aria-pressed')).toBe('true');
    expect(await phone.evaluate<string>('document.documentElement.lang')).toBe('zh-CN');
    await phone.reload();
    await phone.getByRole('heading', { level: 1, name: /您的事项/ }).waitFor(wait);
  });

  it('confirms one forecast, and moves another only with a reason', async () => {
    const drop = card('Carton drop test passed');
    await drop.getByRole('button', { name: '确认此日期' }).click();
    await drop.getByText('已确认无变化').waitFor(wait);

    const label = card('Rating label artwork approved');
    await label.getByRole('button', { name: '调整日期' }).click();
    await label.getByLabel('新的预计日期').fill('2026-03-24');
    await label.getByRole('button', { name: '保存新日期' }).click();
    await label.getByText('请说明日期调整的原因。').waitFor(wait);
    await label.getByLabel('日期为何调整？').fill('客户修改了标签文字，需重新打样。');
    await label.getByRole('button', { name: '保存新日期' }).click();
    await label.getByRole('status').filter({ hasText: '新日期及原因已保存。' }).waitFor(wait);
    await expect.poll(() => label.textContent(), wait).toContain('2026');
    expect(await label.textContent()).toMatch(/24/);

    // Nothing is wider than the phone's window; the page is clean for axe.
    expect(await phone.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth')).toBeLessThanOrEqual(0);
    await expectAccessible(phone);
    keepForDocs(await screenshot(phone, 'supplier-update-zh'));
  });

  it('shows the cadence owner that she answered, under her name in the change log; a withdrawn link then says so', async () => {
    type Requests = { requests: { id: string; owner: { id: string }; answeredAt: string | null; answeredItemIds: string[] }[] };
    const list = await lead.call<Requests>('GET', `/programs/${code}/update-requests?week=${week}`);
    const hers = list.requests.find((r) => r.owner.id === made.contactId);
    expect(hers?.answeredAt).not.toBeNull();
    expect(hers?.answeredItemIds).toHaveLength(2);
    type Changes = {
      items: { by: { id: string; name: string }; reason: string | null; fields: { field: string; newValue: string | null }[] }[];
    };
    const log = await lead.call<Changes>('GET', `/programs/${code}/change-log?limit=10`);
    const move = log.items.find((w) => w.fields.some((c) => c.field === 'forecastDate' && c.newValue === '2026-03-24'));
    expect(move?.by).toMatchObject({ id: made.contactId, name: '刘洋' });
    expect(move?.reason).toBe('客户修改了标签文字，需重新打样。');

    // The program page's section, as the cadence owner reads it.
    const context = await contextAt((supplierBrowser as { browser: Browser }).browser, demoInstant, {
      locale: 'en-GB',
      timezoneId: 'America/Chicago',
      viewport: { width: 1400, height: 900 },
    });
    await signInByApi(context, world.server.url, 'lead@demo.test');
    const page = await context.newPage();
    await page.goto(`${world.server.url}/programs/${code}`);
    const section = page.getByRole('region', { name: 'Update requests before the weekly report' });
    await section.waitFor(wait);
    await section.getByRole('row', { name: /刘洋/ }).waitFor(wait);
    await section.scrollIntoViewIfNeeded();
    // The section (the program page as a whole is checked by program-flow.test.ts).
    await expectAccessible(page, { within: `section[aria-labelledby="${await section.getAttribute('aria-labelledby')}"]` });
    keepForDocs(await screenshot(page, 'update-requests-section', { viewport: true }));
    await section.getByRole('button', { name: 'Withdraw the link of 刘洋' }).click();
    await section.getByRole('row', { name: /刘洋.*withdrawn/ }).waitFor(wait);
    await context.close();

    await phone.reload();
    await phone.getByRole('heading', { level: 1, name: '此链接已被撤回' }).waitFor(wait);
    await expectAccessible(phone);
  });
});
