import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageTitle } from './page-title.js';

/** A page the person may not use, visited directly: said plainly, with nothing to try again. */
export function NotAvailablePage({ why }: { why: string }) {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle page={t('errors.notAvailableTitle')} />
      <h1>{t('errors.notAvailableTitle')}</h1>
      <p>{why}</p>
      <p>
        <Link to="/">{t('errors.backHome')}</Link>
      </p>
    </>
  );
}
