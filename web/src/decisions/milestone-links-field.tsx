import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useMilestones } from '../lib/queries.js';

interface Props {
  programId: string;
  /** Ids of the milestones chosen. */
  value: readonly string[];
  onChange: (ids: string[]) => void;
  error?: string | undefined;
}

/** Tick the open milestones a decision bears on; optional. */
export function MilestoneLinksField({ programId, value, onChange, error }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const milestones = useMilestones(programId).data?.items.filter((m) => m.actualDate === null);
  const toggle = (mid: string, on: boolean) => onChange(on ? [...value, mid] : value.filter((v) => v !== mid));
  return (
    <fieldset className="fieldset fieldset--links" aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}>
      <legend>{t('decisions.form.links')}</legend>
      <p id={`${id}-hint`} className="field__hint">
        {t('decisions.form.linksHint')}
      </p>
      {error && (
        <p id={`${id}-error`} className="field__error">
          {error}
        </p>
      )}
      {milestones === undefined ? (
        <p className="muted">{t('common.loading')}</p>
      ) : milestones.length === 0 ? (
        <p className="muted">{t('decisions.form.noMilestones')}</p>
      ) : (
        <ul className="check-list">
          {milestones.map((m) => (
            <li key={m.id}>
              <label className="check-list__item">
                <input type="checkbox" checked={value.includes(m.id)} onChange={(e) => toggle(m.id, e.target.checked)} />
                <span>
                  <span className="code">{m.key}</span> {m.name}
                </span>
              </label>
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}
