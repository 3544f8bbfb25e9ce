import { useTranslation } from 'react-i18next';
import type { ProgramPerson } from '../lib/api.js';
import type { Action } from '../lib/records-api.js';
import { usePastDueNote } from '../records/past-due-note.js';
import type { ActionAction } from './action-buttons.js';
import type { ActionRights } from './action-rights.js';
import { ConfirmClosureDialog } from './confirm-closure-dialog.js';
import { EditActionDialog } from './edit-action-dialog.js';
import { EffectivenessDialog } from './effectiveness-dialog.js';
import { NoteDialog } from './note-dialog.js';
import { OpenActionDialog } from './open-action-dialog.js';

export type OpenActionDialogState = { kind: 'open' } | { kind: ActionAction; id: string } | null;

interface Props {
  programId: string;
  open: OpenActionDialogState;
  mayOpen: boolean;
  rightsFor: (a: Action) => ActionRights;
  find: (id: string) => Action | undefined;
  people: readonly ProgramPerson[];
  onClose: () => void;
  onDone: (message: string) => void;
}

/** The one action dialog open, offered only when the person's rights allow it. */
export function ActionDialogs({ programId, open, mayOpen, rightsFor, find, people, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const withPastDue = usePastDueNote();
  if (open === null) return null;
  if (open.kind === 'open')
    return mayOpen ? (
      <OpenActionDialog
        programId={programId}
        people={people}
        onClose={onClose}
        onSaved={(a) => onDone(withPastDue(t('actions.opened', { key: a.key }), a))}
      />
    ) : null;
  const a = find(open.id);
  if (!a) return null;
  const rights = rightsFor(a);
  const common = { programId, action: a, onClose };
  switch (open.kind) {
    case 'edit':
      return rights.edit ? (
        <EditActionDialog {...common} people={people} onSaved={(x) => onDone(withPastDue(t('actions.saved', { key: x.key }), x))} />
      ) : null;
    case 'done':
      return rights.done ? <NoteDialog {...common} kind="done" onSaved={(x) => onDone(t('actions.markedDone', { key: x.key }))} /> : null;
    case 'reopen':
      return rights.reopen ? <NoteDialog {...common} kind="reopen" onSaved={(x) => onDone(t('actions.reopened', { key: x.key }))} /> : null;
    case 'confirm':
      return rights.confirm ? <ConfirmClosureDialog {...common} onSaved={(x) => onDone(t('actions.closed', { key: x.key }))} /> : null;
    case 'check':
      return rights.check ? <EffectivenessDialog {...common} onSaved={(x) => onDone(t('actions.checked', { key: x.key }))} /> : null;
  }
}
