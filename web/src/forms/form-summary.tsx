import { useTranslation } from 'react-i18next';

interface Props {
  /** The main message: why the form was not saved. */
  message: string | null;
  /** Messages for fields that are not on the form. */
  extra?: readonly string[];
  /** The summary's heading; "Not saved" unless told. */
  title?: string | undefined;
}

/** The summary at the top of a form that could not be saved. */
export function FormSummary({ message, extra = [], title }: Props) {
  const { t } = useTranslation();
  if (!message && extra.length === 0) return null;
  return (
    <div className="notice notice--error" role="alert">
      <p className="notice__title">{title ?? t('form.problemTitle')}</p>
      {message && <p>{message}</p>}
      {extra.length > 0 && (
        <ul>
          {extra.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
