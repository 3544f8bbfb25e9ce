import { useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../auth/session.js';
import { Gap } from '../components/gap.js';
import { LoadError } from '../components/load-error.js';
import { NotAvailablePage } from '../components/not-available-page.js';
import { PageTitle } from '../components/page-title.js';
import { SkeletonRows } from '../components/skeleton-rows.js';
import { TableScroll } from '../components/table-scroll.js';
import { formatCountry, formatInstant } from '../lib/format.js';
import { queryKeys } from '../lib/queries.js';
import { ClientDialog } from './client-dialog.js';
import { ReasonDialog } from './reason-dialog.js';
import { type Client, setupApi, setupKeys, useAllClients } from './setup-api.js';

type Open = { kind: 'add' } | { kind: 'edit'; client: Client } | { kind: 'archive'; client: Client };

const byName = (a: Client, b: Client) => a.name.localeCompare(b.name);

/** Workspace admins: the clients programs are made for; add, edit, archive. */
export function ClientsPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const query = useAllClients(me.isAdmin);
  const cache = useQueryClient();
  const [open, setOpen] = useState<Open | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const items = query.data?.items;
  const current = items?.filter((c) => c.archivedAt === null).sort(byName);
  const archived = items?.filter((c) => c.archivedAt !== null).sort(byName) ?? [];

  const done = async (message: string) => {
    setOpen(null);
    setAnnouncement(message);
    await Promise.all([
      cache.invalidateQueries({ queryKey: setupKeys.allClients }),
      cache.invalidateQueries({ queryKey: queryKeys.clients, exact: true }),
    ]);
  };

  // Only admins manage clients: others are told so, with nothing to retry.
  if (!me.isAdmin) return <NotAvailablePage why={t('setup.clients.adminsOnly')} />;
  return (
    <>
      <PageTitle page={t('setup.clients.title')} />
      <header className="page-head section__head">
        <h1>{t('setup.clients.title')}</h1>
        <button type="button" className="button button--primary" onClick={() => setOpen({ kind: 'add' })}>
          {t('setup.clients.add')}
        </button>
      </header>
      <p className="section__intro">{t('setup.clients.intro')}</p>
      <p className="live-message" role="status">
        {announcement}
      </p>
      {query.error ? (
        <LoadError title={t('setup.clients.loadFailed')} error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <>
          {current?.length === 0 ? (
            <p>{t('setup.clients.none')}</p>
          ) : (
            <ClientTable caption={t('setup.clients.caption')} clients={current} onOpen={setOpen} />
          )}
          {archived.length > 0 && (
            <section className="section">
              <h2>{t('setup.clients.archivedHeading')}</h2>
              <ClientTable caption={t('setup.clients.archivedCaption')} clients={archived} onOpen={setOpen} />
            </section>
          )}
        </>
      )}
      {open?.kind === 'add' && (
        <ClientDialog onClose={() => setOpen(null)} onSaved={(c) => done(t('setup.clients.added', { name: c.name }))} />
      )}
      {open?.kind === 'edit' && (
        <ClientDialog
          client={open.client}
          onClose={() => setOpen(null)}
          onSaved={(c) => done(t('setup.clients.saved', { name: c.name }))}
        />
      )}
      {open?.kind === 'archive' && (
        <ReasonDialog
          title={t('setup.clients.archiveTitle', { name: open.client.name })}
          confirmLabel={t('setup.clients.archive')}
          isDanger
          onClose={() => setOpen(null)}
          onConfirm={async (reason) => {
            await setupApi.archiveClient(open.client.id, { version: open.client.version, reason });
            await done(t('setup.clients.archived', { name: open.client.name }));
          }}
        >
          <p>{t('setup.clients.archiveBody', { name: open.client.name })}</p>
        </ReasonDialog>
      )}
    </>
  );
}

function ClientTable({ caption, clients, onOpen }: { caption: string; clients: readonly Client[] | undefined; onOpen: (o: Open) => void }) {
  const { t } = useTranslation();
  const captionId = useId();
  return (
    <TableScroll labelledBy={captionId}>
      <table className="table table--cards" aria-busy={clients === undefined || undefined}>
        <caption id={captionId} className="table__caption">
          {caption}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('setup.clients.name')}</th>
            <th scope="col">{t('setup.country')}</th>
            <th scope="col">{t('setup.timeZone.label')}</th>
            <th scope="col">{t('setup.clients.contacts')}</th>
            <th scope="col" className="col-actions">
              {t('people.col.actions')}
            </th>
          </tr>
        </thead>
        <tbody>
          {clients === undefined ? (
            <SkeletonRows rows={3} columns={5} />
          ) : (
            clients.map((c) => (
              <tr key={c.id}>
                <th scope="row" className="cell-name">
                  {c.name}
                </th>
                <td data-label={t('setup.country')}>{formatCountry(c.country)}</td>
                <td data-label={t('setup.timeZone.label')}>{c.timeZone}</td>
                <td data-label={t('setup.clients.contacts')}>
                  {c.contacts.length === 0 ? (
                    <Gap>{t('setup.clients.noContacts')}</Gap>
                  ) : (
                    <ul className="plain-list">
                      {c.contacts.map((p, i) => (
                        // biome-ignore lint/suspicious/noArrayIndexKey: contacts have no id; their order is their identity
                        <li key={i}>{[p.name, p.role, p.email, p.phone].filter((s) => s !== '').join(' · ')}</li>
                      ))}
                    </ul>
                  )}
                </td>
                <td className="col-actions">
                  {c.archivedAt !== null ? (
                    <span className="muted">{t('setup.clients.archivedOn', { when: formatInstant(c.archivedAt) })}</span>
                  ) : (
                    <div className="row-actions">
                      <button
                        type="button"
                        className="button button--small"
                        aria-label={t('setup.clients.editLabel', { name: c.name })}
                        onClick={() => onOpen({ kind: 'edit', client: c })}
                      >
                        {t('setup.clients.edit')}
                      </button>
                      <button
                        type="button"
                        className="button button--small"
                        aria-label={t('setup.clients.archiveLabel', { name: c.name })}
                        onClick={() => onOpen({ kind: 'archive', client: c })}
                      >
                        {t('setup.clients.archive')}
                      </button>
                    </div>
                  )}
                </td>
              </tr>
            ))
          )}
        </tbody>
      </table>
    </TableScroll>
  );
}
