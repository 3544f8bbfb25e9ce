import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { plainDate } from '../../../src/domain/plain-date.js';
import { englishI18n } from '../i18n/test-render.js';
import { setReaderTimeZone } from '../lib/format.js';
import { FactoryToday } from './factory-today.js';

// 2026-03-12T01:30Z: Thursday 12 March, 09:30 at a factory in Ningbo; Wednesday evening in Chicago.
const now = Date.parse('2026-03-12T01:30:00Z');
const ningbo = { today: plainDate('2026-03-12'), todayIsWorkingDay: true, timeZone: 'Asia/Shanghai' };

const render = (program: typeof ningbo, at = now) =>
  renderToStaticMarkup(
    <I18nextProvider i18n={englishI18n()}>
      <FactoryToday program={program} now={at} />
    </I18nextProvider>,
  );

describe('FactoryToday', () => {
  afterEach(() => {
    setReaderTimeZone(null);
  });

  it('shows the factory’s date, weekday, local time and zone, and the reader’s own time beside it', () => {
    setReaderTimeZone('America/Chicago');
    const html = render(ningbo);
    expect(html).toMatch(/<time dateTime="2026-03-12">Thu, (Mar 12, 2026|12 Mar 2026), 09:30(\sAM)?, Asia\/Shanghai \(GMT\+8\)<\/time>/u);
    expect(html).toContain('A working day on the program’s calendar.');
    expect(html).toContain('Your time:');
    expect(html).toContain('title="2026-03-11T20:30:00-05:00 America/Chicago"');
  });

  it('says when today is a day off at the factory', () => {
    expect(render({ ...ningbo, today: plainDate('2026-10-01'), todayIsWorkingDay: false }, Date.parse('2026-10-01T02:00:00Z'))).toContain(
      'Not a working day on the program’s calendar.',
    );
  });

  it('leaves the time out when this browser’s clock is on another day than the server’s', () => {
    const html = render(ningbo, Date.parse('2026-03-14T01:30:00Z'));
    expect(html).toMatch(/<time dateTime="2026-03-12">Thu, (Mar 12, 2026|12 Mar 2026), Asia\/Shanghai \(GMT\+8\)<\/time>/);
    expect(html).not.toContain('Your time:');
  });
});
