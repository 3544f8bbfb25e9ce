import { useId } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useFormField } from '../forms/form-context.js';
import { useMilestones } from '../lib/queries.js';

/** Tick the open milestones a decision bears on (field `links`: their ids); optional. */
export function MilestoneLinksField({ programId }: { programId: string }) {
  const { t } = useTranslation();
  const id = useId();
  const { error } = useFormField('links');
  const { setValue } = useFormContext();
  const value = (useWatch({ name: 'links' }) ?? []) as string[];
  const milestones = useMilestones(programId).data?.items.filter((m) => m.actualDate === null);
  const toggle = (mid: string, on: boolean) =>
    setValue('links', on ? [...value, mid] : value.filter((v) => v !== mid), { shouldDirty: true, shouldValidate: error !== undefined });
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
