// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { escalationLimits } from '../../../src/domain/escalations/escalation.js';
import { defaultTrigger, thresholdOf, windowLimits } from '../../../src/domain/escalations/triggers.js';
import { answer, renderInDom } from '../forms/test-dom.js';
import type { ProgramPerson } from '../lib/api.js';
import type { Escalation, Trigger } from './escalations-api.js';
import { ReassignDialog } from './reassign-dialog.js';
import { ResolveDialog } from './resolve-dialog.js';
import { TriggerDialog } from './trigger-dialog.js';

const chen = { id: 'u-chen', name: 'Chen Wei', email: 'chen@example.test' };
const ana = { id: 'u-ana', name: 'Ana Ruiz', email: 'ana@example.test' };
const people: ProgramPerson[] = [
  { ...chen, roles: ['contributor'] },
  { ...ana, roles: ['cadence_owner'] },
];

const escalation: Escalation = {
  id: 'e-1',
  programId: 'p-1',
  programCode: 'KHG-KW500',
  key: 'X-3',
  triggerKind: 'defect_threshold',
  conditionKey: 'defect_threshold:EV-2',
  subject: { kind: 'event', ref: 'EV-2', title: 'Pilot lot inspection', link: '/programs/KHG-KW500/floor#EV-2' },
  severity: 'critical',
  owner: chen,
  level: 0,
  raisedAt: '2026-03-04T09:00:00.000Z',
  deadlineAt: '2026-03-04T17:00:00.000Z',
  status: 'open',
  isOverdue: false,
  outcome: null,
  decision: null,
  action: null,
  acknowledgedAt: null,
  resolvedAt: null,
  version: 2,
};

const server = (status = 200, body: unknown = { ...escalation, status: 'resolved', version: 3 }) =>
  vi.fn(async (_url: string, _init: RequestInit) => answer(status, body));
const sent = (fetch: ReturnType<typeof server>) => fetch.mock.calls.map(([url, init]) => [init.method, url, JSON.parse(String(init.body))]);

afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

describe('ResolveDialog', () => {
  const open = () => {
    const onSaved = vi.fn();
    const view = renderInDom(
      <ResolveDialog
        programId="KHG-KW500"
        escalation={escalation}
        decisions={[{ id: 'd-1', key: 'D-4', title: 'Ship the pilot lot by air' }]}
        actions={[{ id: 'a-1', key: 'A-9', title: 'Re-inspect lot 2' }]}
        onClose={vi.fn()}
        onSaved={onSaved}
      />,
    );
    return { ...view, onSaved };
  };

  it('asks for an outcome before sending anything', async () => {
    const fetch = server();
    vi.stubGlobal('fetch', fetch);
    const view = open();
    await view.fill('Outcome', '   ');
    await view.click('Resolve');
    expect(view.errorOf('Outcome')).toBe('Say how the escalation was resolved.');
    expect(fetch).not.toHaveBeenCalled();
  });

  it('refuses an outcome longer than the contract allows, sending nothing', async () => {
    const fetch = server();
    vi.stubGlobal('fetch', fetch);
    const view = open();
    await view.fill('Outcome', 'x'.repeat(escalationLimits.outcome + 1));
    await view.click('Resolve');
    expect(view.errorOf('Outcome')).toContain(String(escalationLimits.outcome));
    expect(fetch).not.toHaveBeenCalled();
  });

  it('sends the outcome, the linked decision and the version read', async () => {
    const fetch = server();
    vi.stubGlobal('fetch', fetch);
    const view = open();
    await view.fill('Outcome', 'Lot re-inspected, shipped by air');
    await view.fill('Settled by decision', 'd-1');
    await view.click('Resolve');
    expect(sent(fetch)).toEqual([
      [
        'POST',
        '/api/v1/programs/KHG-KW500/escalations/e-1/resolve',
        { version: 2, outcome: 'Lot re-inspected, shipped by air', decisionId: 'd-1' },
      ],
    ]);
    expect(view.onSaved).toHaveBeenCalledTimes(1);
  });

  it('takes a decision by its key instead, but not both a choice and a key', async () => {
    const fetch = server();
    vi.stubGlobal('fetch', fetch);
    const view = open();
    await view.fill('Outcome', 'Settled at the review');
    await view.fill('Settled by decision', 'd-1');
    await view.fill('Or the decision’s key', 'D-2');
    await view.click('Resolve');
    expect(view.errorOf('Or the decision’s key')).toBe('Choose one from the list or give a key, not both.');
    expect(fetch).not.toHaveBeenCalled();
    await view.fill('Settled by decision', '');
    await view.fill('Or the action’s key', 'A-12');
    await view.click('Resolve');
    expect(sent(fetch)).toEqual([
      [
        'POST',
        '/api/v1/programs/KHG-KW500/escalations/e-1/resolve',
        { version: 2, outcome: 'Settled at the review', decisionId: 'D-2', actionId: 'A-12' },
      ],
    ]);
  });

  it('puts the server’s refusal of the outcome on its field, in the catalogue’s words', async () => {
    vi.stubGlobal(
      'fetch',
      server(422, {
        type: 'about:blank',
        title: 'Outcome required',
        status: 422,
        code: 'OUTCOME_REQUIRED',
        detail: 'English from the server.',
        errors: [{ path: 'outcome', message: 'Required.' }],
      }),
    );
    const view = open();
    await view.fill('Outcome', 'Done');
    await view.click('Resolve');
    expect(view.errorOf('Outcome')).not.toBeNull();
    expect(view.container.textContent).not.toContain('English from the server.');
  });
});

