import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProgramSummary } from '../../../src/contract/program.js';
import { SkeletonRows } from '../components/skeleton-rows.js';
import { TableScroll } from '../components/table-scroll.js';
import { PortfolioRow } from './portfolio-row.js';

export function PortfolioTable({ programs }: { programs: readonly ProgramSummary[] | undefined }) {
  const { t } = useTranslation();
  const captionId = useId();
  return (
    <TableScroll labelledBy={captionId}>
      <table className="table table--cards table--portfolio" aria-busy={programs === undefined || undefined}>
        <caption id={captionId} className="table__caption">
          {t('portfolio.caption')}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('portfolio.col.program')}</th>
            <th scope="col">{t('portfolio.col.client')}</th>
            <th scope="col">{t('portfolio.col.supplier')}</th>
            <th scope="col">{t('portfolio.col.phase')}</th>
            <th scope="col">{t('portfolio.col.health')}</th>
            <th scope="col">{t('portfolio.col.next')}</th>
            <th scope="col" className="num col-count" title={t('portfolio.col.decisionsHint')}>
              {t('portfolio.col.decisions')}
            </th>
            <th scope="col" className="num col-count" title={t('portfolio.col.risksHint')}>
              {t('portfolio.col.risks')}
            </th>
            <th scope="col" className="num col-count" title={t('portfolio.col.blockersHint')}>
              {t('portfolio.col.blockers')}
            </th>
            <th scope="col">{t('portfolio.col.owner')}</th>
          </tr>
        </thead>
        <tbody>
          {programs === undefined ? <SkeletonRows rows={6} columns={10} /> : programs.map((p) => <PortfolioRow key={p.id} program={p} />)}
        </tbody>
      </table>
    </TableScroll>
  );
}
