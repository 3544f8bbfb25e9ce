import { useTranslation } from 'react-i18next';
import type { ChangeEntry } from '../../../src/contract/change.js';
import { linkStory, toldFields } from '../../../src/domain/change-story.js';
import { useFieldLabel } from './change-field-label.js';
import { ChangeValue } from './change-value.js';

/** The record as people name it: "M-33 Tooling T1 approved", "Role of Lin Wei", "Program KHG-KW500". */
export function useRecordName() {
  const { t } = useTranslation();
  return (r: ChangeEntry['record']): string => {
    if (r.entity === 'membership') return t('changeLog.story.roleOf', { name: r.title ?? t('changeLog.none') });
    if (r.entity === 'program') return t('changeLog.story.program', { code: r.key ?? '' });
    return [r.key, r.title].filter(Boolean).join(' ') || r.entity;
  };
}

/**
 * What one entry did, told in the catalogue's words: a dependency as one line ("M-33 → M-35 added,
 * lag 5 business days"); otherwise the record, then added / removed, or each field old → new.
 */
export function ChangeEntryText({ entry }: { entry: ChangeEntry }) {
  const { t } = useTranslation();
  const label = useFieldLabel();
  const recordName = useRecordName();
  const { record, kind, fields } = entry;
  const link = linkStory(record.entity, record.key, fields);
  if (link) {
    const lag = t('common.businessDays', { count: link.lagDays });
    return (
      <>{t(link.kind === 'added' ? 'changeLog.story.linkAdded' : 'changeLog.story.linkRemoved', { from: link.from, to: link.to, lag })}</>
    );
  }
  const told = toldFields(record.entity, kind, fields);
  return (
    <>
      <span className="change-record">{recordName(record)}</span>
      {kind !== 'changed' && (
        <span className="change-kind"> {t(kind === 'added' ? 'changeLog.story.added' : 'changeLog.story.removed')}</span>
      )}
      {told.length > 0 && (
        <ul className="change-fields">
          {told.map((f) => (
            <li key={f.field}>
              <span className="change-field">{label(record.entity, f.field)}</span>{' '}
              {kind === 'changed' && (
                <>
                  <span className="change-old">
                    <ChangeValue entity={record.entity} field={f.field} value={f.oldValue} name={f.oldName} />
                  </span>
                  <span className="change-arrow" aria-hidden="true">
                    {' → '}
                  </span>
                  <span className="visually-hidden"> {t('changeLog.to')} </span>
                </>
              )}
              <span className="change-new">
                <ChangeValue entity={record.entity} field={f.field} value={f.newValue} name={f.newName} />
              </span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
