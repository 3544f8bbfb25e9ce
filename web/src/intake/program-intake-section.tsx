import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { InstantText } from '../components/instant-text.js';
import { useProgramIntake } from './intake-api.js';

/**
 * What the client told at intake that the program's own fields do not hold: the phase they are in, the
 * known risks, the contacts, the template chosen and their note. Shown only for a program made by intake.
 * Every text is the client's own, rendered as text (React escapes it), never as markup.
 */
export function ProgramIntakeSection({ programId }: { programId: string }) {
  const { t } = useTranslation();
  const headingId = useId();
  const intake = useProgramIntake(programId).data?.intake;
  if (!intake) return null;
  const by = intake.linkLabel
    ? t('intake.section.viaLink', { label: intake.linkLabel })
    : t('intake.section.by', { name: intake.submittedByName });
  return (
    <section className="section section--intake" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('intake.section.heading')}</h2>
      <p className="section__intro">
        {by}, <InstantText value={intake.submittedAt} />
      </p>
      <dl className="facts">
        <div>
          <dt>{t('intake.currentPhase')}</dt>
          <dd>{t(`intake.phase.${intake.currentPhase}`)}</dd>
        </div>
        <div>
          <dt>{t('intake.template')}</dt>
          <dd>
            {intake.templateId}
            {intake.ppapLevel !== null && `, ${t('intake.ppapOption', { level: intake.ppapLevel })}`}
          </dd>
        </div>
        <div className="facts__wide">
          <dt>{t('intake.risksLegend')}</dt>
          <dd>
            {intake.knownRisks.length === 0 ? (
              t('intake.section.none')
            ) : (
              <ul>
                {intake.knownRisks.map((r, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: the list never changes order
                  <li key={i}>{r}</li>
                ))}
              </ul>
            )}
          </dd>
        </div>
        <div className="facts__wide">
          <dt>{t('intake.contactsLegend')}</dt>
          <dd>
            {intake.contacts.length === 0 ? (
              t('intake.section.none')
            ) : (
              <ul>
                {intake.contacts.map((c, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: the list never changes order
                  <li key={i}>
                    {c.name}
                    {c.role && ` (${c.role})`}
                    {c.email && (
                      <>
                        {' · '}
                        <a href={`mailto:${c.email}`}>{c.email}</a>
                      </>
                    )}
                    {c.phone && ` · ${c.phone}`}
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </div>
        <div className="facts__wide">
          <dt>{t('intake.note')}</dt>
          <dd className="intake-note">{intake.note || t('intake.section.none')}</dd>
        </div>
      </dl>
    </section>
  );
}
