import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Gap } from '../components/gap.js';
import { useRoleText } from '../components/use-role-text.js';
import type { Me } from '../lib/api.js';
import { formatTimeZone, readerTimeZone } from '../lib/format.js';

export function ProfileSection({ me }: { me: Me }) {
  const { t } = useTranslation();
  const roleText = useRoleText();
  const headingId = useId();
  return (
    <section className="section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('account.profile')}</h2>
      <dl className="facts">
        <div>
          <dt>{t('account.email')}</dt>
          <dd>{me.email}</dd>
        </div>
        <div>
          <dt>{t('account.timeZone')}</dt>
          <dd>
            {formatTimeZone(me.timeZone)}
            <span className="cell-sub">
              {readerTimeZone() === me.timeZone
                ? t('account.timeZoneUsed')
                : t('account.timeZoneUnknown', { zone: formatTimeZone(readerTimeZone()) })}
            </span>
          </dd>
        </div>
        <div>
          <dt>{t('account.workspace')}</dt>
          <dd>{me.isAdmin ? t('account.admin') : t('account.notAdmin')}</dd>
        </div>
        <div className="facts__wide">
          <dt>{t('account.roles')}</dt>
          <dd>
            {me.memberships.length === 0 ? (
              <Gap>{t('account.noRoles')}</Gap>
            ) : (
              <ul className="plain-list">
                {me.memberships.map((m) => (
                  <li key={m.id}>{roleText.membership(m)}</li>
                ))}
              </ul>
            )}
          </dd>
        </div>
      </dl>
    </section>
  );
}
