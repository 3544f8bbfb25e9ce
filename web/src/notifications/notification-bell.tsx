import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { useLiveUpdates } from './live-updates.js';
import { useUnreadCount } from './notifications-api.js';

/** The top bar's link to one's notices, with how many are unread (kept live). */
export function NotificationBell() {
  const { t } = useTranslation();
  useLiveUpdates();
  const unread = useUnreadCount().data ?? 0;
  return (
    <NavLink to="/notifications" className="bell" aria-label={t('notifications.bellLabel', { count: unread })}>
      <svg className="bell__icon" viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
        <path
          fill="currentColor"
          d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3a1.5 1.5 0 0 0-3 0v1.16A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z"
        />
      </svg>
      <span aria-hidden="true">{t('notifications.bell')}</span>
      {unread > 0 && (
        <span className="bell__count" aria-hidden="true">
          {unread > 99 ? '99+' : unread}
        </span>
      )}
    </NavLink>
  );
}
