import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProgramSummary } from '../../../src/contract/program.js';
import { HealthBadge } from '../components/health-badge.js';
import { useHealthReason } from '../components/use-health-reason.js';
import { formatPlainDate } from '../lib/format.js';

/** The answers first: health with its why, what comes next, and how far along it is. */
export function ProgramAnswers({ program: p }: { program: ProgramSummary }) {
  const { t } = useTranslation();
  const { sentence } = useHealthReason();
  const headingId = useId();
  const reason = sentence(p.healthReason, p.healthMilestone, p.milestoneCount);
  const next = p.nextMilestone;
  const subject = (m: { key: string; name: string }) => t('reason.subject', { key: m.key, name: m.name });
  return (
    <section className={`answers answers--${p.health}`} aria-labelledby={headingId}>
      <h2 id={headingId} className="visually-hidden">
        {t('program.answers')}
      </h2>
      <p className="answers__main">
        <HealthBadge health={p.health} scope="program" /> <span className="answers__text">{t('program.answer', { reason })}</span>
      </p>
      <p className="answers__line">
        {next === null
          ? t('program.noNext')
          : next.owner
            ? t('program.next', { milestone: subject(next), date: formatPlainDate(next.forecastDate), owner: next.owner.name })
            : t('program.nextNoOwner', { milestone: subject(next), date: formatPlainDate(next.forecastDate) })}
      </p>
      <p className="answers__line">{t('program.progress', { done: p.doneCount, count: p.milestoneCount })}</p>
    </section>
  );
}
