import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, describe, expect, it } from 'vitest';
import { setReaderTimeZone } from '../lib/format.js';
import { InstantText } from './instant-text.js';

describe('InstantText', () => {
  afterEach(() => {
    setReaderTimeZone(null);
  });

  it('shows an instant in the account’s zone, with the full instant and zone on hover', () => {
    setReaderTimeZone('America/Chicago');
    const html = renderToStaticMarkup(<InstantText value="2026-03-12T01:30:00Z" />);
    expect(html).toContain('dateTime="2026-03-12T01:30:00Z"');
    expect(html).toContain('title="2026-03-11T20:30:00-05:00 America/Chicago"');
    // The evening before in Chicago, with the zone's name.
    expect(html).toMatch(/>(Mar 11, 2026|11 Mar 2026), (08:30\s?PM|20:30) CDT<\/time>$/u);
  });

  it('shows the same instant on the next morning for a reader in Shanghai', () => {
    setReaderTimeZone('Asia/Shanghai');
    const html = renderToStaticMarkup(<InstantText value="2026-03-12T01:30:00Z" />);
    expect(html).toContain('title="2026-03-12T09:30:00+08:00 Asia/Shanghai"');
    expect(html).toMatch(/(Mar 12, 2026|12 Mar 2026), 09:30(\sAM)? GMT\+8/u);
  });
});
