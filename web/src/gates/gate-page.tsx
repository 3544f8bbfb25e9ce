import { useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ConfirmDialog } from '../components/confirm-dialog.js';
import { DateText } from '../components/date-text.js';
import { InstantText } from '../components/instant-text.js';
import { LoadError } from '../components/load-error.js';
import { ApiError } from '../lib/api.js';
import { formatPlainDate } from '../lib/format.js';
import { useProgram, useProgramPeople } from '../lib/queries.js';
import { RecordsHeader } from '../program/records-header.js';
import { paths } from '../records/paths.js';
import { RowButtons } from '../records/row-buttons.js';
import { useHashTarget } from '../records/use-hash-target.js';
import { ChecklistItemCard } from './checklist-item-card.js';
import { DecideGateDialog } from './decide-gate-dialog.js';
import { EvidenceDialog } from './evidence-dialog.js';
import { GateStatusMark, usePersonName } from './gate-marks.js';
import { ReadinessText, ReadinessWarning } from './gate-readiness.js';
import { deciderOf, type GateStep, gateRights, type ItemStep, itemRights } from './gate-rights.js';
import { GateSetupDialog } from './gate-setup-dialog.js';
import { type Evidence, type Gate, gatePackPdfUrl, gatesApi, invalidateGates, useGate } from './gates-api.js';
import { ItemStepDialog, WaiveDialog } from './item-step-dialog.js';
import { RecommendDialog } from './recommend-dialog.js';
import { useGateFacts } from './use-gate-facts.js';

type Open =
  | { kind: 'setup' }
  | { kind: 'item'; step: ItemStep; itemKey: string }
  | { kind: 'gate'; step: GateStep }
  | { kind: 'removeEvidence'; itemKey: string; evidence: Evidence }
  | null;

