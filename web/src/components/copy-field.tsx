import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  label: string;
  value: string;
  /** The copy button's words, e.g. "Copy link". */
  copyLabel: string;
}

/** A secret or link shown once: selectable text and a button that copies it. */
export function CopyField({ label, value, copyLabel }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [status, setStatus] = useState('');

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setStatus(t('copy.done'));
    } catch {
      // Without clipboard access, select the text so the person can copy it themselves.
      input.current?.select();
      setStatus(t('copy.failed'));
    }
  };

  return (
    <div className="copy-field">
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      <div className="copy-field__row">
        <input ref={input} id={id} type="text" readOnly value={value} spellCheck={false} onFocus={(e) => e.currentTarget.select()} />
        <button type="button" className="button button--secondary" onClick={() => void copy()}>
          {copyLabel}
        </button>
      </div>
      <p className="copy-field__status" role="status">
        {status}
      </p>
    </div>
  );
}
