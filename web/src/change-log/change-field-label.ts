import { useTranslation } from 'react-i18next';

const knownFields = [
  'name',
  'phase',
  'ownerId',
  'baselineDate',
  'forecastDate',
  'actualDate',
  'isCritical',
  'status',
  'toleranceDays',
  'targetReleaseDate',
  'code',
  'clientId',
  'supplierName',
  'factoryCity',
  'factoryCountry',
  'timeZone',
] as const;
type KnownField = (typeof knownFields)[number];
const isKnown = (f: string): f is KnownField => (knownFields as readonly string[]).includes(f);

/** "M-12 forecast date" or "Program tolerance": the record and the field's name from the catalogue. */
export function useChangeWhat() {
  const { t } = useTranslation();
  return (entity: string, entityKey: string | null, field: string): string => {
    const label = isKnown(field) ? t(`changeLog.field.${field}`) : field;
    if (entityKey) return t('changeLog.what', { key: entityKey, field: label });
    if (entity === 'program') return t('changeLog.programWhat', { field: label });
    return label;
  };
}
