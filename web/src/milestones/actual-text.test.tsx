import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { englishI18n } from '../i18n/test-render.js';
import { ActualText } from './actual-text.js';

const render = (actualDate: string | null, dueInBusinessDays: number | null) =>
  renderToStaticMarkup(
    <I18nextProvider i18n={englishI18n()}>
      <ActualText actualDate={actualDate} dueInBusinessDays={dueInBusinessDays} />
    </I18nextProvider>,
  );

describe('ActualText', () => {
  it('shows a milestone still to come as planned, in plain ink, with the business days left', () => {
    const html = render(null, 6);
    expect(html).toContain('>planned<');
    expect(html).toContain('>due in 6 business days<');
    expect(html).toContain('class="muted"');
    expect(html).not.toContain('gap');
    expect(html).not.toContain('not done');
    expect(render(null, 1)).toContain('due in 1 business day<');
    expect(render(null, 0)).toContain('>due today<');
  });

  it('shows "not done" as a visible gap only once the date has passed', () => {
    const html = render(null, null);
    expect(html).toContain('class="gap"');
    expect(html).toContain('>not done<');
  });

  it('shows the actual date once done', () => {
    const html = render('2026-03-09', null);
    expect(html).toContain('dateTime="2026-03-09"');
    expect(html).toMatch(/Mar 9, 2026|9 Mar 2026/);
  });
});
