// @vitest-environment jsdom
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import { renderInDom } from '../forms/test-dom.js';
import type { MyWeek } from '../lib/records-api.js';
import { GatesAtRiskSection } from './gates-at-risk-section.js';

const gate = {
  programId: 'p-1',
  programCode: 'KHG-KW500',
  programName: 'Kettle KW-500',
  gateId: 'g-1',
  gateKey: 'G1',
  gateName: 'Pre-production readiness',
  plannedReviewDate: '2026-03-13',
  businessDaysLeft: 7,
  items: [
    {
      key: 'G1-BOM',
      title: 'BOM and drawings frozen',
      owner: { id: 'u-1', name: 'Ines Duarte', email: 'ines@example.test' },
      dueDate: '2026-03-02',
      reasons: ['rejected', 'overdue'],
    },
    { key: 'G1-AQL', title: 'AQL agreed', owner: null, dueDate: '2026-03-04', reasons: ['due'] },
  ],
} as MyWeek['gatesAtRisk'][number];

describe('GatesAtRiskSection', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('names each gate at risk with a link to it, when its review is, and each item off course with a link, its owner and why', () => {
    const view = renderInDom(
      <MemoryRouter>
        <GatesAtRiskSection gates={[gate]} />
      </MemoryRouter>,
    );
    const c = view.container;
    expect(c.querySelector('h2')?.textContent).toBe('Gates at risk that you own');
    const links = [...c.querySelectorAll<HTMLAnchorElement>('a')].map((a) => [a.textContent, a.getAttribute('href')]);
    expect(links).toEqual([
      ['G1 Pre-production readiness', '/programs/KHG-KW500/gates/G1'],
      ['BOM and drawings frozen', '/programs/KHG-KW500/gates/G1#G1-BOM'],
      ['AQL agreed', '/programs/KHG-KW500/gates/G1#G1-AQL'],
    ]);
    expect(c.textContent).toContain('7 business days left');
    const rows = [...c.querySelectorAll('tbody tr')].map((r) => [...r.querySelectorAll('th, td')].map((x) => x.textContent));
    expect(rows[0]?.[1]).toBe('Ines Duarte');
    expect(rows[0]?.[3]).toBe('rejected, overdue');
    expect(rows[1]?.[1]).toContain('no owner');
    expect(rows[1]?.[3]).toBe('due, not accepted');
  });

  it('says so in one line when none of the person’s gates is at risk', () => {
    const view = renderInDom(
      <MemoryRouter>
        <GatesAtRiskSection gates={[]} />
      </MemoryRouter>,
    );
    expect(view.container.querySelector('.week-section__empty')?.textContent).toBe('None of your gates is at risk.');
  });
});
