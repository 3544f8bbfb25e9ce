import { useTranslation } from 'react-i18next';

/** Stands in for the header while the program loads. */
export function ProgramHeaderSkeleton() {
  const { t } = useTranslation();
  return (
    <header className="page-head" aria-busy="true">
      <h1>
        <span className="visually-hidden">{t('program.loading')}</span>
        <span className="skeleton skeleton--title" aria-hidden="true" />
      </h1>
      <div className="answers" aria-hidden="true">
        <span className="skeleton skeleton--w3" />
        <span className="skeleton skeleton--w2" />
      </div>
    </header>
  );
}
