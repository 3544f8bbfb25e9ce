import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ApiError, NETWORK_ERROR, UNEXPECTED_RESPONSE } from '../lib/api.js';

/** Codes whose field at fault is simply missing: the form's own "required" words say it best. */
const missingCodes = new Set(['OWNER_REQUIRED', 'REASON_REQUIRED']);

/** The catalogue's text at a key built from a code, or null when the catalogue has none. */
function lookup(t: TFunction, key: string, values: Record<string, string> = {}): string | null {
  // Keys built from a server code are checked at run time: an unknown code finds no text.
  const text = t(key as 'problems.unknown', { ...values, defaultValue: '' });
  return typeof text === 'string' && text !== '' ? text : null;
}

/**
 * The words to show for a failed request, from the catalogue by the refusal's code, so that every
 * language can say it; the server's English `detail` is never shown. An unknown code gets a
 * general sentence naming it.
 */
export function problemText(t: TFunction, error: unknown): string {
  if (!(error instanceof ApiError) || error.code === NETWORK_ERROR) return t('errors.network');
  if (error.code === UNEXPECTED_RESPONSE) return t('errors.unexpected', { status: error.status });
  return lookup(t, `problems.${error.code}`) ?? t('problems.unknown', { code: error.code, status: error.status });
}

/**
 * The words next to a field the server named in a refusal: the form's `required` words when the
 * code says the value is missing, else the catalogue's words for the code at a field.
 */
export function problemFieldText(t: TFunction, code: string, required?: string): string {
  if (missingCodes.has(code)) return required ?? t('validation.required');
  return lookup(t, `problems.field.${code}`) ?? t('validation.invalid');
}

/**
 * The words for a part a refusal names that the form has no field for: what a kickoff charter still
 * lacks (`successDefinitions.G3` → "Say what success at G3 means."), from the catalogue by code and
 * path; else a sentence naming the path.
 */
export function problemPartText(t: TFunction, code: string, path: string): string {
  // A success definition is named by its gate: one text for every gate.
  const gate = /^successDefinitions\.([^.]+)$/.exec(path)?.[1];
  const key = gate === undefined ? path : 'successDefinitions';
  return lookup(t, `problems.parts.${code}.${key}`, gate === undefined ? {} : { gate }) ?? t('form.fieldAtFault', { path });
}

/** problemText bound to the current language. */
export function useProblemText() {
  const { t } = useTranslation();
  return (error: unknown): string => problemText(t, error);
}
