import { useTranslation } from 'react-i18next';
import type { ProgramSummary } from '../../../src/contract/program.js';
import { DateText } from '../components/date-text.js';
import { OwnerName } from '../components/owner-name.js';
import { formatCountry } from '../lib/format.js';
import { FactoryToday } from './factory-today.js';

/** Who and where: client, supplier and factory, owner, status, the factory's today, tolerance. */
export function ProgramFacts({ program: p }: { program: ProgramSummary }) {
  const { t } = useTranslation();
  return (
    <dl className="facts" aria-label={t('program.facts')}>
      <div>
        <dt>{t('program.client')}</dt>
        <dd>
          {p.client.name} <span className="muted">({formatCountry(p.client.country)})</span>
        </dd>
      </div>
      <div>
        <dt>{t('program.supplier')}</dt>
        <dd>
          {p.supplier.name}{' '}
          <span className="muted">{t('program.supplierPlace', { city: p.supplier.city, country: formatCountry(p.supplier.country) })}</span>
        </dd>
      </div>
      <div>
        <dt>{t('program.owner')}</dt>
        <dd>
          <OwnerName owner={p.owner} />
        </dd>
      </div>
      <div>
        <dt>{t('program.status')}</dt>
        <dd>{t(`status.${p.status}`)}</dd>
      </div>
      <div>
        <dt>{t('program.today')}</dt>
        <dd>
          <FactoryToday program={p} />
        </dd>
      </div>
      <div>
        <dt>{t('program.tolerance')}</dt>
        <dd>{t('program.toleranceValue', { count: p.toleranceDays })}</dd>
      </div>
      <div>
        <dt>{t('program.targetRelease')}</dt>
        <dd>
          <DateText value={p.targetReleaseDate} missing={t('common.notSet')} />
        </dd>
      </div>
    </dl>
  );
}
