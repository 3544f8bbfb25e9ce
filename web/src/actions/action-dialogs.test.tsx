// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { plainDate } from '../../../src/domain/plain-date.js';
import { answer, renderInDom } from '../forms/test-dom.js';
import type { ProgramPerson } from '../lib/api.js';
import type { Action } from '../lib/records-api.js';
import { EditActionDialog } from './edit-action-dialog.js';
import { NoteDialog } from './note-dialog.js';

const chen = { id: 'u-chen', name: 'Chen Wei', email: 'chen@example.test' };
const people: ProgramPerson[] = [{ ...chen, roles: ['contributor'] }];

const action = (over: Partial<Action> = {}): Action => ({
  id: 'a-1',
  programId: 'p-1',
  programCode: 'KHG-KW500',
  key: 'A-7',
  title: 'Re-cut the gate insert',
  description: '',
  owner: chen,
  dueDate: plainDate('2026-03-10'),
  originalDueDate: plainDate('2026-03-10'),
  severity: 'medium',
  blocks: null,
  risk: null,
  status: 'open',
  isOverdue: false,
  doneNote: null,
  doneAt: null,
  doneBy: null,
  confirmedBy: null,
  confirmedAt: null,
  checkDate: null,
  checkResult: null,
  version: 4,
  warnings: [],
  ...over,
});

/** The program's milestones (for "Blocks milestone") are listed; every other request is the write. */
const server = (write: (body: unknown) => Response) =>
  vi.fn(async (_url: string, init: RequestInit) =>
    init.method === 'GET' ? answer(200, { items: [] }) : write(JSON.parse(String(init.body)) as unknown),
  );
const sent = (fetch: ReturnType<typeof server>) =>
  fetch.mock.calls.filter(([, init]) => init.method !== 'GET').map(([url, init]) => [url, JSON.parse(String(init.body))]);

const alertOf = (container: HTMLElement) => container.querySelector('[role="alert"]')?.textContent ?? '';

afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

describe('EditActionDialog', () => {
  const open = (a: Action) => {
    const onSaved = vi.fn();
    return {
      ...renderInDom(<EditActionDialog programId="KHG-KW500" people={people} action={a} onClose={vi.fn()} onSaved={onSaved} />),
      onSaved,
    };
  };

  it('asks why before a due date moves, and the title together, sending nothing', async () => {
    const fetch = server(() => answer(200, action()));
    vi.stubGlobal('fetch', fetch);
    const view = open(action());
    await view.fill('Due', '2026-03-16');
    await view.fill('What must be done', '');
    await view.click('Save');
    expect(view.errorOf('Reason')).toBe('Say why the date moves.');
    expect(view.errorOf('What must be done')).toBe('Say what must be done.');
    expect(sent(fetch)).toEqual([]);
  });

  it('sends only what changed, the reason with it', async () => {
    const fetch = server(() => answer(200, action({ dueDate: plainDate('2026-03-16'), version: 5 })));
    vi.stubGlobal('fetch', fetch);
    const view = open(action());
    await view.fill('Due', '2026-03-16');
    await view.fill('Reason', 'Steel arrives Friday');
    await view.click('Save');
    expect(sent(fetch)).toEqual([
      ['/api/v1/programs/KHG-KW500/actions/a-1', { version: 4, dueDate: '2026-03-16', reason: 'Steel arrives Friday' }],
    ]);
    expect(view.onSaved).toHaveBeenCalledTimes(1);
  });

  it('needs no reason for edits that keep the due date', async () => {
    const fetch = server(() => answer(200, action({ severity: 'high', version: 5 })));
    vi.stubGlobal('fetch', fetch);
    const view = open(action());
    await view.fill('Severity', 'high');
    await view.click('Save');
    expect(sent(fetch).map(([, body]) => body)).toEqual([{ version: 4, severity: 'high' }]);
  });

  it('takes a first due date without a reason, as the server does: nothing is moved yet', async () => {
    const fetch = server(() =>
      answer(200, action({ dueDate: plainDate('2026-03-16'), originalDueDate: plainDate('2026-03-16'), version: 5 })),
    );
    vi.stubGlobal('fetch', fetch);
    const view = open(action({ dueDate: null, originalDueDate: null }));
    await view.fill('Due', '2026-03-16');
    expect(view.container.textContent).not.toContain('Required: the due date moves.');
    await view.click('Save');
    expect(view.errorOf('Reason')).toBeNull();
    expect(sent(fetch).map(([, body]) => body)).toEqual([{ version: 4, dueDate: '2026-03-16' }]);
  });

  it('puts an owner the server refuses on the owner field, in the catalogue’s words', async () => {
    vi.stubGlobal(
      'fetch',
      server(() =>
        answer(422, {
          type: 'about:blank',
          title: 'User not found',
          status: 422,
          code: 'USER_NOT_FOUND',
          detail: 'No person holds a role (English).',
          errors: [{ path: 'ownerId', message: 'Not a member of this program.' }],
        }),
      ),
    );
    const view = open(action());
    await view.fill('Details', 'Both cavities');
    await view.click('Save');
    expect(view.errorOf('Owner')).toBe('Not a person who can be chosen here.');
    expect(alertOf(view.container)).toBe('Not savedCheck the field marked below.');
  });
});

describe('NoteDialog', () => {
  const open = (kind: 'done' | 'reopen') => {
    const onSaved = vi.fn();
    const a = action(kind === 'reopen' ? { status: 'done', doneNote: 'Insert re-cut' } : {});
    return { ...renderInDom(<NoteDialog programId="KHG-KW500" action={a} kind={kind} onClose={vi.fn()} onSaved={onSaved} />), onSaved };
  };

  it('asks what was done before marking done, then sends it as the note', async () => {
    const fetch = server(() => answer(200, action({ status: 'done', version: 5 })));
    vi.stubGlobal('fetch', fetch);
    const view = open('done');
    await view.click('Mark done');
    expect(view.errorOf('What was done')).toBe('Say what was done.');
    expect(sent(fetch)).toEqual([]);
    await view.fill('What was done', 'Insert re-cut, 30 shots OK');
    await view.click('Mark done');
    expect(sent(fetch)).toEqual([['/api/v1/programs/KHG-KW500/actions/a-1/done', { version: 4, note: 'Insert re-cut, 30 shots OK' }]]);
  });

  it('puts the server’s refusal of a blank reopen reason on the one text field, with the form’s words', async () => {
    vi.stubGlobal(
      'fetch',
      server(() =>
        answer(422, {
          type: 'about:blank',
          title: 'Reason required',
          status: 422,
          code: 'REASON_REQUIRED',
          detail: 'Say why the action is reopened (English).',
          errors: [{ path: 'reason', message: 'Required.' }],
        }),
      ),
    );
    const view = open('reopen');
    // Spaces pass the form's own check (at least one character); the server finds no reason in them.
    await view.fill('Why it is not done', '   ');
    await view.click('Reopen action');
    expect(view.errorOf('Why it is not done')).toBe('Say why it is not done.');
    expect(view.onSaved).not.toHaveBeenCalled();
  });
});
