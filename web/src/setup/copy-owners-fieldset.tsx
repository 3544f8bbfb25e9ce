import { useTranslation } from 'react-i18next';
import { SelectField } from '../forms/select-field.js';
import type { CopyPreview } from './setup-api.js';

/** One choice per owner of the source plan: who owns their milestones in the copy (`ownerMap.<i>.to`; '' leaves them). */
export function CopyOwnersFieldset({ preview }: { preview: CopyPreview }) {
  const { t } = useTranslation();
  if (preview.owners.length === 0) return null;
  const mayOwn = new Set(preview.possibleOwners.map((p) => p.id));
  return (
    <fieldset className="fieldset">
      <legend>{t('setup.preview.ownersHeading')}</legend>
      <p className="field__hint">{t('setup.preview.ownersIntro', { code: preview.source.code })}</p>
      {preview.owners.map((o, i) => (
        <SelectField
          key={o.id}
          name={`ownerMap.${i}.to`}
          label={t('setup.preview.ownerOf', { name: o.name, count: o.milestones })}
          hint={mayOwn.has(o.id) ? undefined : t('setup.preview.noRole', { name: o.name })}
        >
          <option value="">{t('setup.preview.leaveForAssignment')}</option>
          {preview.possibleOwners.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </SelectField>
      ))}
    </fieldset>
  );
}
