import { useTranslation } from 'react-i18next';
import { InstantText } from '../components/instant-text.js';
import { formatCountry, formatPlainDate } from '../lib/format.js';
import { type Phase, type ProgramStatus, phases } from '../lib/phases.js';

const isInstantText = (value: string): boolean => /^\d{4}-\d{2}-\d{2}T/.test(value) && !Number.isNaN(Date.parse(value));

const statuses: readonly string[] = ['draft', 'active', 'on_hold', 'closed'];
const idFields: readonly string[] = ['ownerId', 'clientId'];

interface Props {
  field: string;
  value: string | null;
  /** Names of people and clients by id, to show them by name. */
  names: ReadonlyMap<string, string>;
}

/** One old or new value of the change log, in words: dates formatted, people by name. */
export function ChangeValue({ field, value, names }: Props) {
  const { t } = useTranslation();
  if (value === null || value === '') return <span className="muted">{t('changeLog.none')}</span>;
  if (field.endsWith('Date')) return <time dateTime={value}>{formatPlainDate(value)}</time>;
  // An instant (doneAt, confirmedAt, …) reads in the reader's zone like every other time on the page.
  if (field.endsWith('At') && isInstantText(value)) return <InstantText value={value} />;
  if (idFields.includes(field)) return <>{names.get(value) ?? value}</>;
  if (field === 'isCritical' && (value === 'true' || value === 'false')) return <>{t(`changeLog.value.${value}`)}</>;
  if (field === 'phase' && (phases as readonly string[]).includes(value)) return <>{t(`phase.${value as Phase}`)}</>;
  if (field === 'status' && statuses.includes(value)) return <>{t(`status.${value as ProgramStatus}`)}</>;
  if (field === 'factoryCountry') return <>{formatCountry(value)}</>;
  if (field === 'toleranceDays' && /^-?\d+$/.test(value)) return <>{t('common.businessDays', { count: Number(value) })}</>;
  return <>{value}</>;
}
