// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { answer, renderInDom } from '../forms/test-dom.js';
import { NarrativeEditor } from './narrative-editor.js';

const conflict = () =>
  answer(409, {
    type: 'about:blank',
    title: 'Conflict',
    status: 409,
    code: 'VERSION_CONFLICT',
    detail: 'The narrative of 2026-W11 was changed by someone else; reload and retry.',
  });
const draft = (narrative: string, narrativeVersion: number) => ({ narrativeVersion, report: { narrative } });

afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

describe('NarrativeEditor', () => {
  it('writes at the version read; a narrative saved meanwhile is refused, said so, and the typed words are kept', async () => {
    const fetch = vi.fn(async (_url: string, _init: RequestInit) => conflict());
    vi.stubGlobal('fetch', fetch);
    const view = renderInDom(<NarrativeEditor programId="KHG-KW500" week="2026-W11" narrative="" version={0} />);
    await view.fill('Your words on the week', 'Pilot holds; steel is late.');
    await view.click('Save narrative');
    expect(fetch.mock.calls.map(([url, init]) => [url, JSON.parse(String(init.body))])).toEqual([
      ['/api/v1/programs/KHG-KW500/reports/2026-W11/narrative', { narrative: 'Pilot holds; steel is late.', version: 0 }],
    ]);
    expect(view.container.textContent).toContain('Someone else saved this narrative while you wrote.');
    expect(view.byLabel<HTMLTextAreaElement>('Your words on the week').value).toBe('Pilot holds; steel is late.');

    fetch.mockImplementation(async () => answer(200, draft('Pilot holds; steel is late.', 2)));
    await view.click('Save narrative');
    expect(view.container.textContent).toContain('Narrative saved.');
    expect(view.container.textContent).not.toContain('Someone else saved this narrative');
  });
});
