import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { problemText } from '../forms/problem-text.js';
import { currentWeek, leadershipPath } from '../leadership/leadership-api.js';
import { ApiError, api, type Me } from '../lib/api.js';
import { queryKeys } from '../lib/queries.js';

/** The weekly leadership view by e-mail (Monday 08:00 in one's zone): one switch on one's own account. */
export function LeadershipMailSection({ me }: { me: Me }) {
  const { t } = useTranslation();
  const headingId = useId();
  const checkboxId = useId();
  const hintId = useId();
  const cache = useQueryClient();
  const [announcement, setAnnouncement] = useState('');
  const save = useMutation({
    mutationFn: (on: boolean) => api.updateMe({ version: me.version, hasLeadershipMail: on }),
    onMutate: () => setAnnouncement(''),
    onSuccess: (saved) => {
      cache.setQueryData(queryKeys.me, saved);
      setAnnouncement(saved.hasLeadershipMail ? t('leadership.mail.on') : t('leadership.mail.off'));
    },
    onError: (error) => {
      if (error instanceof ApiError && error.code === 'VERSION_CONFLICT')
        void cache.invalidateQueries({ queryKey: queryKeys.me, exact: true });
    },
  });
  return (
    <section className="section" aria-labelledby={headingId}>
      <div className="section__head">
        <h2 id={headingId}>{t('leadership.mail.heading')}</h2>
      </div>
      <p className="live-message" role="status">
        {announcement}
      </p>
      <div className="field field--inline">
        <div className="field__row">
          <input
            id={checkboxId}
            type="checkbox"
            aria-describedby={hintId}
            checked={me.hasLeadershipMail}
            disabled={save.isPending}
            onChange={(e) => save.mutate(e.currentTarget.checked)}
          />
          <label htmlFor={checkboxId} className="field__label">
            {t('leadership.mail.label')}
          </label>
        </div>
        <p id={hintId} className="field__hint">
          {t('leadership.mail.hint')} <Link to={leadershipPath(currentWeek())}>{t('leadership.link')}</Link>
        </p>
      </div>
      {save.error && (
        <p className="field__error" role="alert">
          {t('account.notSaved', { why: problemText(t, save.error) })}
        </p>
      )}
    </section>
  );
}
