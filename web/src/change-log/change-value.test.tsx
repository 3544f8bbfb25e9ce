import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { englishI18n } from '../i18n/test-render.js';
import { setReaderTimeZone } from '../lib/format.js';
import { ChangeValue } from './change-value.js';

const render = (field: string, value: string, entity = 'action') =>
  renderToStaticMarkup(
    <I18nextProvider i18n={englishI18n()}>
      <ChangeValue entity={entity} field={field} value={value} name={null} />
    </I18nextProvider>,
  );

describe('ChangeValue', () => {
  afterEach(() => {
    setReaderTimeZone(null);
  });

  it('shows an instant value (doneAt) in the reader’s zone, never as raw UTC text', () => {
    setReaderTimeZone('America/Chicago');
    const html = render('doneAt', '2026-03-10T09:00:00.000Z');
    expect(html).toContain('title="2026-03-10T04:00:00-05:00 America/Chicago"');
    expect(html).not.toContain('>2026-03-10T09:00:00.000Z<');
  });

  it('keeps a plain date on its calendar day for a reader far east or west', () => {
    for (const zone of ['Pacific/Kiritimati', 'America/Los_Angeles']) {
      setReaderTimeZone(zone);
      expect(render('forecastDate', '2026-12-31')).toMatch(/<time dateTime="2026-12-31">(Dec 31, 2026|31 Dec 2026)<\/time>/);
    }
  });

  it('names a role granted in words, not as its code', () => {
    expect(render('role', 'cadence_owner', 'membership')).toBe('cadence owner');
    expect(render('role', 'quality_owner', 'membership')).toBe('quality owner');
  });
});
