// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Milestone } from '../../../src/contract/milestone.js';
import { plainDate } from '../../../src/domain/plain-date.js';
import { answer, renderInDom } from '../forms/test-dom.js';
import type { ProgramPerson } from '../lib/api.js';
import { milestoneRights } from '../lib/permissions.js';
import { me, roleAccess } from '../lib/test-roles.js';
import { CompleteMilestoneDialog } from './complete-milestone-dialog.js';
import { EditMilestoneDialog } from './edit-milestone-dialog.js';
import { MilestoneActions } from './milestone-actions.js';

const ana = { id: 'u-ana', name: 'Ana Lima', email: 'ana@example.test' };
const users: ProgramPerson[] = [{ ...ana, roles: ['cadence_owner'] }];

const milestone: Milestone = {
  id: 'm-3',
  programId: 'p-1',
  key: 'M-3',
  name: 'Pilot run',
  phase: 'G2',
  owner: ana,
  baselineDate: plainDate('2026-03-10'),
  forecastDate: plainDate('2026-03-12'),
  actualDate: null,
  isCritical: false,
  toleranceDays: null,
  health: 'on_track',
  healthReason: { kind: 'on_plan' },
  blockedBy: [],
  varianceDays: 2,
  dueInBusinessDays: null,
  version: 5,
  warnings: [],
};

const refusal = (status: number, code: string, errors?: { path: string; message: string }[]) =>
  answer(status, { type: 'about:blank', title: code, status, code, detail: `${code} (English)`, ...(errors ? { errors } : {}) });

/** The program (for the tolerance hint) is read; every other request is the write. */
const server = (write: () => Response) =>
  vi.fn(async (_url: string, init: RequestInit) => (init.method === 'GET' ? answer(200, { toleranceDays: 3 }) : write()));
const sent = (fetch: ReturnType<typeof server>) =>
  fetch.mock.calls.filter(([, init]) => init.method !== 'GET').map(([url, init]) => [url, JSON.parse(String(init.body))]);
const alertOf = (container: HTMLElement) => container.querySelector('[role="alert"]')?.textContent ?? '';

afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

describe('CompleteMilestoneDialog', () => {
  const open = () =>
    renderInDom(
      <CompleteMilestoneDialog programId="KHG-KW500" milestone={milestone} today="2026-03-04" onClose={vi.fn()} onSaved={vi.fn()} />,
    );

  it('offers today at the factory as the actual date and leaves out an empty note', async () => {
    const fetch = server(() => answer(200, { ...milestone, actualDate: '2026-03-04', version: 6 }));
    vi.stubGlobal('fetch', fetch);
    const view = open();
    expect(view.byLabel('Actual date').value).toBe('2026-03-04');
    expect(view.byLabel('Actual date').max).toBe('2026-03-04');
    await view.click('Save');
    expect(sent(fetch)).toEqual([['/api/v1/programs/KHG-KW500/milestones/m-3/complete', { version: 5, actualDate: '2026-03-04' }]]);
  });

  it('puts a date the server finds in the future on the date field, in the catalogue’s words', async () => {
    vi.stubGlobal(
      'fetch',
      server(() => refusal(422, 'ACTUAL_DATE_IN_FUTURE', [{ path: 'actualDate', message: 'Must be 2026-03-04 or earlier.' }])),
    );
    const view = open();
    await view.fill('Actual date', '2026-03-05');
    await view.click('Save');
    expect(view.errorOf('Actual date')).toBe('Today or earlier.');
    expect(alertOf(view.container)).not.toContain('2026-03-04 or earlier');
  });
});

