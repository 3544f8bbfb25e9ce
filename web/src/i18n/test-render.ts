import i18next, { type i18n } from 'i18next';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import en from './en.json';

/**
 * For tests only (nothing the app imports): a real i18next with the English catalogue, set up as
 * index.ts sets up the app's, but its own instance so no test leaves state in a shared module.
 */
export function englishI18n(): i18n {
  const instance = i18next.createInstance();
  void instance.init({
    resources: { en: { translation: en } },
    lng: 'en',
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
  });
  return instance;
}

/** A component that only calls the hook and keeps what it returned. */
function Probe({ hook, returned }: { hook: () => unknown; returned: unknown[] }): null {
  returned.push(hook());
  return null;
}

/** What a hook returns to a component rendered once under that i18next, in plain Node (server rendering, no DOM). */
export function callHook<T>(hook: () => T, i18n: i18n = englishI18n()): T {
  const returned: unknown[] = [];
  renderToString(createElement(I18nextProvider, { i18n }, createElement(Probe, { hook, returned })));
  if (returned.length !== 1) throw new Error(`The hook ran ${returned.length} times, not once.`);
  return returned[0] as T;
}
