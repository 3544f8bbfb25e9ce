import { useTranslation } from 'react-i18next';

/**
 * A logged field's name in the reader's words, per kind of record ("forecast date", "predecessor"):
 * from the catalogue's changeLog.fields (a test holds it to every column the log can hold), or the
 * field's own name if a newer server logs one this page does not know yet.
 */
export function useFieldLabel() {
  const { t, i18n } = useTranslation();
  const lookup = t as unknown as (key: string) => string;
  return (entity: string, field: string): string => {
    const key = `changeLog.fields.${entity}.${field}`;
    return i18n.exists(key) ? lookup(key) : field;
  };
}

/** The kind of a record in words ("dependency", "milestone"), or its own name if unknown. */
export function useEntityLabel() {
  const { t, i18n } = useTranslation();
  const lookup = t as unknown as (key: string) => string;
  return (entity: string): string => {
    const key = `changeLog.entity.${entity}`;
    return i18n.exists(key) ? lookup(key) : entity;
  };
}
