import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { englishI18n } from '../i18n/test-render.js';
import type { Me } from '../lib/api.js';
import { browserTimeZone, setReaderTimeZone } from '../lib/format.js';
import { ProfileSection } from './profile-section.js';

const me = (timeZone: string): Me => ({
  id: 'u-dana',
  email: 'dana@example.test',
  name: 'Dana Whitfield',
  timeZone,
  locale: 'en',
  isAdmin: false,
  memberships: [],
  version: 1,
  csrfToken: null,
  via: 'session',
});

const render = (m: Me) => {
  // As RequireSession does once /me is known.
  setReaderTimeZone(m.timeZone);
  return renderToStaticMarkup(
    <I18nextProvider i18n={englishI18n()}>
      <ProfileSection me={m} />
    </I18nextProvider>,
  );
};

describe('ProfileSection', () => {
  afterEach(() => {
    setReaderTimeZone(null);
  });

  it('says every time is shown in the account’s zone', () => {
    const html = render(me('America/Chicago'));
    expect(html).toContain('America/Chicago (GMT-');
    expect(html).toContain('Every time in Tollgate is shown in this zone');
  });

  it('says which zone is used instead when this browser does not know the account’s', () => {
    const html = render(me('Mars/Olympus_Mons'));
    expect(html).toContain(`This browser does not know this zone: times are shown in ${browserTimeZone.replaceAll('_', ' ')}`);
  });
});
