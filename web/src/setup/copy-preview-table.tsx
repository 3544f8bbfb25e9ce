import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { DateText } from '../components/date-text.js';
import { Gap } from '../components/gap.js';
import { TableScroll } from '../components/table-scroll.js';
import type { CopyPreview } from './setup-api.js';

/** What a copy would make, before anything is written: each source milestone beside the new one. */
export function CopyPreviewTable({ preview }: { preview: CopyPreview }) {
  const { t } = useTranslation();
  const captionId = useId();
  return (
    <section className="section" aria-labelledby={`${captionId}-h`}>
      <h2 id={`${captionId}-h`}>{t('setup.preview.heading', { code: preview.source.code })}</h2>
      <p className="section__intro">
        {t('setup.preview.intro', { count: preview.milestones.length, links: preview.links.length, zone: preview.timeZone })}
      </p>
      {preview.notes.length > 0 && (
        <ul className="notice">
          {preview.notes.map((n) => (
            <li key={`${n.code}:${n.message}`}>{n.message}</li>
          ))}
        </ul>
      )}
      <TableScroll labelledBy={captionId}>
        <table className="table table--cards">
          <caption id={captionId} className="table__caption">
            {t('setup.preview.caption')}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('setup.preview.key')}</th>
              <th scope="col">{t('setup.preview.name')}</th>
              <th scope="col">{t('setup.preview.date')}</th>
              <th scope="col">{t('setup.preview.owner')}</th>
              <th scope="col">{t('setup.preview.notes')}</th>
            </tr>
          </thead>
          <tbody>
            {preview.milestones.map((m) => (
              <tr key={m.sourceKey}>
                <th scope="row" className="cell-name">
                  {t('setup.preview.keyMove', { from: m.sourceKey, to: m.key })}
                </th>
                <td data-label={t('setup.preview.name')}>{m.name}</td>
                <td data-label={t('setup.preview.date')}>
                  <DateText value={m.sourceDate} /> → <DateText value={m.date} />
                </td>
                <td data-label={t('setup.preview.owner')}>{m.owner ? m.owner.name : <Gap>{t('setup.preview.leftForAssignment')}</Gap>}</td>
                <td data-label={t('setup.preview.notes')}>
                  {m.notes.length === 0 ? (
                    <span className="muted">{t('setup.preview.noNotes')}</span>
                  ) : (
                    <ul className="plain-list">
                      {m.notes.map((n) => (
                        <li key={`${n.code}:${n.message}`}>{n.message}</li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}
