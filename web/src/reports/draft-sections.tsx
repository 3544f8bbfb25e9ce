import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { OperationOutput } from '../../../src/contract/operations.js';
import { recordPath } from '../../../src/domain/report/record-path.js';
import { DateText } from '../components/date-text.js';
import { HealthBadge } from '../components/health-badge.js';
import { InstantText } from '../components/instant-text.js';
import type en from '../i18n/en.json';
import { DaysText, DueCell, PersonText, RecordLink } from './report-cells.js';

type Report = OperationOutput<'getReportDraft'>['report'];
type Col = keyof typeof en.reports.draft.col;

interface TableProps {
  caption: string;
  head: readonly string[];
  rows: readonly { key: string; cells: readonly ReactNode[] }[];
}

/** One of the report's tables, with its caption; "None." without rows. */
function ReportTable({ caption, head, rows }: TableProps) {
  const { t } = useTranslation();
  return (
    <>
      <h3>{caption}</h3>
      {rows.length === 0 ? (
        <p className="muted">{t('reports.draft.none')}</p>
      ) : (
        <div className="table-scroll">
          <table className="table">
            <thead>
              <tr>
                {head.map((h) => (
                  <th key={h} scope="col">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.key}>
                  {r.cells.map((c, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: columns are fixed
                    <td key={i}>{c}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

/**
 * The draft's five headings and plan vs actual, from the report model in the reader's language: every item
 * with its owner and due date (a visible gap when missing), its key linking to the page that opens it.
 */
export function DraftSections({ report }: { report: Report }) {
  const { t } = useTranslation();
  const code = report.program.code;
  const names = new Map(report.people.map((p) => [p.id, p.name]));
  const who = (id: string | null) => <PersonText id={id} names={names} />;
  const link = (record: Parameters<typeof recordPath>[1], key: string, title: string, gateKey?: string) => (
    <RecordLink path={recordPath(code, record, key, gateKey)} recordKey={key} title={title} />
  );
  const h = (k: Col) => t(`reports.draft.col.${k}`);
  const m = report.milestoneMovement;
  const n = report.nextWeek;
  const planned = [
    ...n.milestones.map((x) => ({ ...x, kind: 'milestone' as const })),
    ...n.gateReviews.map((x) => ({ ...x, kind: 'gate' as const })),
    ...n.checklistItems.map((x) => ({ ...x, kind: 'checklist_item' as const })),
    ...n.actions.map((x) => ({ ...x, kind: 'action' as const })),
    ...n.decisions.map((x) => ({ ...x, kind: 'decision' as const })),
  ];
  return (
    <>
      <section className="section" aria-labelledby="report-h1">
        <h2 id="report-h1">{t('reports.draft.h.movement')}</h2>
        <ReportTable
          caption={t('reports.draft.h.moved')}
          head={[h('milestone'), h('owner'), h('fromTo'), h('days'), h('why'), h('who')]}
          rows={m.moved.map((x, i) => ({
            key: `${x.key}-${i}`,
            cells: [
              link('milestone', x.key, x.name),
              who(x.ownerId),
              <>
                <DateText value={x.from} /> → <DateText value={x.to} />
                {x.field === 'baselineDate' && <span className="cell-sub">{t('reports.draft.baselineMoved')}</span>}
              </>,
              <DaysText key="d" days={x.days} />,
              x.reason ?? '–',
              <>
                {who(x.actorId)} <InstantText value={x.at} />
              </>,
            ],
          }))}
        />
        <ReportTable
          caption={t('reports.draft.h.completed')}
          head={[h('milestone'), h('owner'), h('actual'), h('variance')]}
          rows={m.completed.map((x) => ({
            key: x.key,
            cells: [
              link('milestone', x.key, x.name),
              who(x.ownerId),
              <DateText key="a" value={x.actualDate} />,
              <DaysText key="v" days={x.varianceDays} />,
            ],
          }))}
        />
        <ReportTable
          caption={t('reports.draft.h.wentLate')}
          head={[h('milestone'), h('owner'), h('forecast'), h('baseline')]}
          rows={m.wentLate.map((x) => ({
            key: x.key,
            cells: [
              link('milestone', x.key, x.name),
              who(x.ownerId),
              <DateText key="f" value={x.forecastDate} />,
              <DateText key="b" value={x.baselineDate} />,
            ],
          }))}
        />
      </section>
      <section className="section" aria-labelledby="report-h2">
        <h2 id="report-h2">{t('reports.draft.h.blockers')}</h2>
        <ReportTable
          caption={t('reports.draft.h.blockingActions')}
          head={[h('action'), h('owner'), h('due'), h('blocks')]}
          rows={report.blockers.actions.map((a) => ({
            key: a.key,
            cells: [
              link('action', a.key, a.title),
              who(a.ownerId),
              <DueCell key="d" due={a.dueDate} isOverdue={a.isOverdue} />,
              a.milestoneKey === null ? '–' : link('milestone', a.milestoneKey, ''),
            ],
          }))}
        />
        <ReportTable
          caption={t('reports.draft.h.escalations')}
          head={[h('escalation'), h('owner'), h('deadline'), h('status')]}
          rows={report.blockers.escalations.map((e) => ({
            key: e.key,
            cells: [
              link('escalation', e.key, e.title),
              who(e.ownerId),
              <DueCell key="d" due={e.deadlineAt} isOverdue={e.isOverdue} />,
              t('reports.draft.escalationStatus', { status: t(`reports.draft.status.${e.status}`), level: e.level }),
            ],
          }))}
        />
      </section>
      <section className="section" aria-labelledby="report-h3">
        <h2 id="report-h3">{t('reports.draft.h.decisions')}</h2>
        <ReportTable
          caption={t('reports.draft.h.decisionQueue')}
          head={[h('decision'), h('owner'), h('due')]}
          rows={report.decisionsNeeded.map((d) => ({
            key: d.key,
            cells: [link('decision', d.key, d.statement), who(d.ownerId), <DueCell key="d" due={d.dueDate} isOverdue={d.isOverdue} />],
          }))}
        />
      </section>
      <section className="section" aria-labelledby="report-h4">
        <h2 id="report-h4">{t('reports.draft.h.risks')}</h2>
        <ReportTable
          caption={t('reports.draft.h.riskChanges')}
          head={[h('risk'), h('owner'), h('change'), h('score'), h('why')]}
          rows={report.riskChanges.map((r, i) => ({
            key: `${r.key}-${i}`,
            cells: [
              link('risk', r.key, r.title),
              who(r.ownerId),
              t(`reports.draft.riskKind.${r.kind}`),
              r.kind === 'rescored' ? `${r.from ?? '–'} → ${r.to ?? '–'}` : r.to === null ? '–' : String(r.to),
              r.reason ?? '–',
            ],
          }))}
        />
      </section>
      <section className="section" aria-labelledby="report-h5">
        <h2 id="report-h5">{t('reports.draft.h.nextWeek', { week: n.week })}</h2>
        <ReportTable
          caption={t('reports.draft.h.planned')}
          head={[h('item'), h('kind'), h('owner'), h('due')]}
          rows={planned.map((x) => ({
            key: `${x.kind}-${x.gateKey ?? ''}-${x.key}`,
            cells: [
              link(x.kind, x.key, x.title, x.gateKey),
              t(`reports.draft.kind.${x.kind}`),
              who(x.ownerId),
              <DueCell key="d" due={x.dueDate} isOverdue={false} />,
            ],
          }))}
        />
      </section>
      <section className="section" aria-labelledby="report-pva">
        <h2 id="report-pva">{t('reports.draft.h.planVsActual')}</h2>
        <ReportTable
          caption={t('reports.draft.h.milestones')}
          head={[h('milestone'), h('owner'), h('baseline'), h('forecast'), h('actual'), h('variance'), h('health')]}
          rows={report.planVsActual.map((r) => ({
            key: r.key,
            cells: [
              link('milestone', r.key, r.name),
              who(r.ownerId),
              <DateText key="b" value={r.baselineDate} />,
              <DateText key="f" value={r.forecastDate} />,
              <DateText key="a" value={r.actualDate} missing="–" />,
              <DaysText key="v" days={r.varianceDays} />,
              <HealthBadge key="h" health={r.health} />,
            ],
          }))}
        />
      </section>
    </>
  );
}
