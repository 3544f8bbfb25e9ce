import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';

/** From this share of the limit on, the count is shown: early enough to plan, late enough not to distract. */
const nearShare = 0.8;

/** Whether a text of `length` characters is near (or over) a limit of `max`. */
export const isNearLimit = (length: number, max: number): boolean => length >= Math.floor(max * nearShare);

/**
 * "n / max" under a text field once its text nears the contract's limit; over it, how many characters
 * to remove. The field itself never cuts what is typed or pasted: the form refuses it, with this count.
 */
export function TextCount({ id, name, max }: { id: string; name: string; max: number }) {
  const { t } = useTranslation();
  const value: unknown = useWatch({ name });
  const length = typeof value === 'string' ? value.length : 0;
  const near = isNearLimit(length, max);
  const over = length - max;
  return (
    <p id={id} className={`text-count${over > 0 ? ' text-count--over' : ''}`} aria-live="polite" hidden={!near}>
      {near && (over > 0 ? t('form.countOver', { length, max, count: over }) : t('form.count', { length, max }))}
    </p>
  );
}
