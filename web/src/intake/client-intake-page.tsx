import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCurrentUser } from '../auth/session.js';
import { LoadError } from '../components/load-error.js';
import { PageTitle } from '../components/page-title.js';
import { api } from '../lib/api.js';
import { type IntakeReceipt, intakeApi, intakeKeys, mayManageIntakeLinks } from './intake-api.js';
import { IntakeSubmitForm, IntakeThanks } from './intake-form.js';

/** /intake: a signed-in client user submits a program for one of their clients, without a link. */
export function ClientIntakePage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const clients = useQuery({ queryKey: ['clients'], queryFn: ({ signal }) => api.listClients(signal) });
  const ownClients = (clients.data?.items ?? []).filter(
    (c) => c.archivedAt === null && (me.isAdmin || me.memberships.some((m) => m.clientId === c.id)),
  );
  const [chosen, setChosen] = useState('');
  const clientId = chosen || ownClients[0]?.id || '';
  const offer = useQuery({
    queryKey: intakeKeys.clientForm(clientId),
    queryFn: ({ signal }) => intakeApi.clientForm(clientId, signal),
    enabled: clientId !== '',
  });
  const [receipt, setReceipt] = useState<IntakeReceipt | null>(null);
  const [round, setRound] = useState(0);

  return (
    <div className="narrow">
      <PageTitle page={t('intake.title')} />
      <h1>{t('intake.title')}</h1>
      {mayManageIntakeLinks(me) && (
        <p>
          <Link to="/intake/links">{t('intake.links.manage')}</Link>
        </p>
      )}
      {clients.error && <LoadError title={t('intake.loadFailed')} error={clients.error} onRetry={() => void clients.refetch()} />}
      {clients.data && ownClients.length === 0 && <p>{t('intake.noClient')}</p>}
      {ownClients.length > 1 && !receipt && (
        <div className="field">
          <label htmlFor="intake-client">{t('intake.client')}</label>
          <select id="intake-client" value={clientId} onChange={(e) => setChosen(e.target.value)}>
            {ownClients.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
      )}
      {offer.error && <LoadError title={t('intake.loadFailed')} error={offer.error} onRetry={() => void offer.refetch()} />}
      {receipt ? (
        <>
          <IntakeThanks
            receipt={receipt}
            onAnother={() => {
              setReceipt(null);
              setRound((n) => n + 1);
            }}
          />
          <p>
            <Link to={`/programs/${encodeURIComponent(receipt.reference)}`}>{t('intake.openDraft', { code: receipt.reference })}</Link>
          </p>
        </>
      ) : (
        offer.data && (
          <>
            <p>{t('intake.introSignedIn', { client: offer.data.clientName })}</p>
            <IntakeSubmitForm
              key={`${clientId}-${round}`}
              form={offer.data}
              send={(body) => intakeApi.submitForClient(clientId, body)}
              onSubmitted={setReceipt}
            />
          </>
        )
      )}
    </div>
  );
}
