import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { formatInstant } from '../lib/format.js';
import type { Plan } from '../lib/plan-view-queries.js';
import { useBaselineLabel } from './baseline-label.js';

export type PlanDialog = 'activate' | 'rebaseline' | 'settings';

interface Props {
  plan: Plan;
  /** The baseline asked for in the address; null: the latest. */
  chosen: number | null;
  onChoose: (n: number | null) => void;
  mayBaseline: boolean;
  mayEdit: boolean;
  onOpen: (dialog: PlanDialog) => void;
}

/** Which baseline the table compares with, who took it and why, and the plan's own controls. */
export function BaselineBar({ plan, chosen, onChoose, mayBaseline, mayEdit, onOpen }: Props) {
  const { t } = useTranslation();
  const selectId = useId();
  const aboutId = useId();
  const label = useBaselineLabel();
  const shown = plan.baseline;
  const latest = plan.baselines.reduce((n, b) => Math.max(n, b.number), -1);
  const value = chosen ?? shown?.number ?? latest;

  return (
    <div className="plan-bar">
      {plan.baselines.length === 0 ? (
        <p className="plan-bar__about">{t('plan.baseline.none')}</p>
      ) : (
        <div className="plan-bar__pick">
          <label htmlFor={selectId} className="field__label">
            {t('plan.baseline.compareWith')}
          </label>
          <select
            id={selectId}
            aria-describedby={aboutId}
            value={String(value)}
            onChange={(e) => {
              const n = Number(e.target.value);
              onChoose(n === latest ? null : n);
            }}
          >
            {[...plan.baselines]
              .sort((a, b) => b.number - a.number)
              .map((b) => (
                <option key={b.id} value={String(b.number)}>
                  {label(b)}
                  {b.number === latest ? ` ${t('plan.baseline.latestSuffix')}` : ''}
                </option>
              ))}
          </select>
          <p id={aboutId} className="plan-bar__about">
            {shown &&
              (shown.decision
                ? t('plan.baseline.aboutDecided', {
                    when: formatInstant(shown.takenAt),
                    who: shown.takenBy?.name ?? t('plan.someone'),
                    decision: shown.decision.key,
                    statement: shown.decision.statement,
                    count: shown.milestoneCount,
                  })
                : t('plan.baseline.about', {
                    when: formatInstant(shown.takenAt),
                    who: shown.takenBy?.name ?? t('plan.someone'),
                    count: shown.milestoneCount,
                  }))}
          </p>
        </div>
      )}
      {(mayBaseline || mayEdit) && (
        <div className="plan-bar__buttons">
          {mayBaseline &&
            (plan.baselines.length === 0 ? (
              <button type="button" className="button button--primary" onClick={() => onOpen('activate')}>
                {t('plan.activate.button')}
              </button>
            ) : (
              <button type="button" className="button" onClick={() => onOpen('rebaseline')}>
                {t('plan.rebaseline.button')}
              </button>
            ))}
          {mayEdit && (
            <button type="button" className="button" onClick={() => onOpen('settings')}>
              {t('plan.settings.button')}
            </button>
          )}
        </div>
      )}
    </div>
  );
}
