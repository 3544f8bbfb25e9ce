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

  it('tells a list stored as JSON in words: records by key and title, ids by count, an empty one as none', () => {
    const items = JSON.stringify([
      { kind: 'action', id: 'a1', key: 'A-5', title: 'Sign the limit samples', dueDate: '2026-03-10', why: 'overdue', gateKey: null },
      {
        kind: 'checklist_item',
        id: 'c1',
        key: 'G2-CLIENT-SAMPLES',
        title: 'Pilot samples approved',
        dueDate: null,
        why: 'due',
        gateKey: 'G2',
      },
    ]);
    expect(render('items', items, 'update_request')).toBe('A-5 Sign the limit samples · G2-CLIENT-SAMPLES Pilot samples approved');
    expect(render('confirmedItemIds', '["a1","c1"]', 'update_request')).toBe('2 items');
    expect(render('confirmedItemIds', '["a1"]', 'update_request')).toBe('1 item');
    expect(render('confirmedItemIds', '[]', 'update_request')).toBe('<span class="muted">none</span>');
    expect(render('details', '{"lotSize":1200}', 'floor_event')).toBe('changed');
    // Text that only looks like JSON is shown as written.
    expect(render('title', '[draft] Pilot', 'action')).toBe('[draft] Pilot');
  });
});