/** The last outcome at the review: the decision log's entry, conditions as actions, recycle reasons. */
function LastDecision({ code, gate: g, nameOf }: { code: string; gate: Gate; nameOf: (id: string | null) => React.ReactNode }) {
  const { t } = useTranslation();
  const d = g.decision;
  if (!d) return null;
  return (
    <div className="gate-decision">
      <p>
        <strong>{t(`gates.outcome.${d.outcome}`)}</strong> · {nameOf(d.decidedById)} · <InstantText value={d.decidedAt} />
        {g.decisionKey && (
          <>
            {' · '}
            <Link to={paths.decision(code, g.decisionKey)}>{t('gates.decisionEntry', { key: g.decisionKey })}</Link>
          </>
        )}
      </p>
      {d.conditions.length > 0 && (
        <>
          <h3>{t('gates.conditions')}</h3>
          <ul className="plain-list">
            {d.conditions.map((c) => (
              <li key={`${c.text}-${c.dueDate}`}>
                {c.actionKey ? <Link to={paths.action(code, c.actionKey)}>{c.actionKey}</Link> : null} {c.text} · {nameOf(c.ownerId)} ·{' '}
                {t('gates.dueOn', { date: formatPlainDate(c.dueDate) })}
              </li>
            ))}
          </ul>
        </>
      )}
      {d.reasons.length > 0 && (
        <>
          <h3>{t('gates.reasons')}</h3>
          <ul className="plain-list">
            {d.reasons.map((r) => (
              <li key={`${r.text}-${r.itemKey ?? ''}`}>
                {r.itemKey && <Link to={paths.checklistItem(code, g.key, r.itemKey)}>{r.itemKey}</Link>} {r.text}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

/** One gate: who owns and decides it, its close criteria and review date, readiness, the checklist with evidence, and the steps each person may take. */
export function GatePage() {
  const { t } = useTranslation();
  const params = useParams();
  const code = params.programId ?? '';
  const gateKey = params.gateKey ?? '';
  const client = useQueryClient();
  const program = useProgram(code);
  const query = useGate(code, gateKey);
  const people = useProgramPeople(code).data?.items ?? [];
  const facts = useGateFacts(code, query.data?.reviewers);
  const [open, setOpen] = useState<Open>(null);
  const [announcement, setAnnouncement] = useState('');
  const factsId = useId();
  const checklistId = useId();
  const reviewId = useId();
  const g = query.data;
  useHashTarget(g !== undefined);
  const nameOf = usePersonName(g?.people ?? []);
  const title = g ? t('gates.pageTitle', { gate: g.key, name: g.name }) : gateKey;
  const rights = g && facts ? gateRights(g, facts) : { recommend: 'hidden' as const, decide: 'hidden' as const };
  const decider = g && facts ? deciderOf(g, facts) : null;
  const item = open && (open.kind === 'item' || open.kind === 'removeEvidence') ? g?.items.find((i) => i.key === open.itemKey) : undefined;
  // The cadence owner sets up a gate still open (a decided gate keeps the set-up it was decided with).
  const canSetUp =
    program.data?.can['gate.edit'] === 'yes' && g !== undefined && !['passed', 'passed_with_conditions', 'stopped'].includes(g.status);

  const done = (message: string) => (next: Gate | Evidence) => {
    if ('items' in next) client.setQueryData(['program', code, 'gates', gateKey], next);
    setOpen(null);
    setAnnouncement(message);
  };
  const gateButtons = (['recommend', 'decide'] as const)
    .filter((s) => rights[s] !== 'hidden')
    .map((s) => ({
      action: s,
      text: t(`gates.steps.${s}`),
      label: t(`gates.steps.${s}Label`, { key: gateKey }),
      disabledBecause:
        rights[s] === 'yes'
          ? undefined
          : t('gates.why.notDecider', { name: decider ? (g?.people.find((p) => p.id === decider)?.name ?? '') : t('common.noOwner') }),
    }));

  return (
    <>
      <RecordsHeader code={code} program={program.data} title={title}>
        <p>
          <Link to={paths.gates(code)}>{t('gates.backToAll')}</Link>
        </p>
        {g && (
          <p className="answers__text">
            <GateStatusMark status={g.status} />{' '}
            {t('gates.requiredMetLong', { satisfied: g.counts.satisfied, required: g.counts.required })}{' '}
            {g.readiness.level !== 'passed' && g.readiness.level !== 'stopped' && (
              <ReadinessText code={code} gateKey={g.key} readiness={g.readiness} />
            )}
          </p>
        )}
      </RecordsHeader>
      <p className="live-message" role="status">
        {announcement}
      </p>
      {query.error ? (
        query.error instanceof ApiError && query.error.status === 404 ? (
          <p>{t('gates.notFound', { key: gateKey })}</p>
        ) : (
          <LoadError title={t('gates.loadOneFailed')} error={query.error} onRetry={() => void query.refetch()} />
        )
      ) : !g ? (
        <p className="muted">{t('common.loading')}</p>
      ) : (
        <>
          <ReadinessWarning code={code} gateKey={g.key} readiness={g.readiness} />
          <section className="section" aria-labelledby={factsId}>
            <h2 id={factsId} className="visually-hidden">
              {t('gates.factsHeading')}
            </h2>
            <dl className="facts">
              <div>
                <dt>{t('gates.owner')}</dt>
                <dd>{nameOf(g.ownerId)}</dd>
              </div>
              <div>
                <dt>{t('gates.gatekeepers')}</dt>
                <dd>
                  {g.gatekeeperIds.length === 0 ? (
                    <span className="gap">{t('gates.noGatekeepers')}</span>
                  ) : (
                    g.gatekeeperIds.map((id, n) => (
                      <span key={id}>
                        {n > 0 && ', '}
                        {nameOf(id)}
                      </span>
                    ))
                  )}
                </dd>
              </div>
              <div>
                <dt>{t('gates.decider')}</dt>
                <dd>
                  {nameOf(decider)} <span className="muted">({t(`gates.decidedBy.${g.decidedBy}`)})</span>
                </dd>
              </div>
              <div>
                <dt>{t('gates.review')}</dt>
                <dd>
                  <DateText value={g.plannedReviewDate} missing={t('gates.noReviewDate')} />
                  {g.reviewMilestone && (
                    <>
                      {' · '}
                      <Link to={paths.milestone(code, g.reviewMilestone.key)}>
                        {g.reviewMilestone.key} {g.reviewMilestone.name}
                      </Link>
                    </>
                  )}
                </dd>
              </div>
              <div className="facts__wide">
                <dt>{t('gates.closeCriteria')}</dt>
                <dd className="pre-line">{g.closeCriteria}</dd>
              </div>
            </dl>
            <div className="record-controls gate-controls">
              {canSetUp && (
                <button
                  type="button"
                  className="button button--secondary"
                  aria-label={t('gates.setup.openLabel', { key: g.key })}
                  onClick={() => setOpen({ kind: 'setup' })}
                >
                  {t('gates.setup.open')}
                </button>
              )}
              <RowButtons buttons={gateButtons} onAction={(step) => setOpen({ kind: 'gate', step })} />
              <Link className="button button--secondary" to={paths.gatePack(code, g.key)}>
                {t('gates.pack.open')}
              </Link>
              <a className="button button--secondary" href={gatePackPdfUrl(code, g.key)}>
                {t('gates.pack.pdf')}
              </a>
            </div>
          </section>
          {(g.decision || g.recommendations.length > 0) && (
            <section className="section" aria-labelledby={reviewId}>
              <h2 id={reviewId}>{t('gates.reviewHeading')}</h2>
              {g.recommendations.length > 0 && (
                <ul className="plain-list">
                  {g.recommendations.map((r) => (
                    <li key={r.gatekeeperId}>
                      {nameOf(r.gatekeeperId)}: <strong>{t(`gates.outcome.${r.recommendation}`)}</strong>
                      {r.comment && ` — ${r.comment}`} · <InstantText value={r.at} />
                    </li>
                  ))}
                </ul>
              )}
              <LastDecision code={code} gate={g} nameOf={nameOf} />
            </section>
          )}
          <section className="section" aria-labelledby={checklistId}>
            <h2 id={checklistId}>{t('gates.checklist', { count: g.items.length })}</h2>
            {(g.status === 'passed' || g.status === 'passed_with_conditions' || g.status === 'stopped') && (
              <p className="muted">{t('gates.frozen')}</p>
            )}
            <ol className="checklist">
              {g.items.map((i) => (
                <ChecklistItemCard
                  key={i.key}
                  programId={code}
                  item={i}
                  rights={
                    facts
                      ? itemRights(g, i, facts)
                      : { attach: 'hidden', submit: 'hidden', accept: 'hidden', reject: 'hidden', waive: 'hidden', reopen: 'hidden' }
                  }
                  nameOf={nameOf}
                  onStep={(step) => setOpen({ kind: 'item', step, itemKey: i.key })}
                  onRemoveEvidence={(evidence) => setOpen({ kind: 'removeEvidence', itemKey: i.key, evidence })}
                />
              ))}
            </ol>
          </section>
          {open?.kind === 'gate' && open.step === 'decide' && (
            <DecideGateDialog
              programId={code}
              gate={g}
              people={people}
              onClose={() => setOpen(null)}
              onSaved={(next) =>
                done(t('gates.done.decided', { gate: g.key, outcome: t(`gates.outcome.${next.decision?.outcome ?? 'go'}`) }))(next)
              }
            />
          )}
          {open?.kind === 'setup' && (
            <GateSetupDialog
              programId={code}
              gate={g}
              people={people}
              onClose={() => setOpen(null)}
              onSaved={done(t('gates.setup.done', { gate: g.key }))}
            />
          )}
          {open?.kind === 'gate' && open.step === 'recommend' && (
            <RecommendDialog
              programId={code}
              gate={g}
              onClose={() => setOpen(null)}
              onSaved={done(t('gates.done.recommended', { gate: g.key }))}
            />
          )}
          {open?.kind === 'item' && item && open.step === 'attach' && (
            <EvidenceDialog
              programId={code}
              gate={g}
              item={item}
              onClose={() => setOpen(null)}
              onSaved={done(t('gates.done.attach', { key: item.key }))}
            />
          )}
          {open?.kind === 'item' && item && open.step === 'waive' && (
            <WaiveDialog
              programId={code}
              gate={g}
              item={item}
              onClose={() => setOpen(null)}
              onSaved={done(t('gates.done.waive', { key: item.key }))}
            />
          )}
          {open?.kind === 'item' && item && open.step !== 'attach' && open.step !== 'waive' && (
            <ItemStepDialog
              programId={code}
              gate={g}
              item={item}
              kind={open.step}
              onClose={() => setOpen(null)}
              onSaved={done(t(`gates.done.${open.step}`, { key: item.key }))}
            />
          )}
          {open?.kind === 'removeEvidence' && (
            <ConfirmDialog
              title={t('gates.evidence.removeTitle', { title: open.evidence.title || open.evidence.fileName })}
              confirmLabel={t('gates.evidence.remove')}
              onClose={() => setOpen(null)}
              onConfirm={async () => {
                await gatesApi.removeEvidence(code, g.key, open.itemKey, open.evidence);
                await invalidateGates(client, code);
                setOpen(null);
                setAnnouncement(t('gates.done.removed', { key: open.itemKey }));
              }}
            >
              <p>{t('gates.evidence.removeText')}</p>
            </ConfirmDialog>
          )}
        </>
      )}
    </>
  );
}
