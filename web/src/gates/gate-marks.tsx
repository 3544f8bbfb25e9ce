import { useTranslation } from 'react-i18next';
import { Gap } from '../components/gap.js';
import { Mark, type Tone } from '../records/mark.js';
import type { Gate, GateItem } from './gates-api.js';

const gateTones: Record<Gate['status'], Tone> = {
  not_started: 'neutral',
  in_progress: 'waiting',
  ready_for_review: 'on_track',
  passed: 'done',
  passed_with_conditions: 'done',
  held: 'at_risk',
  recycled: 'at_risk',
  stopped: 'late',
};

const itemTones: Record<GateItem['state'], Tone> = {
  open: 'neutral',
  submitted: 'waiting',
  accepted: 'done',
  rejected: 'late',
  waived: 'done',
};

/** A gate's status as word + colour + shape, its meaning on hover. */
export function GateStatusMark({ status }: { status: Gate['status'] }) {
  const { t } = useTranslation();
  return (
    <Mark tone={gateTones[status]} title={t(`gates.statusHint.${status}`)}>
      {t(`gates.status.${status}`)}
    </Mark>
  );
}

/** A checklist item's evidence state as word + colour + shape. */
export function ItemStateMark({ state }: { state: GateItem['state'] }) {
  const { t } = useTranslation();
  return (
    <Mark tone={itemTones[state]} title={t(`gates.itemStateHint.${state}`)}>
      {t(`gates.itemState.${state}`)}
    </Mark>
  );
}

/** Names people of a gate by id; an id nobody is named for shows as a visible gap. */
export function usePersonName(people: readonly { id: string; name: string }[]) {
  const { t } = useTranslation();
  const names = new Map(people.map((p) => [p.id, p.name]));
  return (id: string | null) =>
    id === null ? <Gap>{t('common.noOwner')}</Gap> : <span className="person">{names.get(id) ?? t('records.unknownPerson')}</span>;
}

/** The plain text of a person's name (for labels and lists). */
export const personText = (people: readonly { id: string; name: string }[], id: string | null, none: string): string =>
  id === null ? none : (people.find((p) => p.id === id)?.name ?? none);
