// @vitest-environment jsdom
import i18next from 'i18next';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PlainDate } from '../../../src/domain/plain-date.js';
import { answer, renderInDom } from '../forms/test-dom.js';
import en from '../i18n/en.json';
import zh from '../i18n/zh-CN.json';
import type { UpdateLink } from './update-link-api.js';
import { UpdateLinkPage } from './update-link-page.js';

const link: UpdateLink = {
  requestId: 'r-1',
  week: '2026-W11',
  askedAt: '2026-03-11T04:00:00.000Z',
  expiresAt: '2026-03-25T04:00:00.000Z',
  person: { name: '刘洋' },
  program: { code: 'KHG-KW500', name: 'Kettle KW-500', timeZone: 'Asia/Shanghai' },
  items: [
    {
      kind: 'milestone',
      id: 'm-1',
      key: 'M-58',
      title: 'Rating label artwork approved',
      why: 'due',
      gateKey: null,
      dueDate: '2026-03-18' as PlainDate,
      baselineDate: '2026-03-18' as PlainDate,
      status: 'open',
      version: 1,
      isConfirmed: false,
      canMove: true,
      canMarkDone: false,
      canAddEvidence: false,
    },
  ],
};

/** English and Simplified Chinese, as the app's catalogues have them. */
function bilingual() {
  const instance = i18next.createInstance();
  void instance.init({
    resources: { en: { translation: en }, 'zh-CN': { translation: zh } },
    lng: 'en',
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
  });
  return instance;
}

const page = (token: string) => {
  const router = createMemoryRouter([{ path: '/update/:token', element: <UpdateLinkPage /> }], { initialEntries: [`/update/${token}`] });
  return renderInDom(<RouterProvider router={router} />, bilingual());
};

describe('the update link page', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    localStorage.clear();
    document.body.innerHTML = '';
  });

  it('switches to Chinese (remembered), and moves a date only with a reason, sending the version read', async () => {
    const fetch = vi.fn(async (_url: string, init?: RequestInit) =>
      init?.method === 'POST'
        ? answer(200, { ...link, items: [{ ...link.items[0], dueDate: '2026-03-24' as PlainDate, version: 2 }] })
        : answer(200, link),
    );
    vi.stubGlobal('fetch', fetch);
    const view = page('tok.sig');
    await view.until(() => view.container.querySelector('h1') !== null);
    expect(view.container.querySelector('h1')?.textContent).toBe('Your items for KHG-KW500 Kettle KW-500');
    await view.click('简体中文');
    expect(view.container.querySelector('h1')?.textContent).toBe('KHG-KW500 Kettle KW-500：您的事项');
    expect(localStorage.getItem('tollgate.updateLinkLanguage')).toBe('zh-CN');
    await view.click('调整日期');
    await view.fill('新的预计日期', '2026-03-24');
    await view.click('保存新日期');
    expect(view.errorOf('日期为何调整？')).toBe('请说明日期调整的原因。');
    expect(fetch).toHaveBeenCalledTimes(1);
    await view.fill('日期为何调整？', '客户修改了标签文字');
    await view.click('保存新日期');
    const [url, init] = fetch.mock.calls[1] as [string, RequestInit];
    expect(url).toBe('/api/v1/update-links/tok.sig/items/m-1/forecast');
    expect(JSON.parse(String(init.body))).toEqual({ forecastDate: '2026-03-24', reason: '客户修改了标签文字', version: 1 });
    expect(view.container.textContent).toContain('新日期及原因已保存。');
  });

  it('says plainly when a link was withdrawn, expired or changed', async () => {
    for (const [code, status, title] of [
      ['UPDATE_LINK_REVOKED', 410, 'This link was withdrawn'],
      ['UPDATE_LINK_EXPIRED', 410, 'This link has expired'],
      ['UPDATE_LINK_INVALID', 404, 'This link does not work'],
    ] as const) {
      vi.stubGlobal('fetch', async () => answer(status, { type: 'about:blank', title: 'x', status, code, detail: 'English' }));
      const view = page('tok.sig');
      await view.until(() => view.container.querySelector('h1') !== null);
      expect(view.container.querySelector('h1')?.textContent).toBe(title);
      expect(view.container.textContent).toContain(`Error code: ${code}`);
      view.unmount();
    }
  });
});
