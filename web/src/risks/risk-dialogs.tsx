import { useTranslation } from 'react-i18next';
import type { ProgramPerson } from '../lib/api.js';
import type { Risk } from '../lib/records-api.js';
import { EndRiskDialog } from './end-risk-dialog.js';
import { RaiseRiskDialog } from './raise-risk-dialog.js';
import type { RiskAction } from './risk-buttons.js';
import type { RiskRights } from './risk-rights.js';
import { UpdateRiskDialog } from './update-risk-dialog.js';

export type OpenRiskDialog = { kind: 'raise' } | { kind: RiskAction; id: string } | null;

interface Props {
  programId: string;
  open: OpenRiskDialog;
  mayRaise: boolean;
  rightsFor: (r: Risk) => RiskRights;
  /** The risk as loaded now. */
  find: (id: string) => Risk | undefined;
  people: readonly ProgramPerson[];
  onClose: () => void;
  onDone: (message: string) => void;
}

/** The one risk dialog open, offered only when the person's rights allow it. */
export function RiskDialogs({ programId, open, mayRaise, rightsFor, find, people, onClose, onDone }: Props) {
  const { t } = useTranslation();
  if (open === null) return null;
  if (open.kind === 'raise')
    return mayRaise ? (
      <RaiseRiskDialog
        programId={programId}
        people={people}
        onClose={onClose}
        onSaved={(r) => onDone(t('risks.raised', { key: r.key, score: r.score, band: t(`risks.band.${r.band}`) }))}
      />
    ) : null;
  const r = find(open.id);
  if (!r) return null;
  const rights = rightsFor(r);
  if (open.kind === 'update' && rights.update)
    return (
      <UpdateRiskDialog
        programId={programId}
        risk={r}
        people={people}
        onClose={onClose}
        onSaved={(saved) => onDone(t('risks.updated', { key: saved.key, score: saved.score, band: t(`risks.band.${saved.band}`) }))}
      />
    );
  if ((open.kind === 'close' || open.kind === 'realize') && rights.end)
    return (
      <EndRiskDialog
        programId={programId}
        risk={r}
        kind={open.kind}
        people={people}
        onClose={onClose}
        onSaved={(saved, action) =>
          onDone(action ? t('risks.realized', { key: saved.key, action: action.key }) : t('risks.closed', { key: saved.key }))
        }
      />
    );
  return null;
}
