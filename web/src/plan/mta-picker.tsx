import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanRow } from '../lib/plan-view-queries.js';

/** The trend chart follows at most this many milestones (the API's limit). */
const maxShown = 12;

interface Props {
  rows: readonly PlanRow[];
  /** The keys the chart shows now. */
  shown: readonly string[];
  /** Whether the API's default choice is shown (nothing chosen in the address). */
  isDefault: boolean;
  onChoose: (keys: readonly string[] | null) => void;
}

/** Which milestones the trend follows: by default those flagged critical, or up to 12 chosen here. */
export function MtaPicker({ rows, shown, isDefault, onChoose }: Props) {
  const { t } = useTranslation();
  const formId = useId();
  const [chosen, setChosen] = useState<readonly string[]>(shown);
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const toggle = (key: string, on: boolean) => {
    setError(null);
    setChosen((c) => (on ? [...c, key] : c.filter((k) => k !== key)));
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (chosen.length === 0) return setError(t('plan.mta.pickNone'));
    if (chosen.length > maxShown) return setError(t('plan.mta.pickTooMany', { count: maxShown }));
    // Plan order, so the chart and its table list them as the plan does.
    onChoose(rows.filter((r) => chosen.includes(r.key)).map((r) => r.key));
    setOpen(false);
  };

  return (
    <details
      className="plan-picker"
      open={open}
      onToggle={(e) => {
        const isOpen = e.currentTarget.open;
        setOpen(isOpen);
        if (isOpen) {
          setChosen(shown);
          setError(null);
        }
      }}
    >
      <summary>
        {isDefault ? t('plan.mta.pickSummaryDefault', { count: shown.length }) : t('plan.mta.pickSummary', { count: shown.length })}
      </summary>
      <form className="plan-picker__form" noValidate onSubmit={onSubmit}>
        <fieldset className="plan-picker__fieldset" aria-describedby={`${formId}-hint${error ? ` ${formId}-error` : ''}`}>
          <legend className="field__label">{t('plan.mta.pickLegend')}</legend>
          <p id={`${formId}-hint`} className="field__hint">
            {t('plan.mta.pickHint', { count: maxShown, chosen: chosen.length })}
          </p>
          {error && (
            <p id={`${formId}-error`} className="field__error" role="alert">
              {error}
            </p>
          )}
          <ul className="plan-picker__list">
            {rows.map((r) => (
              <li key={r.id}>
                <label className="plan-picker__item">
                  <input type="checkbox" checked={chosen.includes(r.key)} onChange={(e) => toggle(r.key, e.target.checked)} />
                  <span>
                    <span className="code">{r.key}</span> {r.name}
                  </span>
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
        <div className="form__buttons">
          <button type="submit" className="button button--primary">
            {t('plan.mta.pickApply')}
          </button>
          {!isDefault && (
            <button
              type="button"
              className="button button--secondary"
              onClick={() => {
                onChoose(null);
                setOpen(false);
              }}
            >
              {t('plan.mta.pickDefault')}
            </button>
          )}
        </div>
      </form>
    </details>
  );
}
