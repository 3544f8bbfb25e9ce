// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { answer, renderInDom } from '../forms/test-dom.js';
import { RequestDecisionDialog } from './request-decision-dialog.js';

const people = [{ id: 'u-jonas', name: 'Jonas Keller', email: 'owner@example.test', roles: ['decision_owner' as const] }];

/** The milestones the links field lists; every other request is a write. */
const server = (write: (init: RequestInit) => Response) =>
  vi.fn(async (_url: string, init: RequestInit) => (init.method === 'GET' ? answer(200, { items: [] }) : write(init)));

function open() {
  const onSaved = vi.fn();
  const view = renderInDom(<RequestDecisionDialog programId="KHG-KW500" people={people} onClose={vi.fn()} onSaved={onSaved} />);
  return { ...view, onSaved };
}

describe('RequestDecisionDialog', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    document.body.innerHTML = '';
  });

  it('asks for the statement, the owner and the due date together before anything is sent', async () => {
    const fetch = server(() => answer(201, {}));
    vi.stubGlobal('fetch', fetch);
    const view = open();
    await view.click('Save');
    expect(view.errorOf('Decide by')).toBe('Say by when it must be decided: every decision has a due date.');
    expect(view.byLabel<HTMLInputElement>('Decide by').required).toBe(true);
    expect(view.byLabel('Who decides').getAttribute('aria-required')).toBe('true');
    expect(fetch.mock.calls.filter(([, init]) => init.method !== 'GET')).toEqual([]);
  });

  it('asks for the statement and the owner together, and a date in range, before anything is sent', async () => {
    const fetch = server(() => answer(201, {}));
    vi.stubGlobal('fetch', fetch);
    const view = open();
    await view.fill('Decide by', '1999-12-31');
    await view.click('Save');

    expect(view.errorOf('Decision needed')).toBe('Say what must be decided.');
    expect(view.errorOf('Who decides')).toBe('Name the decision owner.');
    expect(view.errorOf('Decide by')).toBe('Choose a date from 2000-01-01 to 2099-12-31.');
    expect(view.errorOf('Context')).toBeNull();
    expect(fetch.mock.calls.filter(([, init]) => init.method !== 'GET')).toEqual([]);
  });

  it('clears a fault once it is mended, and sends the request', async () => {
    const fetch = server(() => answer(201, { id: 'd1', key: 'D-9' }));
    vi.stubGlobal('fetch', fetch);
    const view = open();
    await view.click('Save');
    await view.fill('Decision needed', 'Air freight the T2 samples?');
    await view.fill('Who decides', 'u-jonas');
    await view.fill('Decide by', '2026-03-13');
    expect(view.errorOf('Decision needed')).toBeNull();
    await view.click('Save');

    const writes = fetch.mock.calls.filter(([, init]) => init.method === 'POST');
    expect(writes).toHaveLength(1);
    expect(JSON.parse(String(writes[0]?.[1].body))).toEqual({
      statement: 'Air freight the T2 samples?',
      context: '',
      options: '',
      ownerId: 'u-jonas',
      dueDate: '2026-03-13',
    });
    expect(view.onSaved).toHaveBeenCalledWith({ id: 'd1', key: 'D-9' });
  });

  it('shows a refusal of the whole request from the catalogue by its code', async () => {
    vi.stubGlobal(
      'fetch',
      server(() =>
        answer(403, {
          type: 'about:blank',
          title: 'Forbidden',
          status: 403,
          code: 'FORBIDDEN',
          detail: 'You lack the permission decision.request.',
        }),
      ),
    );
    const view = open();
    await view.fill('Decision needed', 'Air freight the T2 samples?');
    await view.fill('Who decides', 'u-jonas');
    await view.fill('Decide by', '2026-03-13');
    await view.click('Save');

    const alert = view.container.querySelector('[role="alert"]')?.textContent ?? '';
    expect(alert).toContain("Your role does not allow this. Ask a workspace admin or the program's cadence owner if you need it.");
    expect(alert).not.toContain('decision.request');
  });
});
