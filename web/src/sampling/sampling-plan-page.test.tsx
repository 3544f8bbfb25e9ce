// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { answer, renderInDom } from '../forms/test-dom.js';
import { SamplingPlanPage } from './sampling-plan-page.js';
import { SamplingPlanSteps } from './sampling-plan-steps.js';

const planK = {
  lotSize: 2000,
  level: 'II',
  aql: 2.5,
  codeLetter: 'K',
  planLetter: 'K',
  sampleSize: 125,
  acceptNumber: 7,
  rejectNumber: 8,
  hundredPercent: false,
  unitsToInspect: 125,
  steps: [
    {
      rule: 'code-letter',
      text: 'Lot of 2,000 at inspection level II → code letter K (Table I, lots of 1,201 to 3,200)',
      values: { lotSize: 2000, level: 'II', codeLetter: 'K', lotFrom: 1201, lotTo: 3200 },
    },
    {
      rule: 'plan',
      text: 'K at AQL 2.5 → n = 125, Ac 7, Re 8 (Table II-A)',
      values: { letter: 'K', aql: '2.5', sampleSize: 125, acceptNumber: 7, rejectNumber: 8 },
    },
    {
      rule: 'verdict',
      text: '3 defects found, at most Ac 7 → accept the lot',
      values: { defectsFound: 3, verdict: 'accept', acceptNumber: 7, rejectNumber: 8 },
    },
  ],
  defectsFound: 3,
  verdict: 'accept',
};

const urlOf = (fetch: ReturnType<typeof vi.fn>, i = 0) => String((fetch.mock.calls[i] as unknown as [string])[0]);
const stepsOf = (root: HTMLElement) => [...root.querySelectorAll('.sampling-steps li')].map((li) => li.textContent);

describe('SamplingPlanPage', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    document.body.innerHTML = '';
  });

  it('checks the lot size before asking: required, a whole number from 2 to 10,000,000', async () => {
    const fetch = vi.fn(async () => answer(200, planK));
    vi.stubGlobal('fetch', fetch);
    const view = renderInDom(<SamplingPlanPage />);
    await view.click('Work out the plan');
    expect(view.errorOf('Lot size (units)')).toBe('Enter how many units the lot has.');
    await view.fill('Lot size (units)', '1');
    await view.click('Work out the plan');
    expect(view.errorOf('Lot size (units)')).not.toBeNull();
    await view.fill('Lot size (units)', '10000001');
    await view.click('Work out the plan');
    expect(view.errorOf('Lot size (units)')).not.toBeNull();
    expect(view.byLabel('Lot size (units)').getAttribute('min')).toBe('2');
    expect(view.byLabel('Lot size (units)').getAttribute('max')).toBe('10000000');
    expect(fetch).not.toHaveBeenCalled();
  });

  it('offers the seven levels and the 26 AQLs of the table, and shows the plan with its steps in plain words', async () => {
    const fetch = vi.fn(async () => answer(200, planK));
    vi.stubGlobal('fetch', fetch);
    const view = renderInDom(<SamplingPlanPage />);
    const levels = [...view.byLabel<HTMLSelectElement>('Inspection level').options].map((o) => o.value);
    expect(levels).toEqual(['I', 'II', 'III', 'S-1', 'S-2', 'S-3', 'S-4']);
    const aqls = [...view.byLabel<HTMLSelectElement>('AQL').options].map((o) => o.value);
    expect(aqls).toHaveLength(26);
    expect([aqls[0], aqls[10], aqls.at(-1)]).toEqual(['0.010', '1.0', '1000']);

    await view.fill('Lot size (units)', '2000');
    await view.fill('AQL', '2.5');
    await view.fill('Defects found (optional)', '3');
    await view.click('Work out the plan');
    await view.until(() => view.container.querySelector('.sampling-steps') !== null);
    expect(urlOf(fetch)).toBe('/api/v1/sampling-plan?lotSize=2000&level=II&aql=2.5&defectsFound=3');
    const facts = [...view.container.querySelectorAll('.facts div')].map(
      (d) => `${d.querySelector('dt')?.textContent}: ${d.querySelector('dd')?.textContent}`,
    );
    expect(facts).toEqual([
      'Code letter: K',
      'Plan used: K',
      'Sample size (units to inspect): 125',
      'Accept with at most (Ac): 7',
      'Reject with (Re): 8',
    ]);
    expect(view.container.querySelector('.sampling-verdict')?.textContent).toBe('Accept the lot');
    expect(stepsOf(view.container)).toEqual([
      'Lot of 2,000 at inspection level II → code letter K (Table I, lots of 1,201 to 3,200)',
      'K at AQL 2.5 → n = 125, Ac 7, Re 8 (Table II-A)',
      '3 defects found, at most Ac 7 → accept the lot',
    ]);
  });

  it('puts a refusal of the server on the field it names', async () => {
    const refusal = {
      type: '/docs/errors#sampling_aql_not_in_table',
      title: 'Sampling AQL not in table',
      status: 422,
      detail: 'AQL 3 is not one of the table’s.',
      code: 'SAMPLING_AQL_NOT_IN_TABLE',
      errors: [{ path: 'aql', message: 'One of …' }],
    };
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => answer(422, refusal)),
    );
    const view = renderInDom(<SamplingPlanPage />);
    await view.fill('Lot size (units)', '2000');
    await view.click('Work out the plan');
    await view.until(() => view.errorOf('AQL') !== null);
    expect(view.errorOf('AQL')).toBe('One of the AQLs of the table.');
    expect(view.container.querySelector('.sampling-steps')).toBeNull();
  });
});

describe('SamplingPlanSteps', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('words an arrow, 100 % inspection, a lot "and over" and a reject from the catalogue', () => {
    const view = renderInDom(
      <SamplingPlanSteps
        steps={[
          {
            rule: 'code-letter',
            text: '',
            values: { lotSize: 600000, level: 'III', codeLetter: 'R', lotFrom: 500001, lotTo: 'over' },
          },
          {
            rule: 'arrow-up',
            text: '',
            values: { from: 'R', letter: 'P', aql: '0.015', sampleSize: 800, acceptNumber: 0, rejectNumber: 1 },
          },
          {
            rule: 'arrow-down',
            text: '',
            values: { from: 'B', letter: 'F', aql: '0.65', sampleSize: 20, acceptNumber: 0, rejectNumber: 1 },
          },
          { rule: 'hundred-percent', text: '', values: { lotSize: 10, sampleSize: 20 } },
          { rule: 'verdict', text: '', values: { defectsFound: 1, verdict: 'reject', acceptNumber: 0, rejectNumber: 1 } },
        ]}
      />,
    );
    expect(view.container.querySelector('h2')?.textContent).toBe('How it was found');
    expect(stepsOf(view.container)).toEqual([
      'Lot of 600,000 at inspection level III → code letter R (Table I, lots of 500,001 and over)',
      '↑ at R, AQL 0.015: use the first plan above the arrow: P (n = 800, Ac 0, Re 1), with its own sample size',
      '↓ at B, AQL 0.65: use the first plan below the arrow: F (n = 20, Ac 0, Re 1), with its own sample size',
      'The sample of 20 is not smaller than the lot of 10: inspect every unit (100 %)',
      '1 defect found, at least Re 1 → reject the lot',
    ]);
  });
});
