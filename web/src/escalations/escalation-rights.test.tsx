// @vitest-environment jsdom
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import type { PersonRef } from '../../../src/contract/common.js';
import { escalationStatuses } from '../../../src/domain/escalations/escalation.js';
import type { UserId } from '../../../src/domain/ids.js';
import { permit } from '../../../src/domain/policy.js';
import { type Role, roles } from '../../../src/domain/roles.js';
import { renderInDom } from '../forms/test-dom.js';
import { me, other, roleAccess } from '../lib/test-roles.js';
import { escalationOrder, escalationRights } from './escalation-rights.js';
import type { Escalation } from './escalations-api.js';
import { EscalationsTable } from './escalations-table.js';

type Status = Escalation['status'];

const escalation = (over: Partial<Escalation> = {}): Escalation => ({
  id: 'e-1',
  programId: 'p-1',
  programCode: 'KHG-KW500',
  key: 'X-3',
  triggerKind: 'defect_threshold',
  conditionKey: 'defect_threshold:EV-2',
  subject: { kind: 'event', ref: 'EV-2', title: 'Pilot lot inspection', link: '/programs/KHG-KW500/floor#EV-2' },
  severity: 'critical',
  owner: me,
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
  ...over,
});

const buttonsOf = (container: HTMLElement, key: string) =>
  [...(container.querySelector(`tr[id="${key}"] .row-actions`)?.querySelectorAll('button') ?? [])].map((b) => b.textContent);

afterEach(() => {
  document.body.innerHTML = '';
});

describe('escalationRights', () => {
  const owners: [string, PersonRef][] = [
    ['its action owner', me],
    ['someone else', other],
  ];

  // Every role × owned or not × status: what the page offers is what the server's policy permits.
  for (const role of roles)
    for (const [who, owner] of owners)
      for (const status of escalationStatuses)
        it(`a ${role}, ${who}, on a ${status} escalation`, () => {
          const { access, can } = roleAccess(role);
          const rights = escalationRights(can, escalation({ status, owner }), me.id);
          const item = { ownerId: owner.id as UserId };
          const responds = permit(access, 'escalation.respond', item, me.id).ok;
          const reassigns = permit(access, 'escalation.reassign', item, me.id).ok;
          const live = status !== 'resolved';
          expect(rights).toEqual({
            acknowledge: live && status !== 'acknowledged' && responds,
            resolve: live && responds,
            reassign: live && reassigns,
          });
        });

  it('offers the cadence owner everything on an open escalation of someone else, a contributor only on their own', () => {
    const e = escalation({ owner: other });
    expect(escalationRights(roleAccess('cadence_owner').can, e, me.id)).toEqual({ acknowledge: true, resolve: true, reassign: true });
    expect(escalationRights(roleAccess('contributor').can, e, me.id)).toEqual({ acknowledge: false, resolve: false, reassign: false });
    expect(escalationRights(roleAccess('contributor').can, escalation({ owner: me }), me.id)).toEqual({
      acknowledge: true,
      resolve: true,
      reassign: false,
    });
  });

  it('orders overdue first, then by deadline, resolved last', () => {
    const list = [
      escalation({ key: 'X-1', status: 'resolved', resolvedAt: '2026-03-05T09:00:00.000Z' }),
      escalation({ key: 'X-2', deadlineAt: '2026-03-06T17:00:00.000Z' }),
      escalation({ key: 'X-3', deadlineAt: '2026-03-05T17:00:00.000Z' }),
      escalation({ key: 'X-4', deadlineAt: '2026-03-09T17:00:00.000Z', isOverdue: true, status: 'expired' }),
    ];
    expect([...list].sort(escalationOrder).map((e) => e.key)).toEqual(['X-4', 'X-3', 'X-2', 'X-1']);
  });
});

describe('EscalationsTable', () => {
  const render = (role: Role, list: Escalation[], target: string | null = null) => {
    const { can } = roleAccess(role);
    return renderInDom(
      <MemoryRouter>
        <EscalationsTable
          programId="KHG-KW500"
          escalations={list}
          rightsFor={(e) => escalationRights(can, e, me.id)}
          onAction={() => undefined}
          target={target}
          empty="none"
        />
      </MemoryRouter>,
    );
  };
  const statuses: Status[] = ['open', 'acknowledged', 'escalated', 'expired', 'resolved'];
  const list = statuses.map((status, i) => escalation({ id: `e-${i}`, key: `X-${i + 1}`, status, owner: me }));

  it('shows its action owner the buttons each status allows', () => {
    const view = render('contributor', list);
    expect(statuses.map((_, i) => buttonsOf(view.container, `X-${i + 1}`))).toEqual([
      ['Acknowledge', 'Resolve'],
      ['Resolve'],
      ['Acknowledge', 'Resolve'],
      ['Acknowledge', 'Resolve'],
      [],
    ]);
  });

  it('shows the cadence owner Reassign too, and an observer who is not its owner nothing', () => {
    const others = list.map((e) => ({ ...e, owner: other }));
    expect(buttonsOf(render('cadence_owner', others).container, 'X-1')).toEqual(['Acknowledge', 'Resolve', 'Reassign']);
    document.body.innerHTML = '';
    expect(others.flatMap((e) => buttonsOf(render('observer', others).container, e.key))).toEqual([]);
  });

  it('marks the row the address names, says overdue in words, and links to what fired it and to its history', () => {
    const view = render('observer', [escalation({ isOverdue: true, status: 'escalated', level: 1 })], 'X-3');
    const row = view.container.querySelector('tr[id="X-3"]');
    expect(row?.className).toContain('record-row--target');
    expect(row?.className).toContain('record-row--overdue');
    expect(row?.textContent).toContain('Overdue');
    expect(row?.textContent).toContain('Climbed to level 1');
    const links = [...(row?.querySelectorAll('a') ?? [])].map((a) => [a.textContent, a.getAttribute('href')]);
    expect(links).toEqual([
      ['EV-2 Pilot lot inspection', '/programs/KHG-KW500/floor#EV-2'],
      ['History', '/programs/KHG-KW500/changes?record=X-3'],
    ]);
  });
});
