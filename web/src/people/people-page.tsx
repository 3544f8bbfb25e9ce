import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../auth/session.js';
import { LoadError } from '../components/load-error.js';
import { NotAvailablePage } from '../components/not-available-page.js';
import { PageTitle } from '../components/page-title.js';
import type { Invitation } from '../lib/api.js';
import { queryKeys, usePeople } from '../lib/queries.js';
import { InviteDialog } from './invite-dialog.js';
import { InviteLinkNotice } from './invite-link-notice.js';
import { PeopleDialogs } from './people-dialogs.js';
import { PeopleTable } from './people-table.js';
import type { PersonAction } from './person-row.js';

interface Invited {
  invitation: Invitation;
  person: { name: string; email: string };
}

/** Workspace admins: everyone with their roles; invite, give and take roles, remove. */
export function PeoplePage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const client = useQueryClient();
  const people = usePeople(me.isAdmin);
  const [inviting, setInviting] = useState(false);
  const [invited, setInvited] = useState<Invited | null>(null);
  const [action, setAction] = useState<PersonAction | null>(null);
  const [announcement, setAnnouncement] = useState('');

  // Roles decide who sees which program: what is cached for them, and for me, may be stale now.
  const refresh = () =>
    Promise.all([
      client.invalidateQueries({ queryKey: queryKeys.people }),
      client.invalidateQueries({ queryKey: queryKeys.me }),
      client.invalidateQueries({ queryKey: ['program'] }),
      client.invalidateQueries({ queryKey: queryKeys.programs }),
    ]);

  // Only admins manage people: others are told so, with nothing to retry.
  if (!me.isAdmin) return <NotAvailablePage why={t('people.adminsOnly')} />;
  return (
    <>
      <PageTitle page={t('people.title')} />
      <header className="page-head section__head">
        <h1>{t('people.title')}</h1>
        {me.isAdmin && (
          <button type="button" className="button button--primary" onClick={() => setInviting(true)}>
            {t('people.invite')}
          </button>
        )}
      </header>
      <p className="section__intro">{t('people.intro')}</p>
      {people.data && !people.data.isMailOn && (
        <p className="notice" data-testid="mail-off">
          {t('people.mailOff')}
        </p>
      )}
      <p className="live-message" role="status">
        {announcement}
      </p>
      {invited && <InviteLinkNotice invitation={invited.invitation} person={invited.person} onDismiss={() => setInvited(null)} />}
      {people.error ? (
        <LoadError title={t('people.loadFailed')} error={people.error} onRetry={() => void people.refetch()} />
      ) : (
        <PeopleTable people={people.data?.items} meId={me.id} onAction={setAction} />
      )}
      {inviting && (
        <InviteDialog
          onClose={() => setInviting(false)}
          onInvited={async (invitation, person) => {
            setAnnouncement('');
            setInvited({ invitation, person });
            setInviting(false);
            await refresh();
          }}
        />
      )}
      <PeopleDialogs
        action={action}
        onClose={() => setAction(null)}
        onDone={async (message) => {
          setAction(null);
          setAnnouncement(message);
          await refresh();
        }}
      />
    </>
  );
}
