// @vitest-environment jsdom
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { charterGaps } from '../../../src/domain/charter.js';
import { plainDate } from '../../../src/domain/plain-date.js';
import { answer, renderInDom } from '../forms/test-dom.js';
import type { Plan } from '../lib/plan-view-queries.js';
import { ActivateDialog } from './activate-dialog.js';

const plan: Plan = {
  programId: 'p-1',
  code: 'NKA-OVEN',
  today: plainDate('2026-09-01'),
  status: 'draft',
  toleranceDays: 3,
  targetReleaseDate: null,
  version: 2,
  baseline: null,
  baselines: [],
  rows: [],
  criticalPath: [],
  minSlackDays: null,
  provisionalYears: [],
};

describe('ActivateDialog', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    document.body.innerHTML = '';
  });

  it('shows what the kickoff charter still lacks, in the catalogue’s words, and stays open', async () => {
    const gaps = charterGaps(null, ['G1', 'G2', 'G3', 'G4']).filter((g) => !['escalationPath', 'successDefinitions.G1'].includes(g.path));
    const fetch = vi.fn(async () =>
      answer(409, {
        type: 'about:blank',
        title: 'Conflict',
        status: 409,
        code: 'CHARTER_INCOMPLETE',
        detail: 'The kickoff charter is not complete (English).',
        errors: gaps,
      }),
    );
    vi.stubGlobal('fetch', fetch);
    const onDone = vi.fn();
    const view = renderInDom(
      <MemoryRouter>
        <ActivateDialog programId="NKA-OVEN" plan={plan} onClose={vi.fn()} onDone={onDone} />
      </MemoryRouter>,
    );
    await view.click('Activate and take baseline 0');

    const alert = view.container.ownerDocument.querySelector('[role="alert"]');
    expect(alert?.querySelector('.notice__title')?.textContent).toBe('Not done');
    expect(alert?.textContent).toContain('The kickoff charter is not complete, so the program cannot be activated yet.');
    expect([...(alert?.querySelectorAll('li') ?? [])].map((li) => li.textContent)).toEqual([
      'Name the one decision owner.',
      'Say what success at G2 means.',
      'Say what success at G3 means.',
      'Say what success at G4 means.',
      'Choose the weekly report’s day.',
      'Choose the weekly report’s time.',
      'Name who receives the weekly report.',
      'Say from which risk score leadership reviews an unresolved risk.',
      'Say after how many business days an unresolved risk goes to leadership review.',
    ]);
    expect(alert?.textContent).not.toContain('English');
    const link = [...view.container.ownerDocument.querySelectorAll('a')].find(
      (a) => a.textContent === 'Complete the kickoff charter of NKA-OVEN',
    );
    expect(link?.getAttribute('href')).toBe('/programs/NKA-OVEN/charter');
    expect(onDone).not.toHaveBeenCalled();
  });
});
