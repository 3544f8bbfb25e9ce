// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { answer, renderInDom } from '../forms/test-dom.js';
import type { ProgramPerson } from '../lib/api.js';
import type { Decision } from '../lib/records-api.js';
import { DecideDialog } from './decide-dialog.js';
import { EditDecisionDialog } from './edit-decision-dialog.js';
import { SupersedeDialog } from './supersede-dialog.js';

const jonas = { id: 'u-jonas', name: 'Jonas Keller', email: 'jonas@example.test' };
const chen = { id: 'u-chen', name: 'Chen Wei', email: 'chen@example.test' };
const people: ProgramPerson[] = [
  { ...jonas, roles: ['decision_owner'] },
  { ...chen, roles: ['contributor'] },
];

const decision = (over: Partial<Decision> = {}): Decision => ({
  id: 'd-1',
  programId: 'p-1',
  programCode: 'KHG-KW500',
  key: 'D-3',
  statement: 'Air freight the T2 samples?',
  context: '',
  options: 'Air\nSea',
  owner: jonas,
  requestedBy: jonas,
  dueDate: '2026-03-13' as Decision['dueDate'],
  isOverdue: false,
  flags: ['no_due_date'],
  status: 'open',
  outcome: null,
  rationale: null,
  expectedImpact: null,
  decidedAt: null,
  decidedBy: null,
  supersedes: null,
  supersededBy: null,
  links: [],
  version: 2,
  warnings: [],
  ...over,
});
const decided = decision({ status: 'decided', outcome: 'Air freight', rationale: 'Sea misses G2', expectedImpact: 'EUR 4k', flags: [] });

const server = (write: () => Response) => vi.fn(async (_url: string, _init: RequestInit) => write());
const sent = (fetch: ReturnType<typeof server>) => fetch.mock.calls.map(([url, init]) => [url, JSON.parse(String(init.body))]);

afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

describe('DecideDialog', () => {
  it('asks for outcome, rationale and expected impact together, then records them', async () => {
    const fetch = server(() => answer(200, decided));
    vi.stubGlobal('fetch', fetch);
    const onSaved = vi.fn();
    const view = renderInDom(<DecideDialog programId="KHG-KW500" decision={decision()} onClose={vi.fn()} onSaved={onSaved} />);
    await view.click('Record decision');
    expect([view.errorOf('Outcome'), view.errorOf('Rationale'), view.errorOf('Expected impact')]).toEqual([
      'Say what was decided.',
      'Say why.',
      'Say what it will change (dates, cost, quality).',
    ]);
    expect(fetch).not.toHaveBeenCalled();

    await view.fill('Outcome', 'Air freight');
    await view.fill('Rationale', 'Sea misses G2');
    await view.fill('Expected impact', 'EUR 4k');
    await view.click('Record decision');
    expect(sent(fetch)).toEqual([
      [
        '/api/v1/programs/KHG-KW500/decisions/d-1/decide',
        { version: 2, outcome: 'Air freight', rationale: 'Sea misses G2', expectedImpact: 'EUR 4k' },
      ],
    ]);
    expect(onSaved).toHaveBeenCalledWith(decided);
  });
});

describe('SupersedeDialog', () => {
  const open = () => renderInDom(<SupersedeDialog programId="KHG-KW500" decision={decided} onClose={vi.fn()} onSaved={vi.fn()} />);

  it('asks why course changes along with the new verdict, before anything is sent', async () => {
    const fetch = server(() => answer(200, {}));
    vi.stubGlobal('fetch', fetch);
    const view = open();
    await view.fill('Decision needed', '');
    await view.click('Record new decision');
    expect(view.errorOf('Why change course')).toBe('Say why the earlier decision no longer holds.');
    expect(view.errorOf('Decision needed')).toBe('Say what must be decided.');
    expect(view.errorOf('Outcome')).toBe('Say what was decided.');
    expect(fetch).not.toHaveBeenCalled();
  });

  it('keeps the earlier statement unless it is reworded', async () => {
    const fetch = server(() => answer(200, { replaced: decided, replacement: decided }));
    vi.stubGlobal('fetch', fetch);
    const view = open();
    await view.fill('Why change course', 'An earlier vessel');
    await view.fill('Outcome', 'Sea freight');
    await view.fill('Rationale', 'Vessel arrives in time');
    await view.fill('Expected impact', 'Saves EUR 4k');
    await view.click('Record new decision');
    await view.fill('Decision needed', 'Ship the T2 samples by sea?');
    await view.click('Record new decision');
    const verdict = { outcome: 'Sea freight', rationale: 'Vessel arrives in time', expectedImpact: 'Saves EUR 4k' };
    expect(sent(fetch).map(([, body]) => body)).toEqual([
      { version: 2, reason: 'An earlier vessel', ...verdict },
      { version: 2, reason: 'An earlier vessel', ...verdict, statement: 'Ship the T2 samples by sea?' },
    ]);
  });
});

describe('EditDecisionDialog', () => {
  const open = () =>
    renderInDom(<EditDecisionDialog programId="KHG-KW500" people={people} decision={decision()} onClose={vi.fn()} onSaved={vi.fn()} />);

  it('offers as owners only the people who may decide, and sends only what changed', async () => {
    const fetch = server(() => answer(200, decision({ version: 3 })));
    vi.stubGlobal('fetch', fetch);
    const view = open();
    const offered = [...view.byLabel<HTMLSelectElement>('Who decides').options].map((o) => o.textContent);
    expect(offered).toEqual(['Choose a person…', 'Jonas Keller']);
    await view.click('Save');
    expect(view.container.querySelector('[role="alert"]')?.textContent).toContain('Nothing to save');
    await view.fill('Decide by', '2026-03-06');
    await view.click('Save');
    expect(sent(fetch)).toEqual([['/api/v1/programs/KHG-KW500/decisions/d-1', { version: 2, dueDate: '2026-03-06' }]]);
  });

  it('says from the catalogue that a decided decision is not edited', async () => {
    vi.stubGlobal(
      'fetch',
      server(() =>
        answer(409, { type: 'about:blank', title: 'Closed', status: 409, code: 'DECISION_CLOSED', detail: 'D-3 is decided (English).' }),
      ),
    );
    const view = open();
    await view.fill('Context', 'Customer asked twice');
    await view.click('Save');
    const alert = view.container.querySelector('[role="alert"]')?.textContent ?? '';
    expect(alert).toContain('The decision is decided or superseded and no longer changes; supersede it to change course.');
    expect(alert).not.toContain('English');
  });
});
