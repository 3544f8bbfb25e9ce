import { useTranslation } from 'react-i18next';
import type { OperationOutput } from '../../../src/contract/operations.js';
import en from '../i18n/en.json';
import { Mark, type Tone } from '../records/mark.js';

type Report = OperationOutput<'getReportDraft'>['report'];

const onTrackTone: Record<Report['onTrack']['code'], Tone> = {
  complete: 'done',
  on_track: 'on_track',
  at_risk: 'at_risk',
  off_track: 'late',
};
const readinessTone: Record<Report['releaseReadiness']['level'], Tone> = { green: 'on_track', amber: 'at_risk', red: 'late' };
type Because = keyof typeof en.reports.draft.because;
type ReasonKind = keyof typeof en.reports.draft.reason;
const because = new Set<string>(Object.keys(en.reports.draft.because));

/** The answer first: "are we on track?" in one line, and release readiness with every reason, in words, colour and shape. */
export function DraftAnswers({ report }: { report: Report }) {
  const { t } = useTranslation();
  const a = report.onTrack;
  const p = a.params;
  const reason =
    p.milestoneKey !== null && because.has(p.reason)
      ? t(`reports.draft.because.${p.reason as Because}`, {
          key: p.milestoneKey,
          days: p.days ?? 0,
          count: p.days ?? 0,
          detail: p.detail ?? '',
        })
      : null;
  const r = report.releaseReadiness;
  return (
    <section className="section report-answers" aria-labelledby="report-answers">
      <h2 id="report-answers" className="visually-hidden">
        {t('reports.draft.answers')}
      </h2>
      <p className="report-answer">
        <strong>{t('reports.draft.onTrackQuestion')}</strong> <Mark tone={onTrackTone[a.code]}>{t(`reports.draft.onTrack.${a.code}`)}</Mark>{' '}
        {a.code === 'at_risk' || a.code === 'off_track' ? t('reports.draft.lateAtRisk', { late: p.late, atRisk: p.atRisk }) : null}
        {reason ? ` ${reason}` : null}
      </p>
      <p className="report-answer">
        <strong>{t('reports.draft.readiness')}</strong>{' '}
        <Mark tone={readinessTone[r.level]} title={t('reports.draft.readinessHint')}>
          {t(`reports.draft.level.${r.level}`)}
        </Mark>
      </p>
      {r.reasons.length === 0 ? (
        <p className="muted">{t('reports.draft.noReadinessReason')}</p>
      ) : (
        <ul className="report-reasons">
          {r.reasons.map((x, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the report's reasons, in its order
            <li key={i}>
              <Mark tone={readinessTone[x.level]}>{t(`reports.draft.level.${x.level}`)}</Mark>{' '}
              {t(`reports.draft.reason.${x.kind as ReasonKind}`, {
                key: x.key ?? '',
                gateKey: x.gateKey ?? '',
                items: (x.itemKeys ?? []).join(', '),
                subject: x.subject ?? '',
                score: x.score ?? 0,
              })}
              {x.isOverdue ? ` ${t('reports.draft.reasonOverdue')}` : ''}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
