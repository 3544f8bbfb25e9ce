import { useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../auth/session.js';
import { LoadError } from '../components/load-error.js';
import { NotAvailablePage } from '../components/not-available-page.js';
import { PageTitle } from '../components/page-title.js';
import { SkeletonRows } from '../components/skeleton-rows.js';
import { TableScroll } from '../components/table-scroll.js';
import { formatCountry, formatInstant } from '../lib/format.js';
import { ReasonDialog } from './reason-dialog.js';
import { type Factory, type Supplier, setupApi, setupKeys, useAllSuppliers } from './setup-api.js';
import { FactoryDialog, SupplierDialog } from './supplier-dialogs.js';

type Open =
  | { kind: 'add' }
  | { kind: 'edit'; supplier: Supplier }
  | { kind: 'archive'; supplier: Supplier }
  | { kind: 'addFactory'; supplier: Supplier }
  | { kind: 'editFactory'; supplier: Supplier; factory: Factory }
  | { kind: 'archiveFactory'; supplier: Supplier; factory: Factory };

/** One row of the archived table: a supplier, or a factory of a supplier. */
interface ArchivedRow {
  id: string;
  name: string;
  kind: 'supplier' | 'factory';
  archivedAt: string;
}

/** Workspace admins: the suppliers and their factories; add, edit, archive. */
export function SuppliersPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const query = useAllSuppliers(me.isAdmin);
  const cache = useQueryClient();
  const [open, setOpen] = useState<Open | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const items = query.data?.items;
  const current = items?.filter((s) => s.archivedAt === null);
  const factories = current?.flatMap((s) => s.factories.filter((f) => f.archivedAt === null).map((f) => ({ supplier: s, factory: f })));
  const archived: ArchivedRow[] = (items ?? []).flatMap((s) => [
    ...(s.archivedAt !== null ? [{ id: s.id, name: s.name, kind: 'supplier' as const, archivedAt: s.archivedAt }] : []),
    ...s.factories.flatMap((f) =>
      f.archivedAt !== null ? [{ id: f.id, name: `${s.name} / ${f.name}`, kind: 'factory' as const, archivedAt: f.archivedAt }] : [],
    ),
  ]);

  const done = async (message: string) => {
    setOpen(null);
    setAnnouncement(message);
    // Both lists: this page's, and the one new programs offer.
    await cache.invalidateQueries({ queryKey: setupKeys.suppliers });
  };

  // Only admins edit and archive suppliers: others are told so, with nothing to retry.
  if (!me.isAdmin) return <NotAvailablePage why={t('setup.suppliers.adminsOnly')} />;
  return (
    <>
      <PageTitle page={t('setup.suppliers.title')} />
      <header className="page-head section__head">
        <h1>{t('setup.suppliers.title')}</h1>
        <button type="button" className="button button--primary" onClick={() => setOpen({ kind: 'add' })}>
          {t('setup.suppliers.add')}
        </button>
      </header>
      <p className="section__intro">{t('setup.suppliers.intro')}</p>
      <p className="live-message" role="status">
        {announcement}
      </p>
      {query.error ? (
        <LoadError title={t('setup.suppliers.loadFailed')} error={query.error} onRetry={() => void query.refetch()} />
      ) : current?.length === 0 ? (
        <p>{t('setup.suppliers.none')}</p>
      ) : (
        <>
          <SupplierTable suppliers={current} onOpen={setOpen} />
          <section className="section">
            <h2>{t('setup.factories.heading')}</h2>
            {factories?.length === 0 ? <p>{t('setup.factories.none')}</p> : <FactoryTable rows={factories} onOpen={setOpen} />}
          </section>
        </>
      )}
      {archived.length > 0 && (
        <section className="section">
          <h2>{t('setup.suppliers.archivedHeading')}</h2>
          <ArchivedTable rows={archived} />
        </section>
      )}
      <Dialogs open={open} onClose={() => setOpen(null)} done={done} />
    </>
  );
}

function Dialogs({ open, onClose, done }: { open: Open | null; onClose: () => void; done: (message: string) => Promise<void> }) {
  const { t } = useTranslation();
  switch (open?.kind) {
    case undefined:
      return null;
    case 'add':
    case 'edit': {
      const supplier = open.kind === 'edit' ? open.supplier : undefined;
      return (
        <SupplierDialog
          supplier={supplier}
          onClose={onClose}
          onSaved={(s) => done(t(supplier ? 'setup.suppliers.saved' : 'setup.suppliers.added', { name: s.name }))}
        />
      );
    }
    case 'addFactory':
    case 'editFactory': {
      const factory = open.kind === 'editFactory' ? open.factory : undefined;
      return (
        <FactoryDialog
          supplier={open.supplier}
          factory={factory}
          onClose={onClose}
          onSaved={(f) => done(t(factory ? 'setup.factories.saved' : 'setup.factories.added', { name: f.name }))}
        />
      );
    }
    case 'archive':
      return (
        <ReasonDialog
          title={t('setup.suppliers.archiveTitle', { name: open.supplier.name })}
          confirmLabel={t('setup.suppliers.archive')}
          isDanger
          onClose={onClose}
          onConfirm={async (reason) => {
            await setupApi.archiveSupplier(open.supplier.id, { version: open.supplier.version, reason });
            await done(t('setup.suppliers.archived', { name: open.supplier.name }));
          }}
        >
          <p>{t('setup.suppliers.archiveBody', { name: open.supplier.name })}</p>
        </ReasonDialog>
      );
    case 'archiveFactory':
      return (
        <ReasonDialog
          title={t('setup.factories.archiveTitle', { name: open.factory.name, supplier: open.supplier.name })}
          confirmLabel={t('setup.factories.archive')}
          isDanger
          onClose={onClose}
          onConfirm={async (reason) => {
            await setupApi.archiveFactory(open.factory.id, { version: open.factory.version, reason });
            await done(t('setup.factories.archived', { name: open.factory.name }));
          }}
        >
          <p>{t('setup.factories.archiveBody', { name: open.factory.name })}</p>
        </ReasonDialog>
      );
  }
}

