// @vitest-environment jsdom
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import { renderInDom } from '../forms/test-dom.js';
import type { MyWeek } from '../lib/records-api.js';
import { EscalationsSection } from './escalations-section.js';

const e = {
  id: 'e-1',
  programId: 'p-1',
  programCode: 'KHG-KW500',
  key: 'X-3',
  triggerKind: 'missed_milestone',
  conditionKey: 'missed_milestone:M-12',
  subject: { kind: 'milestone', ref: 'M-12', title: 'Pilot run', link: '/programs/KHG-KW500#M-12' },
  severity: 'high',
  owner: { id: 'u-1', name: 'Ines Duarte', email: 'ines@example.test' },
  level: 1,
  raisedAt: '2026-03-04T09:00:00.000Z',
  deadlineAt: '2026-03-05T17:00:00.000Z',
  status: 'escalated',
  isOverdue: true,
  outcome: null,
  decision: null,
  action: null,
  acknowledgedAt: null,
  resolvedAt: null,
  version: 3,
} as MyWeek['escalations'][number];

describe('EscalationsSection', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('links each escalation to its row on the tracker, with its deadline and overdue in words', () => {
    const view = renderInDom(
      <MemoryRouter>
        <EscalationsSection escalations={[e]} />
      </MemoryRouter>,
    );
    const link = view.container.querySelector('a');
    expect(link?.getAttribute('href')).toBe('/programs/KHG-KW500/escalations#X-3');
    expect(view.container.querySelector('time')?.getAttribute('datetime')).toBe('2026-03-05T17:00:00.000Z');
    expect(view.container.textContent).toContain('Overdue');
  });

  it('says when nothing waits', () => {
    const view = renderInDom(
      <MemoryRouter>
        <EscalationsSection escalations={[]} />
      </MemoryRouter>,
    );
    expect(view.container.textContent).toContain('No escalation waits for you.');
  });
});
