// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { CopyPreviewSchema } from '../../../src/contract/setup.js';
import { renderInDom } from '../forms/test-dom.js';
import { englishI18n } from '../i18n/test-render.js';
import { formatPlainDate } from '../lib/format.js';
import { CopyPreviewTable } from './copy-preview-table.js';
import type { CopyPreview } from './setup-api.js';

// The server's English words stand in `message`; the page must word every note itself from the catalogue.
const server = 'English words from the server';
const ida = { id: 'u-ida', name: 'Ida Berg' };
const preview: CopyPreview = CopyPreviewSchema.parse({
  source: { id: 'p-kw', code: 'KHG-KW500', name: 'Kettle KW500' },
  start: '2026-10-08',
  timeZone: 'Asia/Shanghai',
  country: 'CN',
  targetReleaseDate: null,
  notes: [{ code: 'START_MOVED', message: server, params: { from: '2026-10-01', to: '2026-10-08', day: 'National Day' } }],
  owners: [{ id: ida.id, name: ida.name, milestones: 1, mapsTo: null, isChosen: false }],
  possibleOwners: [{ id: 'u-ana', name: 'Ana Lima' }],
  milestones: [
    {
      sourceKey: 'M-1',
      key: 'M-1',
      name: 'Design freeze',
      phase: 'G1',
      sourceDate: '2026-03-02',
      date: '2026-10-09',
      owner: null,
      sourceOwner: ida,
      notes: [
        { code: 'HOLIDAY', message: server, params: { date: '2026-10-05', day: 'National Day', movedTo: '2026-10-09' } },
        { code: 'OWNER_LEFT', message: server, params: { ownerId: ida.id, owner: ida.name, isChosen: false } },
      ],
    },
    {
      sourceKey: 'M-2',
      key: 'M-2',
      name: 'Tooling T1',
      phase: 'G2',
      sourceDate: '2026-03-16',
      date: '2026-10-26',
      owner: { id: 'u-ana', name: 'Ana Lima' },
      sourceOwner: { id: 'u-ana', name: 'Ana Lima' },
      notes: [
        { code: 'CLOSED_DAYS_BETWEEN', message: server, params: { days: 1, first: '2026-10-01', day: 'National Day' } },
        { code: 'PUSHED_BY_LINK', message: server, params: { predecessorKey: 'M-1', lagDays: -1, from: '2026-10-22' } },
      ],
    },
  ],
  links: [{ predecessorKey: 'M-1', successorKey: 'M-2', lagDays: -1 }],
});

const noteTexts = (container: HTMLElement) => [...container.querySelectorAll('li')].map((li) => li.textContent);
const d = formatPlainDate;

describe('CopyPreviewTable', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('words every note from the English catalogue by its code and parameters, as the server words it, dates as the reader writes them', () => {
    const view = renderInDom(<CopyPreviewTable preview={preview} />);
    expect(noteTexts(view.container)).toEqual([
      `${d('2026-10-01')} is not a working day at the new factory (National Day); the plan starts on ${d('2026-10-08')}.`,
      `${d('2026-10-05')} is not a working day at the new factory (National Day); counted in business days from the start, it lands on ${d('2026-10-09')}.`,
      'Ida Berg owns it in the source but will hold no role on the new program: left for assignment.',
      `1 weekday is closed at the new factory before it (from ${d('2026-10-01')}, National Day); it lands later by as many business days.`,
      `Pushed from ${d('2026-10-22')} to meet its dependency on M-1 (lag -1 business day).`,
    ]);
    expect(view.container.textContent).not.toContain(server);
  });

  it('says the notes in another language when its catalogue does, falling back to English for what it lacks', () => {
    const i18n = englishI18n();
    i18n.addResourceBundle('de', 'translation', {
      setup: {
        copyNote: {
          START_MOVED: '{{from}} ist im neuen Werk kein Arbeitstag ({{day}}); der Plan beginnt am {{to}}.',
          OWNER_LEFT: '{{owner}} hat im neuen Programm keine Rolle: zur Zuweisung offen.',
        },
      },
    });
    void i18n.changeLanguage('de');
    const view = renderInDom(<CopyPreviewTable preview={preview} />, i18n);
    const texts = noteTexts(view.container);
    expect(texts[0]).toBe(`${d('2026-10-01')} ist im neuen Werk kein Arbeitstag (National Day); der Plan beginnt am ${d('2026-10-08')}.`);
    expect(texts[2]).toBe('Ida Berg hat im neuen Programm keine Rolle: zur Zuweisung offen.');
    expect(texts[1]).toContain('is not a working day at the new factory');
  });

  it('shows each milestone with its owner as now chosen, and drops "left for assignment" once someone owns it', () => {
    const ana = { id: 'u-ana', name: 'Ana Lima' };
    const view = renderInDom(
      <CopyPreviewTable preview={preview} ownerFor={(source, previewed) => (source?.id === ida.id ? ana : previewed)} />,
    );
    const first = view.container.querySelector('tbody tr');
    expect(first?.textContent).toContain('Ana Lima');
    expect(first?.textContent).not.toContain('left for assignment');
    expect(first?.textContent).not.toContain('Left for assignment');
  });
});
