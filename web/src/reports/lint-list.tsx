import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { OperationOutput } from '../../../src/contract/operations.js';

type Finding = OperationOutput<'getReportDraft'>['findings'][number];

/** The report's lint: every finding named, each with a link that opens the item to fix it. */
export function LintList({ findings }: { findings: readonly Finding[] }) {
  const { t } = useTranslation();
  return (
    <section className="section" aria-labelledby="report-lint">
      <h2 id="report-lint">{t('reports.draft.lint.heading', { count: findings.length })}</h2>
      {findings.length === 0 ? (
        <p className="muted">{t('reports.draft.lint.none')}</p>
      ) : (
        <>
          <p className="section__intro">{t('reports.draft.lint.intro')}</p>
          <ul className="report-lint">
            {findings.map((f) => (
              <li key={`${f.kind}-${f.record}-${f.path}`}>
                <span className="report-lint__kind">{t(`reports.draft.lint.kind.${f.kind}`)}</span> <span className="code">{f.key}</span>{' '}
                {f.title}{' '}
                <Link to={f.path} aria-label={t('reports.draft.lint.fixLabel', { key: f.key, title: f.title })}>
                  {t('reports.draft.lint.fix')}
                </Link>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
