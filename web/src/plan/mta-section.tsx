import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadError } from '../components/load-error.js';
import { formatList } from '../lib/format.js';
import { chartUrls, type Plan, useMta } from '../lib/plan-view-queries.js';
import { ChartImage } from './chart-image.js';
import { MtaPicker } from './mta-picker.js';
import { MtaTable } from './mta-table.js';

interface Props {
  programId: string;
  plan: Plan;
  /** A fingerprint of the plan: the chart's address changes whenever the plan does. */
  version: string;
  /** The milestones chosen in the address; null: the API's default. */
  trend: readonly string[] | null;
  onTrend: (keys: readonly string[] | null) => void;
}

/** Milestone trend analysis: how each forecast moved, week by week; the same data as a table under it. */
export function MtaSection({ programId, plan, version, trend, onTrend }: Props) {
  const { t } = useTranslation();
  const headingId = useId();
  const mta = useMta(programId, trend);
  const data = mta.data;
  const keys = data?.series.map((s) => s.key) ?? [];
  const first = data?.weeks[0]?.week;
  const last = data?.weeks[data.weeks.length - 1]?.week;
  const alt =
    data && first && last
      ? t('plan.mta.alt', { count: keys.length, keys: formatList(keys), from: first, to: last })
      : t('plan.mta.altShort');

  return (
    <section className="section" aria-labelledby={headingId}>
      <div className="section__head">
        <h2 id={headingId}>{t('plan.mta.heading')}</h2>
      </div>
      <p className="section__intro">{t('plan.mta.intro')}</p>
      {mta.error ? (
        <LoadError title={t('plan.mta.loadFailed')} error={mta.error} onRetry={trend ? () => onTrend(null) : () => void mta.refetch()} />
      ) : (
        <>
          {plan.rows.length > 0 && <MtaPicker rows={plan.rows} shown={keys} isDefault={trend === null} onChoose={onTrend} />}
          <ChartImage src={chartUrls.mta(programId, trend, version)} alt={alt} width={960} height={480} />
          <details className="plan-details">
            <summary>{t('plan.mta.showTable')}</summary>
            {data ? <MtaTable mta={data} /> : <p className="muted">{t('common.loading')}</p>}
          </details>
        </>
      )}
    </section>
  );
}
