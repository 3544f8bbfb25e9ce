import { useQueryClient } from '@tanstack/react-query';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Milestone } from '../../../src/contract/milestone.js';
import { LoadError } from '../components/load-error.js';
import { ModalDialog } from '../components/modal-dialog.js';
import { FormSummary } from '../forms/form-summary.js';
import { useProblemText } from '../forms/problem-text.js';
import { type AddedMilestoneLink, invalidatePlan, type MilestoneLink, removeLink, useLinks } from '../lib/plan-queries.js';
import { invalidateProgram, useMilestones } from '../lib/queries.js';
import { LinkAddForm } from './link-add-form.js';
import { useLagText } from './link-lag-text.js';
import { LinkList } from './link-list.js';

interface Props {
  /** The program's code (or id), as the API takes it. */
  programId: string;
  milestone: Milestone;
  onClose: () => void;
}

/** What a milestone comes after and before, with a way to remove a dependency or add one it waits for. */
export function LinksDialog({ programId, milestone, onClose }: Props) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const problemText = useProblemText();
  const lagText = useLagText();
  const id = useId();
  const links = useLinks(programId);
  const milestones = useMilestones(programId);
  const [status, setStatus] = useState('');
  const [removingId, setRemovingId] = useState<string | null>(null);
  const [removeProblem, setRemoveProblem] = useState<string | null>(null);
  const beforeRef = useRef<HTMLHeadingElement>(null);
  const afterRef = useRef<HTMLHeadingElement>(null);

  const all = links.data?.items ?? [];
  const before = all.filter((l) => l.successor.id === milestone.id);
  const after = all.filter((l) => l.predecessor.id === milestone.id);
  const taken = new Set(before.map((l) => l.predecessor.id));
  const candidates = (milestones.data?.items ?? []).filter((m) => m.id !== milestone.id && !taken.has(m.id));

  // A link changes the program's critical path and change log as well as its links.
  const refresh = () => Promise.all([invalidatePlan(client, programId), invalidateProgram(client, programId)]);

  const remove = async (link: MilestoneLink) => {
    setRemovingId(link.id);
    setRemoveProblem(null);
    try {
      await removeLink(programId, link.id);
      await refresh();
      setStatus(t('links.removed', { from: link.predecessor.key, to: link.successor.key }));
      (link.successor.id === milestone.id ? beforeRef : afterRef).current?.focus();
    } catch (error) {
      setRemoveProblem(problemText(error));
    } finally {
      setRemovingId(null);
    }
  };

  const added = async (link: AddedMilestoneLink) => {
    await refresh();
    const words = { successor: link.successor.key, predecessor: link.predecessor.key, lag: lagText(link.lagDays) };
    setStatus(link.pushed.length > 0 ? t('links.addedPushed', { ...words, count: link.pushed.length }) : t('links.added', words));
  };

  return (
    <ModalDialog title={t('links.title', { key: milestone.key, name: milestone.name })} onClose={onClose}>
      <div className="links-dialog">
        <p className="form__context">{t('links.intro', { key: milestone.key })}</p>
        <p className="live-message" role="status">
          {status}
        </p>
        <FormSummary title={t('links.notRemoved')} message={removeProblem} />
        {links.error ? (
          <LoadError title={t('links.loadFailed')} error={links.error} onRetry={() => void links.refetch()} />
        ) : links.data === undefined ? (
          <p className="muted">{t('common.loading')}</p>
        ) : (
          <div className="links-dialog__lists">
            <LinkList
              heading={t('links.predecessorsHeading', { key: milestone.key })}
              headingId={`${id}-before`}
              headingRef={beforeRef}
              empty={t('links.predecessorsEmpty', { key: milestone.key })}
              links={before}
              show="predecessor"
              onRemove={(l) => void remove(l)}
              removingId={removingId}
            />
            <LinkList
              heading={t('links.successorsHeading', { key: milestone.key })}
              headingId={`${id}-after`}
              headingRef={afterRef}
              empty={t('links.successorsEmpty', { key: milestone.key })}
              links={after}
              show="successor"
              onRemove={(l) => void remove(l)}
              removingId={removingId}
            />
          </div>
        )}
        <LinkAddForm programId={programId} milestone={milestone} candidates={candidates} onAdded={added} />
        <div className="form__buttons links-dialog__close">
          <button type="button" className="button button--secondary" onClick={onClose}>
            {t('links.close')}
          </button>
        </div>
      </div>
    </ModalDialog>
  );
}