describe('EditMilestoneDialog', () => {
  const open = () =>
    renderInDom(<EditMilestoneDialog programId="KHG-KW500" milestone={milestone} users={users} onClose={vi.fn()} onSaved={vi.fn()} />);

  it('asks why a baseline date changes before sending, and sends only what changed', async () => {
    const fetch = server(() => answer(200, { ...milestone, version: 6 }));
    vi.stubGlobal('fetch', fetch);
    const view = open();
    await view.fill('Baseline date', '2026-03-11');
    await view.click('Save');
    expect(view.errorOf('Reason')).toBe('Say why the baseline date changes.');
    expect(sent(fetch)).toEqual([]);

    await view.fill('Reason', 'Customer moved the pilot');
    await view.fill('Tolerance (business days)', '5');
    await view.click('Save');
    expect(sent(fetch)).toEqual([
      [
        '/api/v1/programs/KHG-KW500/milestones/m-3',
        { version: 5, baselineDate: '2026-03-11', toleranceDays: 5, reason: 'Customer moved the pilot' },
      ],
    ]);
  });

  it('renames without a reason, and refuses to leave the milestone without an owner before sending', async () => {
    const fetch = server(() => answer(200, { ...milestone, version: 6 }));
    vi.stubGlobal('fetch', fetch);
    const view = open();
    await view.fill('Name', 'Pilot run 2');
    await view.fill('Owner', '');
    await view.click('Save');
    expect(view.errorOf('Owner')).toBe('Choose who delivers the milestone: every milestone has an owner.');
    expect(sent(fetch)).toEqual([]);
    await view.fill('Owner', milestone.owner?.id ?? '');
    await view.click('Save');
    expect(sent(fetch).map(([, body]) => body)).toEqual([{ version: 5, name: 'Pilot run 2' }]);
  });

  it('says on the field that planned dates are locked once the program has a baseline', async () => {
    vi.stubGlobal(
      'fetch',
      server(() => refusal(409, 'BASELINE_LOCKED', [{ path: 'baselineDate', message: 'Planned dates change only by a re-baseline.' }])),
    );
    const view = open();
    await view.fill('Baseline date', '2026-03-11');
    await view.fill('Reason', 'Customer moved the pilot');
    await view.click('Save');
    expect(view.errorOf('Baseline date')).toBe('Planned dates change only by a re-baseline now.');
    expect(alertOf(view.container)).toBe('Not savedCheck the field marked below.');
  });
});

describe('MilestoneActions', () => {
  /** The row's buttons for `me` holding `role`, on a milestone with this owner (done or not). */
  async function buttons(role: Parameters<typeof roleAccess>[0], owner: Milestone['owner'], done = false) {
    const { can } = roleAccess(role);
    const fetch = vi.fn(async () => answer(200, { can }));
    vi.stubGlobal('fetch', fetch);
    const m = { ...milestone, owner, actualDate: done ? plainDate('2026-03-03') : null };
    const view = renderInDom(
      <MilestoneActions programId="KHG-KW500" milestone={m} rights={milestoneRights(can, owner, me.id)} onAction={vi.fn()} />,
    );
    const labels = () => [...view.container.querySelectorAll('button')].map((b) => b.getAttribute('aria-label'));
    // The Dependencies button waits for the program's `can`: let it arrive before looking.
    await view.until(() => fetch.mock.calls.length > 0);
    await view.settle();
    return labels();
  }

  it('shows the cadence owner every control, and on a done milestone only Edit and Dependencies', async () => {
    expect(await buttons('cadence_owner', ana)).toEqual(['Edit M-3', 'Move date of M-3', 'Mark done M-3', 'Dependencies of M-3']);
    document.body.innerHTML = '';
    expect(await buttons('cadence_owner', ana, true)).toEqual(['Edit M-3', 'Dependencies of M-3']);
  });

  it('shows a contributor Move and Mark done on their own milestone only, and an observer nothing', async () => {
    expect(await buttons('contributor', me)).toEqual(['Move date of M-3', 'Mark done M-3']);
    document.body.innerHTML = '';
    expect(await buttons('contributor', ana)).toEqual([]);
    document.body.innerHTML = '';
    expect(await buttons('observer', me)).toEqual([]);
  });
});
