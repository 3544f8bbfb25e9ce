import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ProgramSummary } from '../../../src/contract/program.js';
import { DateText } from '../components/date-text.js';
import { Gap } from '../components/gap.js';
import { HealthBadge } from '../components/health-badge.js';
import { OwnerName } from '../components/owner-name.js';
import { useHealthReason } from '../components/use-health-reason.js';
import { EscalationCounts } from '../escalations/escalation-counts.js';
import { formatCountry } from '../lib/format.js';
import { paths } from '../records/paths.js';
import { CountLink } from './count-link.js';

export function PortfolioRow({ program: p }: { program: ProgramSummary }) {
  const { t } = useTranslation();
  const { sentence } = useHealthReason();
  const next = p.nextMilestone;
  const nameId = useId();
  return (
    <tr className={`program-row program-row--${p.health}`}>
      <th scope="row" className="cell-name" id={nameId}>
        <Link to={`/programs/${encodeURIComponent(p.code)}`}>{p.name}</Link> <span className="code">{p.code}</span>
        <EscalationCounts program={p} className="cell-sub escalation-counts" />
      </th>
      <td data-label={t('portfolio.col.client')}>{p.client.name}</td>
      <td data-label={t('portfolio.col.supplier')}>
        <span>{p.supplier.name}</span>{' '}
        <span className="cell-sub">
          {t('program.supplierPlace', { city: p.supplier.city, country: formatCountry(p.supplier.country) })}
        </span>
      </td>
      <td data-label={t('portfolio.col.phase')}>{p.currentPhase ? t(`phase.${p.currentPhase}`) : <Gap>{t('phase.none')}</Gap>}</td>
      <td className="cell-health" data-label={t('portfolio.col.health')}>
        <HealthBadge health={p.health} scope="program" />{' '}
        <span className="cell-why">{sentence(p.healthReason, p.healthMilestone, p.milestoneCount)}</span>
      </td>
      <td data-label={t('portfolio.col.next')}>
        {next ? (
          <>
            <span>{t('reason.subject', { key: next.key, name: next.name })}</span>{' '}
            <span className="cell-sub">
              {t('portfolio.forecastLabel')} <DateText value={next.forecastDate} />
              {' · '}
              <OwnerName owner={next.owner} />
            </span>
          </>
        ) : (
          <Gap>{t('portfolio.noNext')}</Gap>
        )}
      </td>
      <td className="num" data-label={t('portfolio.col.decisions')}>
        <CountLink
          count={p.openDecisions}
          to={paths.decisions(p.code)}
          label={t('portfolio.decisionsLink', { count: p.openDecisions })}
          describedBy={nameId}
        />
      </td>
      <td className="num" data-label={t('portfolio.col.risks')}>
        <CountLink
          count={p.highRisks}
          to={paths.risks(p.code)}
          label={t('portfolio.risksLink', { count: p.highRisks })}
          describedBy={nameId}
        />
      </td>
      <td className="num" data-label={t('portfolio.col.blockers')}>
        <CountLink
          count={p.blockers}
          to={paths.actions(p.code)}
          label={t('portfolio.blockersLink', { count: p.blockers })}
          describedBy={nameId}
        />
      </td>
      <td data-label={t('portfolio.col.owner')}>
        <OwnerName owner={p.owner} />
      </td>
    </tr>
  );
}
