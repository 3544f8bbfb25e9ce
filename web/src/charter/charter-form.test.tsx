// @vitest-environment jsdom
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { answer, renderInDom } from '../forms/test-dom.js';
import type { Charter } from './charter-api.js';
import { CharterEditForm } from './charter-form.js';

const people = [
  { id: 'u-ana', name: 'Ana Lima' },
  { id: 'u-jonas', name: 'Jonas Keller' },
  { id: 'u-li', name: 'Li Wei' },
];
const charter: Charter = {
  programId: 'p-1',
  programCode: 'KHG-KW600',
  decisionOwnerId: 'u-jonas',
  escalationPath: ['u-ana', 'u-jonas'],
  successDefinitions: { G1: 'Golden sample signed.' },
  weeklyReport: {
    weekday: 5,
    time: '16:00',
    recipientIds: ['u-jonas'],
    recipientEmails: ['buyer@keller.example'],
    updateRequests: { businessDaysBefore: null, untouchedDays: 14 },
    autoIssue: false,
  },
  leadershipReview: { scoreAtLeast: 15, unresolvedDays: 10 },
  people: people.map((p) => ({ ...p, email: `${p.id.slice(2)}@example.test` })),
  gates: ['G1', 'G2'],
  gaps: [{ path: 'successDefinitions.G2', message: 'English' }],
  version: 3,
};

describe('CharterEditForm', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    document.body.innerHTML = '';
  });

  it('reorders the escalation path, adds a level, turns update requests on, and sends the whole charter at the version read', async () => {
    const fetch = vi.fn(async (_url: string, init?: RequestInit) =>
      answer(200, { ...charter, ...JSON.parse(String(init?.body)), gaps: [] }),
    );
    vi.stubGlobal('fetch', fetch);
    const onDone = vi.fn();
    const view = renderInDom(
      <CharterEditForm programId="KHG-KW600" charter={charter} people={people} onDone={onDone} onCancel={vi.fn()} />,
    );
    const press = async (label: string) => {
      const button = view.container.querySelector<HTMLButtonElement>(`button[aria-label="${label}"]`);
      if (!button) throw new Error(`No button "${label}".`);
      await act(async () => button.click());
    };
    expect(view.byLabel<HTMLSelectElement>('Level 1').value).toBe('u-ana');
    expect(view.container.querySelector<HTMLButtonElement>('button[aria-label="Move Level 1 up"]')?.disabled).toBe(true);
    await press('Move Level 1 down');
    expect(view.byLabel<HTMLSelectElement>('Level 1').value).toBe('u-jonas');
    expect(view.byLabel<HTMLSelectElement>('Level 2').value).toBe('u-ana');
    await view.click('Add a level');
    await view.fill('Level 3', 'u-li');
    await view.fill('Success at G2', 'Pilot run passed.');
    await view.fill('When', '2');
    await view.click('Save charter');

    expect(fetch).toHaveBeenCalledTimes(1);
    const [url, init] = fetch.mock.calls[0] as [string, RequestInit];
    expect(url).toBe('/api/v1/programs/KHG-KW600/charter');
    expect(init.method).toBe('PUT');
    expect(JSON.parse(String(init.body))).toEqual({
      version: 3,
      decisionOwnerId: 'u-jonas',
      escalationPath: ['u-jonas', 'u-ana', 'u-li'],
      successDefinitions: { G1: 'Golden sample signed.', G2: 'Pilot run passed.' },
      weeklyReport: {
        weekday: 5,
        time: '16:00',
        recipientIds: ['u-jonas'],
        recipientEmails: ['buyer@keller.example'],
        updateRequests: { businessDaysBefore: 2, untouchedDays: 14 },
        autoIssue: false,
      },
      leadershipReview: { scoreAtLeast: 15, unresolvedDays: 10 },
    });
    expect(onDone).toHaveBeenCalled();
  });

  it('refuses an empty level before sending, and puts the server’s refusal on its field', async () => {
    const fetch = vi.fn(async () =>
      answer(422, {
        type: 'about:blank',
        title: 'Validation failed',
        status: 422,
        code: 'VALIDATION_FAILED',
        detail: 'English',
        errors: [{ path: 'leadershipReview.scoreAtLeast', message: 'English' }],
      }),
    );
    vi.stubGlobal('fetch', fetch);
    const view = renderInDom(
      <CharterEditForm programId="KHG-KW600" charter={charter} people={people} onDone={vi.fn()} onCancel={vi.fn()} />,
    );
    await view.click('Add a level');
    await view.click('Save charter');
    expect(view.errorOf('Level 3')).not.toBeNull();
    expect(fetch).not.toHaveBeenCalled();
    const remove = view.container.querySelector<HTMLButtonElement>('button[aria-label="Remove Level 3"]');
    expect(remove).not.toBeNull();
    await act(async () => remove?.click());
    expect(view.container.querySelectorAll('.charter-levels__item')).toHaveLength(2);
    await view.fill('From risk score', '40');
    await view.click('Save charter');
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(view.errorOf('From risk score')).not.toBeNull();
  });
});
