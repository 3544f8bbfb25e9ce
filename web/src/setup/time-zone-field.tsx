import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField } from '../forms/select-field.js';
import { timeZones } from './setup-api.js';

interface Props {
  name?: string;
  label?: string;
  hint?: string | undefined;
  /** The words of the empty first option; "Choose a time zone" unless told. */
  emptyLabel?: string | undefined;
}

/** A select of the IANA time zones the browser knows, grouped by region ("Asia/Shanghai"). */
export function TimeZoneField({ name = 'timeZone', label, hint, emptyLabel }: Props) {
  const { t } = useTranslation();
  const groups = useMemo(() => {
    const byRegion = new Map<string, string[]>();
    for (const zone of timeZones()) {
      const region = zone.includes('/') ? (zone.split('/')[0] ?? zone) : t('setup.timeZone.other');
      byRegion.set(region, [...(byRegion.get(region) ?? []), zone]);
    }
    return [...byRegion];
  }, [t]);
  return (
    <SelectField name={name} label={label ?? t('setup.timeZone.label')} hint={hint}>
      <option value="">{emptyLabel ?? t('setup.timeZone.choose')}</option>
      {groups.map(([region, zones]) => (
        <optgroup key={region} label={region}>
          {zones.map((z) => (
            <option key={z} value={z}>
              {z.replaceAll('_', ' ')}
            </option>
          ))}
        </optgroup>
      ))}
    </SelectField>
  );
}
