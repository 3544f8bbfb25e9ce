// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { answer, renderInDom } from '../forms/test-dom.js';
import type { ProgramPerson } from '../lib/api.js';
import type { Risk } from '../lib/records-api.js';
import { EndRiskDialog } from './end-risk-dialog.js';
import { UpdateRiskDialog } from './update-risk-dialog.js';

const chen = { id: 'u-chen', name: 'Chen Wei', email: 'chen@example.test' };
const tom = { id: 'u-tom', name: 'Tom Becker', email: 'tom@example.test' };
const people: ProgramPerson[] = [
  { ...chen, roles: ['contributor'] },
  { ...tom, roles: ['observer'] },
];

const risk: Risk = {
  id: 'r-1',
  programId: 'p-1',
  programCode: 'KHG-KW500',
  key: 'R-2',
  title: 'Resin price spike',
  description: '',
  owner: chen,
  category: 'supply',
  likelihood: 3,
  impact: 4,
  score: 12,
  band: 'medium',
  earlyWarning: '',
  strategy: 'mitigate',
  mitigation: '',
  residualLikelihood: null,
  residualImpact: null,
  residualScore: null,
  reviewDate: null,
  isReviewDue: false,
  flags: ['no_due_date'],
  status: 'open',
  actions: [],
  version: 3,
};

const server = (write: () => Response) => vi.fn(async (_url: string, _init: RequestInit) => write());
const sent = (fetch: ReturnType<typeof server>) => fetch.mock.calls.map(([url, init]) => [url, JSON.parse(String(init.body))]);
const alertOf = (container: HTMLElement) => container.querySelector('[role="alert"]')?.textContent ?? '';

afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

describe('UpdateRiskDialog', () => {
  const open = () =>
    renderInDom(<UpdateRiskDialog programId="KHG-KW500" risk={risk} people={people} onClose={vi.fn()} onSaved={vi.fn()} />);

  it('asks why before anything is sent, and says when nothing would change', async () => {
    const fetch = server(() => answer(200, risk));
    vi.stubGlobal('fetch', fetch);
    const view = open();
    await view.fill('Likelihood', '');
    await view.click('Save');
    expect(view.errorOf('Reason for the change')).toBe('Say why the risk changes.');
    expect(view.errorOf('Likelihood')).toBe('Choose how likely it is, from 1 to 5.');

    await view.fill('Likelihood', '3');
    await view.fill('Reason for the change', 'Weekly review');
    await view.click('Save');
    expect(alertOf(view.container)).toContain('Nothing to save: no field was changed.');
    expect(fetch).not.toHaveBeenCalled();
  });

  it('re-scores with only the levels that changed, and offers as owner only those who may act on it', async () => {
    const fetch = server(() => answer(200, { ...risk, likelihood: 5, score: 20, version: 4 }));
    vi.stubGlobal('fetch', fetch);
    const view = open();
    expect([...view.byLabel<HTMLSelectElement>('Owner').options].map((o) => o.textContent)).toEqual(['Choose a person…', 'Chen Wei']);
    await view.fill('Likelihood', '5');
    await view.fill('Residual likelihood', '2');
    await view.fill('Residual impact', '2');
    await view.fill('Reason for the change', 'Supplier on allocation');
    await view.click('Save');
    expect(sent(fetch)).toEqual([
      [
        '/api/v1/programs/KHG-KW500/risks/r-1',
        { version: 3, reason: 'Supplier on allocation', likelihood: 5, residualLikelihood: 2, residualImpact: 2 },
      ],
    ]);
  });
});

describe('EndRiskDialog', () => {
  const open = (kind: 'close' | 'realize') => {
    const onSaved = vi.fn();
    const view = renderInDom(
      <EndRiskDialog programId="KHG-KW500" risk={risk} kind={kind} people={people} onClose={vi.fn()} onSaved={onSaved} />,
    );
    return { ...view, onSaved };
  };

  it('closes with a reason only', async () => {
    const fetch = server(() => answer(200, { ...risk, status: 'closed', version: 4 }));
    vi.stubGlobal('fetch', fetch);
    const view = open('close');
    await view.click('Close risk');
    expect(view.errorOf('Why it is closed')).toBe('Say why the risk is closed.');
    await view.fill('Why it is closed', 'Second source qualified');
    await view.click('Close risk');
    expect(sent(fetch)).toEqual([['/api/v1/programs/KHG-KW500/risks/r-1/close', { version: 3, reason: 'Second source qualified' }]]);
    expect(view.onSaved).toHaveBeenCalledWith(expect.objectContaining({ status: 'closed' }), null);
  });

  it('realizes with what happened, leaving the response’s defaults to the server when its fields are empty', async () => {
    const action = { id: 'a-9', key: 'A-9', title: 'Respond to: Resin price spike' };
    const fetch = server(() => answer(200, { risk: { ...risk, status: 'realized', version: 4 }, action }));
    vi.stubGlobal('fetch', fetch);
    const view = open('realize');
    await view.click('Mark realized and open action');
    expect(view.errorOf('What happened')).toBe('Say what happened.');
    expect(fetch).not.toHaveBeenCalled();

    await view.fill('What happened', 'Price up 30 % overnight');
    await view.fill('Action', '');
    await view.click('Mark realized and open action');
    expect(sent(fetch)).toEqual([
      [
        '/api/v1/programs/KHG-KW500/risks/r-1/realize',
        { version: 3, reason: 'Price up 30 % overnight', action: { severity: 'high', ownerId: 'u-chen' } },
      ],
    ]);
    expect(view.onSaved).toHaveBeenCalledWith(expect.objectContaining({ status: 'realized' }), action);
  });
});
