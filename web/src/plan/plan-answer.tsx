import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { HealthBadge } from '../components/health-badge.js';
import { useHealthReason } from '../components/use-health-reason.js';
import { formatCountry, formatList, formatPlainDate } from '../lib/format.js';
import { attentionRank, reasonSeverity } from '../lib/health.js';
import type { Plan, PlanRow } from '../lib/plan-view-queries.js';
import { Mark } from '../records/mark.js';

/** The open milestone that needs attention most: worst health first, then the biggest trouble. */
const worstOf = (rows: readonly PlanRow[]): PlanRow | undefined =>
  [...rows].sort(
    (a, b) => attentionRank(a.health) - attentionRank(b.health) || reasonSeverity(b.healthReason) - reasonSeverity(a.healthReason),
  )[0];

/**
 * The answer first, in words: how the plan stands with its worst milestone and why, how many
 * business days are to spare before the target release, the critical path, and which dates are provisional.
 */
export function PlanAnswer({ plan }: { plan: Plan }) {
  const { t } = useTranslation();
  const { sentence } = useHealthReason();
  const headingId = useId();
  const open = plan.rows.filter((r) => r.actualDate === null);
  const worst = worstOf(open);
  const health = worst?.health ?? 'done';
  const needAttention = open.filter((r) => r.health === 'late' || r.health === 'at_risk').length;
  const breaches = open.filter((r) => r.breach).length;
  const done = plan.rows.length - open.length;

  let what: string;
  if (plan.rows.length === 0) what = t('plan.answer.empty');
  else if (worst === undefined) what = t('plan.answer.allDone');
  else if (worst.health === 'on_track') what = t('plan.answer.onTrack');
  else {
    what = sentence(worst.healthReason, worst);
    if (needAttention > 1) what = t('plan.answer.andMore', { what, count: needAttention - 1 });
  }

  const target = plan.targetReleaseDate;
  let spare: string | null = null;
  if (open.length > 0) {
    if (target === null) spare = t('plan.answer.noTarget');
    else if (plan.minSlackDays !== null) {
      const date = formatPlainDate(target);
      spare =
        plan.minSlackDays >= 0
          ? t('plan.answer.spare', { count: plan.minSlackDays, date })
          : t('plan.answer.short', { count: -plan.minSlackDays, date });
    }
  }

  return (
    <section className={`answers answers--${health} plan-answer`} aria-labelledby={headingId}>
      <h2 id={headingId} className="visually-hidden">
        {t('plan.answer.heading')}
      </h2>
      <p className="answers__main">
        <HealthBadge health={health} scope="program" />{' '}
        <span className="answers__text">{spare ? t('plan.answer.withSpare', { what, spare }) : t('plan.answer.only', { what })}</span>
      </p>
      {plan.criticalPath.length > 0 && (
        <p className="answers__line">
          {t('plan.answer.criticalPath')}{' '}
          <span className="plan-answer__path">
            {plan.criticalPath.map((key, i) => (
              <span key={key}>
                {i > 0 && (
                  <span className="plan-answer__arrow" aria-hidden="true">
                    {' → '}
                  </span>
                )}
                {i > 0 && <span className="visually-hidden">, </span>}
                <a href={`#${encodeURIComponent(key)}`}>{key}</a>
              </span>
            ))}
          </span>
          {'. '}
          <span className="muted">{t('plan.answer.criticalPathHint')}</span>
        </p>
      )}
      {plan.rows.length > 0 && (
        <p className="answers__line">
          {t('plan.answer.progress', { done, count: plan.rows.length })}{' '}
          {breaches > 0 && (
            <Mark tone="late" title={t('plan.breachHint')}>
              {t('plan.answer.breaches', { count: breaches })}
            </Mark>
          )}
        </p>
      )}
      {plan.provisionalYears.map((p) => (
        <p key={p.year} className="answers__line plan-answer__provisional">
          <Mark tone="waiting">{t('plan.provisional')}</Mark>{' '}
          {t('plan.answer.provisional', {
            year: p.year,
            countries: formatList(p.countries.map(formatCountry)),
            count: p.countries.length,
          })}
        </p>
      ))}
    </section>
  );
}