describe('ReassignDialog', () => {
  it('needs a person and a reason, then sends both at the version read', async () => {
    const fetch = server(200, { ...escalation, owner: ana, version: 3 });
    vi.stubGlobal('fetch', fetch);
    const onSaved = vi.fn();
    const view = renderInDom(
      <ReassignDialog programId="KHG-KW500" escalation={escalation} people={people} onClose={vi.fn()} onSaved={onSaved} />,
    );
    await view.click('Reassign');
    expect(view.errorOf('New action owner')).toBe('Choose who answers it now.');
    expect(view.errorOf('Reason')).toBe('Say why it is handed over.');
    expect(fetch).not.toHaveBeenCalled();
    // The current owner is not offered.
    expect([...view.byLabel<HTMLSelectElement>('New action owner').options].map((o) => o.value)).toEqual(['', 'u-ana']);
    await view.fill('New action owner', 'u-ana');
    await view.fill('Reason', 'Chen is at the supplier all week');
    await view.click('Reassign');
    expect(sent(fetch)).toEqual([
      [
        'POST',
        '/api/v1/programs/KHG-KW500/escalations/e-1/reassign',
        { version: 2, ownerId: 'u-ana', reason: 'Chen is at the supplier all week' },
      ],
    ]);
    expect(onSaved).toHaveBeenCalledTimes(1);
  });
});

describe('TriggerDialog', () => {
  const trigger = (kind: Trigger['kind'], over: Partial<Trigger> = {}): Trigger => ({
    ...defaultTrigger(kind),
    isDefault: true,
    version: 0,
    ...over,
  });
  const open = (tr: Trigger) => {
    const onSaved = vi.fn();
    const view = renderInDom(<TriggerDialog programId="KHG-KW500" trigger={tr} people={people} onClose={vi.fn()} onSaved={onSaved} />);
    return { ...view, onSaved };
  };
  const list = { programCode: 'KHG-KW500', items: [] };

  it('sends the contract’s whole body at the version read: a decimal threshold, a named person, business hours', async () => {
    const fetch = server(200, list);
    vi.stubGlobal('fetch', fetch);
    const view = open(trigger('tolerance_miss', { version: 4, isDefault: false }));
    await view.fill('Fires at', '1.67');
    await view.fill('Severity', 'critical');
    await view.fill('Action owner is', 'person');
    await view.fill('Person', 'u-chen');
    await view.fill('Time to respond', '4');
    await view.fill('Counted in', 'business_hours');
    await view.click('Save trigger');
    expect(sent(fetch)).toEqual([
      [
        'PUT',
        '/api/v1/programs/KHG-KW500/triggers/tolerance_miss',
        {
          version: 4,
          isEnabled: true,
          threshold: 1.67,
          severity: 'critical',
          owner: { kind: 'person', userId: 'u-chen' },
          window: { unit: 'business_hours', amount: 4 },
          climbs: true,
        },
      ],
    ]);
    expect(view.onSaved).toHaveBeenCalledTimes(1);
  });

  it('sends null for a kind without a threshold (no field shown), a role as owner, version 0 for a default', async () => {
    const fetch = server(200, list);
    vi.stubGlobal('fetch', fetch);
    const view = open(trigger('missed_milestone'));
    expect(() => view.byLabel('Fires at')).toThrow();
    await view.fill('Role', 'quality_owner');
    await view.click('Save trigger');
    expect(sent(fetch)).toEqual([
      [
        'PUT',
        '/api/v1/programs/KHG-KW500/triggers/missed_milestone',
        {
          version: 0,
          isEnabled: true,
          threshold: null,
          severity: 'high',
          owner: { kind: 'role', role: 'quality_owner' },
          window: { unit: 'business_days', amount: 2 },
          climbs: true,
        },
      ],
    ]);
  });

  it('refuses a threshold outside the kind’s bounds and a window beyond its unit’s, sending nothing', async () => {
    const fetch = server(200, list);
    vi.stubGlobal('fetch', fetch);
    const view = open(trigger('risk_score'));
    const max = thresholdOf.risk_score?.max ?? 0;
    await view.fill('Fires at', String(max + 1));
    await view.fill('Time to respond', String(windowLimits.business_days.max + 1));
    await view.click('Save trigger');
    expect(view.errorOf('Fires at')).not.toBeNull();
    expect(view.errorOf('Time to respond')).not.toBeNull();
    expect(fetch).not.toHaveBeenCalled();
  });

  it('asks for a person when the owner is a named person', async () => {
    const fetch = server(200, list);
    vi.stubGlobal('fetch', fetch);
    const view = open(trigger('gate_at_risk'));
    await view.fill('Action owner is', 'person');
    await view.click('Save trigger');
    expect(view.errorOf('Person')).toBe('Choose who answers it.');
    expect(fetch).not.toHaveBeenCalled();
  });
});
