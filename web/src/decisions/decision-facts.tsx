import { useTranslation } from 'react-i18next';
import { InstantText } from '../components/instant-text.js';
import { OwnerName } from '../components/owner-name.js';
import type { Decision } from '../lib/records-api.js';
import { DueText } from '../records/due-text.js';
import { DecisionChain } from './decision-chain.js';
import { DecisionStatus } from './decision-status.js';

/** Who decides by when, who asked; once decided, who decided and when. */
export function DecisionFacts({ programId, decision: d }: { programId: string; decision: Decision }) {
  const { t } = useTranslation();
  return (
    <dl className="facts" aria-label={t('decisions.facts')}>
      <div>
        <dt>{t('decisions.col.status')}</dt>
        <dd>
          <DecisionStatus status={d.status} /> <DecisionChain programId={programId} decision={d} />
        </dd>
      </div>
      <div>
        <dt>{t('decisions.col.owner')}</dt>
        <dd>
          <OwnerName owner={d.owner} />
        </dd>
      </div>
      <div>
        <dt>{t('decisions.col.due')}</dt>
        <dd>
          <DueText date={d.dueDate} isOverdue={d.isOverdue} />
        </dd>
      </div>
      <div>
        <dt>{t('decisions.col.requestedBy')}</dt>
        <dd>
          <OwnerName owner={d.requestedBy} />
        </dd>
      </div>
      {d.status !== 'open' && (
        <div>
          <dt>{t('decisions.col.decided')}</dt>
          <dd>
            <OwnerName owner={d.decidedBy} />
            {d.decidedAt && (
              <>
                {', '}
                <InstantText value={d.decidedAt} />
              </>
            )}
          </dd>
        </div>
      )}
    </dl>
  );
}
