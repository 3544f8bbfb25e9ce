import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { DateText } from '../components/date-text.js';
import { Gap } from '../components/gap.js';
import { TableScroll } from '../components/table-scroll.js';
import { useCopyNoteText } from './copy-note-text.js';
import type { CopyNote, CopyPreview } from './setup-api.js';

type Person = { id: string; name: string };

interface Props {
  preview: CopyPreview;
  /** Who owns a copied milestone as the owners are chosen now, by its source owner; the preview's when absent. */
  ownerFor?: ((sourceOwner: Person | null, previewed: Person | null) => Person | null) | undefined;
}

/** What a copy would make, before anything is written: each source milestone beside the new one. */
export function CopyPreviewTable({ preview, ownerFor = (_, previewed) => previewed }: Props) {
  const { t } = useTranslation();
  const noteText = useCopyNoteText();
  const captionId = useId();
  // A note that a milestone is left for assignment stands only while it still is.
  const notesOf = (m: CopyPreview['milestones'][number], owner: Person | null): CopyNote[] =>
    m.notes.filter((n) => n.code !== 'OWNER_LEFT' || owner === null);
  return (
    <section className="section" aria-labelledby={`${captionId}-h`}>
      <h2 id={`${captionId}-h`}>{t('setup.preview.heading', { code: preview.source.code })}</h2>
      <p className="section__intro">
        {t('setup.preview.intro', { count: preview.milestones.length, links: preview.links.length, zone: preview.timeZone })}
      </p>
      {preview.notes.length > 0 && (
        <ul className="notice">
          {preview.notes.map((n) => (
            <li key={`${n.code}:${n.message}`}>{noteText(n)}</li>
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
            {preview.milestones.map((m) => {
              const owner = ownerFor(m.sourceOwner, m.owner);
              const notes = notesOf(m, owner);
              return (
                <tr key={m.sourceKey}>
                  <th scope="row" className="cell-name">
                    {t('setup.preview.keyMove', { from: m.sourceKey, to: m.key })}
                  </th>
                  <td data-label={t('setup.preview.name')}>{m.name}</td>
                  <td data-label={t('setup.preview.date')}>
                    <DateText value={m.sourceDate} /> → <DateText value={m.date} />
                  </td>
                  <td data-label={t('setup.preview.owner')}>{owner ? owner.name : <Gap>{t('setup.preview.leftForAssignment')}</Gap>}</td>
                  <td data-label={t('setup.preview.notes')}>
                    {notes.length === 0 ? (
                      <span className="muted">{t('setup.preview.noNotes')}</span>
                    ) : (
                      <ul className="plain-list">
                        {notes.map((n) => (
                          <li key={`${n.code}:${n.message}`}>{noteText(n)}</li>
                        ))}
                      </ul>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}
