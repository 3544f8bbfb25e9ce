import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import type { ProgramSummary } from '../../../src/contract/program.js';
import { PrintButton } from '../components/print-button.js';
import { paths } from '../records/paths.js';

/** Overview and milestones, Plan, Gates (with the current phase), Decisions, Risks, Actions, Escalations, Floor (events), Calendar, Charter: with what needs attention in each; and Print. */
export function ProgramTabs({ code, program }: { code: string; program: ProgramSummary | undefined }) {
  const { t } = useTranslation();
  const escalationCount = (p: ProgramSummary) =>
    p.overdueEscalations > 0
      ? t('programNav.escalationsOverdue', { count: p.openEscalations, overdue: p.overdueEscalations })
      : t('programNav.openEscalations', { count: p.openEscalations });
  const tabs = [
    { to: paths.program(code), label: t('programNav.overview'), count: null, end: true },
    { to: paths.plan(code), label: t('plan.tab'), count: null },
    {
      to: paths.gates(code),
      label: t('programNav.gates'),
      count: program?.currentPhase ? t('programNav.phase', { phase: program.currentPhase }) : null,
    },
    {
      to: paths.decisions(code),
      label: t('programNav.decisions'),
      count: program && t('programNav.openDecisions', { count: program.openDecisions }),
    },
    { to: paths.risks(code), label: t('programNav.risks'), count: program && t('programNav.highRisks', { count: program.highRisks }) },
    { to: paths.actions(code), label: t('programNav.actions'), count: program && t('programNav.blockers', { count: program.blockers }) },
    {
      to: paths.escalations(code),
      label: t('programNav.escalations'),
      count: program && program.openEscalations > 0 ? escalationCount(program) : null,
    },
    { to: paths.floor(code), label: t('floor.tab'), count: null },
    { to: paths.calendar(code), label: t('calendar.tab'), count: null },
    { to: paths.charter(code), label: t('charter.tab'), count: null },
    { to: paths.report(code), label: t('reports.nav'), count: null },
  ];
  return (
    <nav className="tabs" aria-label={t('programNav.label')}>
      <ul className="tabs__list">
        {tabs.map((tab) => (
          <li key={tab.to}>
            <NavLink to={tab.to} end={tab.end ?? false} className="tabs__link">
              {tab.label}
              {tab.count && <span className="tabs__count"> {tab.count}</span>}
            </NavLink>
          </li>
        ))}
      </ul>
      <PrintButton />
    </nav>
  );
}
