import { useTranslation } from 'react-i18next';
import { type Role, roles } from '../../../src/domain/roles.js';
import { InstantText } from '../components/instant-text.js';
import { formatCountry, formatPlainDate } from '../lib/format.js';
import { type Phase, type ProgramStatus, phases } from '../lib/phases.js';

const isInstantText = (value: string): boolean => /^\d{4}-\d{2}-\d{2}T/.test(value) && !Number.isNaN(Date.parse(value));

const programStatuses: readonly string[] = ['draft', 'active', 'on_hold', 'closed'];
/** Structured values (a calendar, a baseline's dates) are told as changed, not shown as their JSON. */
const structured: readonly string[] = ['calendarSpec', 'dates'];

/** A value stored as JSON (a list of items, a set of ids), parsed; undefined for any other text. */
function jsonOf(value: string): unknown {
  if (!/^[[{]/.test(value)) return undefined;
  try {
    return JSON.parse(value);
  } catch {
    return undefined;
  }
}

const isKeyed = (x: unknown): x is { key: string; title?: unknown } =>
  typeof x === 'object' && x !== null && typeof (x as { key?: unknown }).key === 'string';

interface Props {
  entity: string;
  field: string;
  value: string | null;
  /** The name or key the server resolved an id to (an owner's name, a predecessor's key). */
  name: string | null;
}

/** One old or new value of the change log, in words: ids by name, dates formatted, flags as yes/no. */
export function ChangeValue({ entity, field, value, name }: Props) {
  const { t } = useTranslation();
  if (value === null || value === '') return <span className="muted">{t('changeLog.none')}</span>;
  if (name !== null) return <>{name}</>;
  if (structured.includes(field)) return <>{t('changeLog.changedValue')}</>;
  // A list stored as JSON: records by key and title (an update request's items), else how many; an object: changed.
  const json = jsonOf(value);
  if (Array.isArray(json)) {
    if (json.length === 0) return <span className="muted">{t('changeLog.none')}</span>;
    if (json.every(isKeyed)) return <>{json.map((x) => (typeof x.title === 'string' ? `${x.key} ${x.title}` : x.key)).join(' · ')}</>;
    return <>{t('changeLog.itemCount', { count: json.length })}</>;
  }
  if (json !== undefined) return <>{t('changeLog.changedValue')}</>;
  // An instant (doneAt, confirmedAt, …) reads in the reader's zone like every other time on the page.
  if (field.endsWith('At') && isInstantText(value)) return <InstantText value={value} />;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return <time dateTime={value}>{formatPlainDate(value)}</time>;
  if (value === 'true' || value === 'false') return <>{t(`changeLog.value.${value}`)}</>;
  if (field === 'phase' && (phases as readonly string[]).includes(value)) return <>{t(`phase.${value as Phase}`)}</>;
  if (entity === 'membership' && field === 'role' && (roles as readonly string[]).includes(value))
    return <>{t(`roles.${value as Role}`)}</>;
  if (entity === 'program' && field === 'status' && programStatuses.includes(value)) return <>{t(`status.${value as ProgramStatus}`)}</>;
  if (field === 'factoryCountry' || field === 'country') return <>{formatCountry(value)}</>;
  if ((field === 'toleranceDays' || field === 'lagDays') && /^-?\d+$/.test(value))
    return <>{t('common.businessDays', { count: Number(value) })}</>;
  return <>{value}</>;
}
