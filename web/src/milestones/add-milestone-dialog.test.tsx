// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { answer, renderInDom } from '../forms/test-dom.js';
import { AddMilestoneDialog } from './add-milestone-dialog.js';

const users = [{ id: 'u-ana', name: 'Ana Lima', email: 'ana@example.test', roles: ['cadence_owner' as const] }];

function open() {
  const onSaved = vi.fn();
  const view = renderInDom(
    <AddMilestoneDialog programId="KHG-KW500" defaultPhase="G2" users={users} onClose={vi.fn()} onSaved={onSaved} />,
  );
  return { ...view, onSaved };
}

describe('AddMilestoneDialog', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    document.body.innerHTML = '';
  });

  it('shows every field’s fault at once, tied to its field, and sends nothing', async () => {
    const fetch = vi.fn();
    vi.stubGlobal('fetch', fetch);
    const view = open();
    await view.fill('Name', 'x'.repeat(201));
    await view.fill('Forecast date', '2100-01-01');
    await view.click('Save');

    expect(view.errorOf('Name')).toBe('At most 200 characters.');
    expect(view.errorOf('Baseline date')).toBe('Enter the baseline date.');
    expect(view.errorOf('Forecast date')).toBe('Choose a date from 2000-01-01 to 2099-12-31.');
    expect(view.errorOf('Owner')).toBe('Choose who delivers the milestone: every milestone has an owner.');
    expect(view.byLabel('Owner').getAttribute('aria-required')).toBe('true');
    // The hint stays, after the error, in what a screen reader reads for the field.
    expect(view.byLabel('Baseline date').getAttribute('aria-describedby')).toMatch(/-error .*-hint$/);
    expect(document.activeElement).toBe(view.byLabel('Name'));
    expect(fetch).not.toHaveBeenCalled();
  });

  it('shows the name’s count near the contract’s limit, and never cuts what is typed', async () => {
    vi.stubGlobal('fetch', vi.fn());
    const view = open();
    const name = view.byLabel('Name');
    const count = () => document.getElementById(`${name.id}-count`) as HTMLElement;
    // No maxLength: a pasted text longer than the limit stays whole, and the form refuses it instead.
    expect(name.maxLength).toBe(-1);
    await view.fill('Name', 'x'.repeat(159));
    expect(count().hidden).toBe(true);
    await view.fill('Name', 'x'.repeat(160));
    expect(count().hidden).toBe(false);
    expect(count().textContent).toBe('160 / 200 characters');
    expect(name.getAttribute('aria-describedby')).toContain(count().id);
    await view.fill('Name', 'y'.repeat(203));
    expect(name.value).toHaveLength(203);
    expect(count().textContent).toBe('203 / 200 characters: remove 3 characters');
    expect(count().classList.contains('text-count--over')).toBe(true);
    await view.fill('Name', 'y'.repeat(201));
    expect(count().textContent).toBe('201 / 200 characters: remove 1 character');
  });

  it('sends the request the contract describes once the fields are valid', async () => {
    const saved = { id: 'm1', key: 'M-61', name: 'Pilot run' };
    const fetch = vi.fn(async () => answer(201, saved));
    vi.stubGlobal('fetch', fetch);
    const view = open();
    await view.fill('Name', '  Pilot run ');
    await view.fill('Owner', 'u-ana');
    await view.fill('Baseline date', '2027-03-12');
    await view.click('Save');

    expect(fetch).toHaveBeenCalledTimes(1);
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/v1/programs/KHG-KW500/milestones');
    expect(JSON.parse(String(init.body))).toEqual({
      name: 'Pilot run',
      phase: 'G2',
      ownerId: 'u-ana',
      baselineDate: '2027-03-12',
      isCritical: false,
    });
    expect(view.onSaved).toHaveBeenCalledWith(saved);
  });

  it('puts a refusal on the field the server names, in the catalogue’s words rather than the server’s', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () =>
        answer(422, {
          type: '/docs/errors#user_not_found',
          title: 'User not found',
          status: 422,
          code: 'USER_NOT_FOUND',
          detail: 'No person "u-ana" holds a role here (English, for developers).',
          errors: [{ path: 'ownerId', message: 'Not a member of this program.' }],
        }),
      ),
    );
    const view = open();
    await view.fill('Name', 'Pilot run');
    await view.fill('Owner', 'u-ana');
    await view.fill('Baseline date', '2027-03-12');
    await view.click('Save');

    expect(view.errorOf('Owner')).toBe('Not a person who can be chosen here.');
    expect(view.container.querySelector('[role="alert"]')?.textContent).toBe('Not savedCheck the field marked below.');
    expect(view.container.textContent).not.toContain('English');
    expect(view.container.textContent).not.toContain('Not a member');
    expect(view.onSaved).not.toHaveBeenCalled();
  });
});
