import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { LoadError } from '../components/load-error.js';
import { PageTitle } from '../components/page-title.js';
import { ApiError } from '../lib/api.js';
import { type IntakeReceipt, intakeApi, useLinkForm } from './intake-api.js';
import { IntakeSubmitForm, IntakeThanks } from './intake-form.js';

/** /intake/:token: a client's intake form, for anyone with the link, without an account. */
export function IntakeLinkPage() {
  const { t } = useTranslation();
  const token = useParams().token ?? '';
  const offer = useLinkForm(token);
  const [receipt, setReceipt] = useState<IntakeReceipt | null>(null);
  const [round, setRound] = useState(0);

  if (offer.error instanceof ApiError && (offer.error.code === 'INTAKE_LINK_NOT_FOUND' || offer.error.code === 'VALIDATION_FAILED')) {
    return (
      <>
        <PageTitle page={t('intake.invalidTitle')} />
        <h1>{t('intake.invalidTitle')}</h1>
        <p>{t('intake.invalidBody')}</p>
      </>
    );
  }
  if (offer.error) {
    return (
      <>
        <PageTitle page={t('intake.title')} />
        <h1>{t('intake.title')}</h1>
        <LoadError title={t('intake.loadFailed')} error={offer.error} onRetry={() => void offer.refetch()} />
      </>
    );
  }
  if (!offer.data) {
    return (
      <>
        <PageTitle page={t('common.loading')} />
        <p role="status" className="muted">
          {t('common.loading')}
        </p>
      </>
    );
  }
  const form = offer.data;
  return (
    <>
      <PageTitle page={t('intake.titleFor', { client: form.clientName })} />
      <h1>{t('intake.titleFor', { client: form.clientName })}</h1>
      {receipt ? (
        <IntakeThanks
          receipt={receipt}
          onAnother={() => {
            setReceipt(null);
            setRound((n) => n + 1);
          }}
        />
      ) : (
        <>
          <p>{t('intake.intro', { client: form.clientName })}</p>
          <IntakeSubmitForm key={round} form={form} send={(body) => intakeApi.submitThroughLink(token, body)} onSubmitted={setReceipt} />
        </>
      )}
    </>
  );
}
