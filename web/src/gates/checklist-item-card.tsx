import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DateText } from '../components/date-text.js';
import { InstantText } from '../components/instant-text.js';
import { paths } from '../records/paths.js';
import { RowButtons } from '../records/row-buttons.js';
import { EvidenceList } from './evidence-list.js';
import { ItemStateMark } from './gate-marks.js';
import type { ItemRights, ItemStep } from './gate-rights.js';
import type { Evidence, GateItem } from './gates-api.js';

interface Props {
  programId: string;
  item: GateItem;
  rights: ItemRights;
  nameOf: (id: string | null) => ReactNode;
  onStep: (step: ItemStep) => void;
  onRemoveEvidence: (e: Evidence) => void;
}

const stepOrder: readonly ItemStep[] = ['attach', 'submit', 'accept', 'reject', 'waive', 'reopen'];

/** One checklist item: owner, due date, required, status; its evidence; who reviewed it; the steps offered. */
export function ChecklistItemCard({ programId, item: i, rights, nameOf, onStep, onRemoveEvidence }: Props) {
  const { t } = useTranslation();
  const buttons = stepOrder
    .filter((s) => rights[s] !== 'hidden')
    .map((s) => {
      const right = rights[s];
      return {
        action: s,
        text: t(`gates.steps.${s}`),
        label: t(`gates.steps.${s}Label`, { key: i.key }),
        disabledBecause: right === 'yes' ? undefined : t(`gates.why.${right as 'ownSubmission'}`),
      };
    });
  return (
    <li id={i.key} tabIndex={-1} className={`checklist-item checklist-item--${i.state}`}>
      <div className="checklist-item__head">
        <h3 className="checklist-item__title">
          <span className="code">{i.key}</span> {i.title}
        </h3>
        <ItemStateMark state={i.state} />
      </div>
      {i.description && <p className="muted">{i.description}</p>}
      <dl className="facts facts--item">
        <div>
          <dt>{t('gates.item.owner')}</dt>
          <dd>{nameOf(i.ownerId)}</dd>
        </div>
        <div>
          <dt>{t('gates.item.due')}</dt>
          <dd>
            <DateText value={i.dueDate} missing={t('records.noDueDate')} />
          </dd>
        </div>
        <div>
          <dt>{t('gates.item.required')}</dt>
          <dd>{i.isRequired ? t('gates.item.isRequired') : t('gates.item.optional')}</dd>
        </div>
        {i.submittedAt && (
          <div>
            <dt>{t('gates.item.submitted')}</dt>
            <dd>
              {nameOf(i.submittedById)} · <InstantText value={i.submittedAt} />
            </dd>
          </div>
        )}
        {i.reviewedAt && i.state !== 'waived' && (
          <div>
            <dt>{t(i.state === 'rejected' ? 'gates.item.rejectedBy' : 'gates.item.acceptedBy')}</dt>
            <dd>
              {nameOf(i.reviewedById)} · <InstantText value={i.reviewedAt} />
            </dd>
          </div>
        )}
        {i.state === 'waived' && (
          <div>
            <dt>{t('gates.item.waivedBy')}</dt>
            <dd>
              {nameOf(i.reviewedById)}
              {i.reviewedAt && (
                <>
                  {' · '}
                  <InstantText value={i.reviewedAt} />
                </>
              )}
              {i.waiverDecisionKey && (
                <>
                  {' · '}
                  <Link to={paths.decision(programId, i.waiverDecisionKey)}>
                    {t('gates.item.waiverDecision', { key: i.waiverDecisionKey })}
                  </Link>
                </>
              )}
            </dd>
          </div>
        )}
      </dl>
      {i.submissionNote && <p className="pre-line checklist-item__note">{t('gates.item.submissionNote', { note: i.submissionNote })}</p>}
      {i.reviewComment && (
        <p className={`pre-line checklist-item__note${i.state === 'rejected' ? ' checklist-item__note--rejected' : ''}`}>
          {t('gates.item.reviewComment', { comment: i.reviewComment })}
        </p>
      )}
      {i.evidence.some((e) => e.removedAt === null) ? (
        <>
          <h4 className="checklist-item__sub">
            {t('gates.item.evidence', { count: i.evidence.filter((e) => e.removedAt === null).length })}
          </h4>
          <EvidenceList
            programId={programId}
            evidence={i.evidence}
            nameOf={nameOf}
            onRemove={rights.attach === 'yes' ? onRemoveEvidence : undefined}
          />
        </>
      ) : (
        <p className="muted checklist-item__sub">{t('gates.item.noEvidence')}</p>
      )}
      <RowButtons buttons={buttons} onAction={onStep} />
    </li>
  );
}
