import { useTranslation } from 'react-i18next';
import { DateText } from '../components/date-text.js';
import { OwnerName } from '../components/owner-name.js';
import type { Risk } from '../lib/records-api.js';
import { Mark } from '../records/mark.js';
import { RiskScore } from './risk-score.js';
import { RiskStatus } from './risk-status.js';

/** Owner, category, score and residual score, strategy, review date, status. */
export function RiskFacts({ risk: r }: { risk: Risk }) {
  const { t } = useTranslation();
  return (
    <dl className="facts" aria-label={t('risks.facts')}>
      <div>
        <dt>{t('risks.col.status')}</dt>
        <dd>
          <RiskStatus status={r.status} />
        </dd>
      </div>
      <div>
        <dt>{t('risks.col.owner')}</dt>
        <dd>
          <OwnerName owner={r.owner} />
        </dd>
      </div>
      <div>
        <dt>{t('risks.col.score')}</dt>
        <dd>
          <RiskScore score={r.score} /> <span className="muted">{t('risks.levels', { likelihood: r.likelihood, impact: r.impact })}</span>
        </dd>
      </div>
      <div>
        <dt>{t('risks.col.residual')}</dt>
        <dd>
          <RiskScore score={r.residualScore} />
        </dd>
      </div>
      <div>
        <dt>{t('risks.col.category')}</dt>
        <dd>{t(`risks.category.${r.category}`)}</dd>
      </div>
      <div>
        <dt>{t('risks.col.strategy')}</dt>
        <dd>{t(`risks.strategy.${r.strategy}`)}</dd>
      </div>
      <div>
        <dt>{t('risks.col.review')}</dt>
        <dd>
          <DateText value={r.reviewDate} missing={t('risks.noReviewDate')} />
          {r.isReviewDue && (
            <>
              {' '}
              <Mark tone="late" title={t('risks.reviewDueHint')}>
                {t('risks.reviewDue')}
              </Mark>
            </>
          )}
        </dd>
      </div>
    </dl>
  );
}
