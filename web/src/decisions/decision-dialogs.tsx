import { useTranslation } from 'react-i18next';
import type { ProgramPerson } from '../lib/api.js';
import type { Decision } from '../lib/records-api.js';
import { usePastDueNote } from '../records/past-due-note.js';
import { DecideDialog } from './decide-dialog.js';
import type { DecisionAction } from './decision-buttons.js';
import type { DecisionRights } from './decision-rights.js';
import { EditDecisionDialog } from './edit-decision-dialog.js';
import { RequestDecisionDialog } from './request-decision-dialog.js';
import { SupersedeDialog } from './supersede-dialog.js';

export type OpenDecisionDialog = { kind: 'request' } | { kind: DecisionAction; id: string } | null;

interface Props {
  programId: string;
  open: OpenDecisionDialog;
  /** Whether the person may request decisions here. */
  mayRequest: boolean;
  rightsFor: (d: Decision) => DecisionRights;
  /** The decision as loaded now (it refreshes after someone else's change). */
  find: (id: string) => Decision | undefined;
  people: readonly ProgramPerson[];
  onClose: () => void;
  /** After a save: what to announce, and the decision to show next (the replacement, after superseding). */
  onDone: (message: string, shown: Decision) => void;
}

/** The one dialog open on a decisions page, offered only when the person's rights allow it. */
export function DecisionDialogs({ programId, open, mayRequest, rightsFor, find, people, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const withPastDue = usePastDueNote();
  if (open === null) return null;
  if (open.kind === 'request') {
    if (!mayRequest) return null;
    return (
      <RequestDecisionDialog
        programId={programId}
        people={people}
        onClose={onClose}
        onSaved={(d) => onDone(withPastDue(t('decisions.requested', { key: d.key, owner: d.owner?.name ?? '' }), d), d)}
      />
    );
  }
  const d = find(open.id);
  if (!d) return null;
  const rights = rightsFor(d);
  if (open.kind === 'edit' && rights.edit)
    return (
      <EditDecisionDialog
        programId={programId}
        people={people}
        decision={d}
        onClose={onClose}
        onSaved={(saved) => onDone(withPastDue(t('decisions.saved', { key: saved.key }), saved), saved)}
      />
    );
  if (open.kind === 'decide' && rights.decide)
    return (
      <DecideDialog
        programId={programId}
        decision={d}
        onClose={onClose}
        onSaved={(saved) => onDone(t('decisions.decided', { key: saved.key }), saved)}
      />
    );
  if (open.kind === 'supersede' && rights.supersede)
    return (
      <SupersedeDialog
        programId={programId}
        decision={d}
        onClose={onClose}
        onSaved={(s) => onDone(t('decisions.superseded', { old: s.replaced.key, key: s.replacement.key }), s.replacement)}
      />
    );
  return null;
}
