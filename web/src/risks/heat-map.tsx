import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { riskBand } from '../../../src/domain/risk.js';
import { TableScroll } from '../components/table-scroll.js';
import { formatNumber } from '../lib/format.js';
import type { HeatCell } from '../lib/records-api.js';
import { Mark } from '../records/mark.js';
import { paths } from '../records/paths.js';
import { bandTone } from './risk-score.js';

export type Basis = 'current' | 'residual';
const levels = [1, 2, 3, 4, 5] as const;

interface Props {
  programId: string;
  cells: readonly HeatCell[] | undefined;
  /** Risk titles by key, shown on hover over a key. */
  titles: ReadonlyMap<string, string>;
  basis: Basis;
  onBasis: (b: Basis) => void;
}

/**
 * The 5×5 heat map of live risks: likelihood rows 5→1, impact columns 1→5. A table with headers,
 * each cell naming its score and band in words, so it never relies on colour.
 */
export function HeatMap({ programId, cells, titles, basis, onBasis }: Props) {
  const { t } = useTranslation();
  const captionId = useId();
  const keysAt = (l: number, i: number) => cells?.find((c) => c.likelihood === l && c.impact === i)?.keys ?? [];
  return (
    <div className="heat">
      <fieldset className="toggle">
        <legend className="toggle__legend">{t('risks.heat.basis')}</legend>
        {(['current', 'residual'] as const).map((b) => (
          <button key={b} type="button" className="toggle__button" aria-pressed={basis === b} onClick={() => onBasis(b)}>
            {t(`risks.heat.${b}`)}
          </button>
        ))}
      </fieldset>
      <TableScroll labelledBy={captionId}>
        <table className="heat__table" aria-busy={cells === undefined || undefined}>
          <caption id={captionId} className="table__caption">
            {t(`risks.heat.caption.${basis}`)}
          </caption>
          <thead>
            <tr>
              <th scope="col" className="heat__col heat__corner">
                {t('risks.heat.corner')}
              </th>
              {levels.map((i) => (
                <th key={i} scope="col" className="heat__col">
                  {t('risks.heat.impactHead', { level: i, word: t(`risks.impact.${i}`) })}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {[...levels].reverse().map((l) => (
              <tr key={l}>
                <th scope="row" className="heat__row">
                  {t('risks.heat.likelihoodHead', { level: l, word: t(`risks.likelihood.${l}`) })}
                </th>
                {levels.map((i) => {
                  const score = l * i;
                  const band = riskBand(score);
                  const keys = keysAt(l, i);
                  return (
                    <td key={i} className={`heat__cell heat__cell--${band}`} data-likelihood={l} data-impact={i}>
                      <span className="heat__score">
                        <Mark tone={bandTone[band]}>
                          {t('risks.scoreBand', { score: formatNumber(score), band: t(`risks.band.${band}`) })}
                        </Mark>
                      </span>
                      {keys.length > 0 && (
                        <ul className="heat__keys">
                          {keys.map((k) => (
                            <li key={k}>
                              <Link to={paths.risk(programId, k)} title={titles.get(k)}>
                                {k}
                              </Link>
                            </li>
                          ))}
                        </ul>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </div>
  );
}