function SupplierTable({ suppliers, onOpen }: { suppliers: readonly Supplier[] | undefined; onOpen: (o: Open) => void }) {
  const { t } = useTranslation();
  const captionId = useId();
  return (
    <TableScroll labelledBy={captionId}>
      <table className="table table--cards" aria-busy={suppliers === undefined || undefined}>
        <caption id={captionId} className="table__caption">
          {t('setup.suppliers.caption')}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('setup.suppliers.name')}</th>
            <th scope="col">{t('setup.country')}</th>
            <th scope="col" className="col-actions">
              {t('people.col.actions')}
            </th>
          </tr>
        </thead>
        <tbody>
          {suppliers === undefined ? (
            <SkeletonRows rows={3} columns={3} />
          ) : (
            suppliers.map((s) => (
              <tr key={s.id}>
                <th scope="row" className="cell-name">
                  {s.name}
                </th>
                <td data-label={t('setup.country')}>{formatCountry(s.country)}</td>
                <td className="col-actions">
                  <div className="row-actions">
                    <RowButton
                      label={t('setup.suppliers.editLabel', { name: s.name })}
                      onClick={() => onOpen({ kind: 'edit', supplier: s })}
                    >
                      {t('setup.suppliers.edit')}
                    </RowButton>
                    <RowButton
                      label={t('setup.factories.addInline', { supplier: s.name })}
                      onClick={() => onOpen({ kind: 'addFactory', supplier: s })}
                    >
                      {t('setup.factories.add')}
                    </RowButton>
                    <RowButton
                      label={t('setup.suppliers.archiveLabel', { name: s.name })}
                      onClick={() => onOpen({ kind: 'archive', supplier: s })}
                    >
                      {t('setup.suppliers.archive')}
                    </RowButton>
                  </div>
                </td>
              </tr>
            ))
          )}
        </tbody>
      </table>
    </TableScroll>
  );
}

function FactoryTable({
  rows,
  onOpen,
}: {
  rows: readonly { supplier: Supplier; factory: Factory }[] | undefined;
  onOpen: (o: Open) => void;
}) {
  const { t } = useTranslation();
  const captionId = useId();
  return (
    <TableScroll labelledBy={captionId}>
      <table className="table table--cards" aria-busy={rows === undefined || undefined}>
        <caption id={captionId} className="table__caption">
          {t('setup.factories.caption')}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('setup.factories.name')}</th>
            <th scope="col">{t('setup.programs.supplier')}</th>
            <th scope="col">{t('setup.factories.where')}</th>
            <th scope="col">{t('setup.timeZone.label')}</th>
            <th scope="col" className="col-actions">
              {t('people.col.actions')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows === undefined ? (
            <SkeletonRows rows={3} columns={5} />
          ) : (
            rows.map(({ supplier, factory }) => {
              const named = `${supplier.name} / ${factory.name}`;
              return (
                <tr key={factory.id}>
                  <th scope="row" className="cell-name">
                    {factory.name}
                  </th>
                  <td data-label={t('setup.programs.supplier')}>{supplier.name}</td>
                  <td data-label={t('setup.factories.where')}>
                    {t('setup.factories.place', { city: factory.city, country: formatCountry(factory.country) })}
                  </td>
                  <td data-label={t('setup.timeZone.label')}>{factory.timeZone}</td>
                  <td className="col-actions">
                    <div className="row-actions">
                      <RowButton
                        label={t('setup.factories.editLabel', { name: named })}
                        onClick={() => onOpen({ kind: 'editFactory', supplier, factory })}
                      >
                        {t('setup.factories.edit')}
                      </RowButton>
                      <RowButton
                        label={t('setup.factories.archiveLabel', { name: named })}
                        onClick={() => onOpen({ kind: 'archiveFactory', supplier, factory })}
                      >
                        {t('setup.factories.archive')}
                      </RowButton>
                    </div>
                  </td>
                </tr>
              );
            })
          )}
        </tbody>
      </table>
    </TableScroll>
  );
}

function ArchivedTable({ rows }: { rows: readonly ArchivedRow[] }) {
  const { t } = useTranslation();
  const captionId = useId();
  return (
    <TableScroll labelledBy={captionId}>
      <table className="table table--cards">
        <caption id={captionId} className="table__caption">
          {t('setup.suppliers.archivedCaption')}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('setup.suppliers.archivedName')}</th>
            <th scope="col">{t('setup.suppliers.archivedAt')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <th scope="row" className="cell-name">
                {t(r.kind === 'supplier' ? 'setup.suppliers.archivedSupplier' : 'setup.suppliers.archivedFactory', { name: r.name })}
              </th>
              <td data-label={t('setup.suppliers.archivedAt')}>{formatInstant(r.archivedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

function RowButton({ label, onClick, children }: { label: string; onClick: () => void; children: string }) {
  return (
    <button type="button" className="button button--small" aria-label={label} onClick={onClick}>
      {children}
    </button>
  );
}
