import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { chartUrls, type Plan } from '../lib/plan-view-queries.js';
import { ChartImage } from './chart-image.js';

interface Props {
  programId: string;
  plan: Plan;
  /** The baseline asked for in the address; null: the latest. */
  baseline: number | null;
  version: string;
  tableId: string;
}

/** The timeline (Gantt-style) as an image; the plan table above is its accessible equivalent. */
export function TimelineSection({ programId, plan, baseline, version, tableId }: Props) {
  const { t } = useTranslation();
  const headingId = useId();
  const number = plan.baseline?.number ?? null;
  return (
    <section className="section" aria-labelledby={headingId}>
      <div className="section__head">
        <h2 id={headingId}>{t('plan.timeline.heading')}</h2>
      </div>
      <p className="section__intro">
        {t('plan.timeline.intro')} <a href={`#${tableId}`}>{t('plan.timeline.tableLink')}</a>
      </p>
      <ChartImage
        src={chartUrls.timeline(programId, baseline, version)}
        alt={
          number === null
            ? t('plan.timeline.altNoBaseline', { count: plan.rows.length })
            : t('plan.timeline.alt', { count: plan.rows.length, number })
        }
      />
    </section>
  );
}
