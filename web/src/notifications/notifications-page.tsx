import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { InstantText } from '../components/instant-text.js';
import { LoadError } from '../components/load-error.js';
import { PageTitle } from '../components/page-title.js';
import { useProblemText } from '../forms/problem-text.js';
import { useNoticeText } from './notice-text.js';
import { useMarkRead, useNotifications, useUnreadCount } from './notifications-api.js';

/** One's notices, newest first: what happened and where, who did it and when; mark one or all read. */
export function NotificationsPage() {
  const { t } = useTranslation();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const query = useNotifications(unreadOnly);
  const unread = useUnreadCount().data ?? 0;
  const mark = useMarkRead();
  const text = useNoticeText();
  const problemText = useProblemText();
  const items = query.data?.pages.flatMap((p) => p.items);
  return (
    <>
      <PageTitle page={t('notifications.title')} />
      <header className="page-head">
        <h1>{t('notifications.title')}</h1>
        <p className="section__intro">{t('notifications.unreadCount', { count: unread })}</p>
      </header>
      <div className="filters filters--changes">
        <label>
          <input type="checkbox" checked={unreadOnly} onChange={(e) => setUnreadOnly(e.target.checked)} /> {t('notifications.unreadOnly')}
        </label>
        <button type="button" className="button" disabled={unread === 0 || mark.isPending} onClick={() => mark.mutate('all')}>
          {t('notifications.markAllRead')}
        </button>
      </div>
      {mark.error && (
        <p className="notice notice--error" role="alert">
          {problemText(mark.error)}
        </p>
      )}
      {query.error ? (
        <LoadError title={t('notifications.loadFailed')} error={query.error} onRetry={() => void query.refetch()} />
      ) : items === undefined ? (
        <p aria-busy="true">{t('common.loading')}</p>
      ) : items.length === 0 ? (
        <p>{unreadOnly ? t('notifications.noneUnread') : t('notifications.none')}</p>
      ) : (
        <ul className="inbox" aria-label={t('notifications.title')}>
          {items.map((n) => (
            <li key={n.id} className={n.readAt ? 'inbox__item' : 'inbox__item inbox__item--unread'}>
              <p className="inbox__what">
                {!n.readAt && <span className="inbox__new">{t('notifications.new')}</span>}{' '}
                <Link to={n.link} onClick={() => !n.readAt && mark.mutate(n.id)}>
                  {text(n)}
                </Link>
              </p>
              <p className="inbox__meta">
                <span className="code">{n.facts.programCode}</span> · {n.actorName ?? t('notifications.byTollgate')} ·{' '}
                <InstantText value={n.createdAt} />
                {!n.readAt && (
                  <>
                    {' '}
                    ·{' '}
                    <button
                      type="button"
                      className="button button--link button--small"
                      disabled={mark.isPending}
                      onClick={() => mark.mutate(n.id)}
                    >
                      {t('notifications.markRead')}
                    </button>
                  </>
                )}
              </p>
            </li>
          ))}
        </ul>
      )}
      {query.hasNextPage && (
        <p>
          <button type="button" className="button" disabled={query.isFetchingNextPage} onClick={() => void query.fetchNextPage()}>
            {t('notifications.showMore')}
          </button>
        </p>
      )}
    </>
  );
}
