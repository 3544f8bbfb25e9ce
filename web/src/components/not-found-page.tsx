import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageTitle } from './page-title.js';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle page={t('errors.notFoundTitle')} />
      <h1>{t('errors.notFoundTitle')}</h1>
      <p>{t('errors.notFoundBody')}</p>
      <p>
        <Link to="/portfolio">{t('errors.backToPortfolio')}</Link>
      </p>
    </>
  );
}
