import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Me } from '../../../src/contract/auth.js';
import { paths } from '../records/paths.js';

/** For a cadence owner: this week's report draft of each program they run, one link each. */
export function ReportsSection({ me }: { me: Me }) {
  const { t } = useTranslation();
  const codes = [
    ...new Set(me.memberships.flatMap((m) => (m.role === 'cadence_owner' && m.programCode !== null ? [m.programCode] : []))),
  ].sort();
  if (codes.length === 0) return null;
  return (
    <section className="section" aria-labelledby="week-reports">
      <h2 id="week-reports">{t('reports.week.heading')}</h2>
      <p className="section__intro">{t('reports.week.intro')}</p>
      <ul className="week-reports">
        {codes.map((code) => (
          <li key={code}>
            <Link to={paths.report(code)}>{t('reports.week.link', { code })}</Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
