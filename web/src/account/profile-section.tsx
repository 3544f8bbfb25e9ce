import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Gap } from '../components/gap.js';
import { useRoleText } from '../components/use-role-text.js';
import { problemText } from '../forms/problem-text.js';
import { ApiError, api, type Me } from '../lib/api.js';
import { browserTimeZone, formatTimeZone, readerTimeZone } from '../lib/format.js';
import { queryKeys } from '../lib/queries.js';
import { ProfileDialog } from './profile-dialog.js';

/** Who you are here: email, the zone every time is shown in, your roles; your name and zone can be changed. */
export function ProfileSection({ me }: { me: Me }) {
  const { t } = useTranslation();
  const roleText = useRoleText();
  const headingId = useId();
  const cache = useQueryClient();
  const [isEditing, setEditing] = useState(false);
  const [announcement, setAnnouncement] = useState('');

  /** The answer is the new /me: every page reads the person (and the zone times are shown in) from it. */
  const keep = async (saved: Me) => {
    setEditing(false);
    cache.setQueryData(queryKeys.me, saved);
    setAnnouncement(t('account.saved', { zone: formatTimeZone(saved.timeZone) }));
    // Lists cached before may name the person by their old name.
    await cache.invalidateQueries({ predicate: (q) => !(q.queryKey.length === 1 && q.queryKey[0] === queryKeys.me[0]) });
  };
  const toBrowserZone = useMutation({
    mutationFn: () => api.updateMe({ version: me.version, timeZone: browserTimeZone }),
    onMutate: () => setAnnouncement(''),
    onSuccess: keep,
    onError: (error) => {
      // Changed elsewhere: read the account again, so that the next click goes through.
      if (error instanceof ApiError && error.code === 'VERSION_CONFLICT')
        void cache.invalidateQueries({ queryKey: queryKeys.me, exact: true });
    },
  });

  return (
    <section className="section" aria-labelledby={headingId}>
      <div className="section__head">
        <h2 id={headingId}>{t('account.profile')}</h2>
        <button
          type="button"
          className="button button--small"
          onClick={() => {
            setAnnouncement('');
            setEditing(true);
          }}
        >
          {t('account.edit')}
        </button>
      </div>
      <p className="live-message" role="status">
        {announcement}
      </p>
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
            {me.timeZone !== browserTimeZone && (
              <button
                type="button"
                className="button button--small button--secondary facts__action"
                aria-disabled={toBrowserZone.isPending || undefined}
                onClick={() => {
                  if (!toBrowserZone.isPending) toBrowserZone.mutate();
                }}
              >
                {t('account.useBrowserZone', { zone: formatTimeZone(browserTimeZone) })}
              </button>
            )}
            {toBrowserZone.error && (
              <span className="field__error" role="alert">
                {t('account.notSaved', { why: problemText(t, toBrowserZone.error) })}
              </span>
            )}
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
      {isEditing && <ProfileDialog me={me} onClose={() => setEditing(false)} onSaved={keep} />}
    </section>
  );
}
