import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { userLocale } from '../lib/format.js';

/**
 * Every catalogue in this folder (en.json, zh-CN.json, …) is picked up by file name; adding a
 * language needs no code change. English is the fallback for any missing key.
 */
const catalogues = import.meta.glob<{ default: Record<string, unknown> }>('./*.json', { eager: true });

const resources = Object.fromEntries(
  Object.entries(catalogues).map(([path, mod]) => [path.replace(/^\.\//, '').replace(/\.json$/, ''), { translation: mod.default }]),
);

export const fallbackLanguage = 'en';

/** The first of the user's preferred languages we have a catalogue for: exact tag, then base language. */
export function pickLanguage(preferred: readonly string[], available: readonly string[]): string {
  const lower = new Map(available.map((a) => [a.toLowerCase(), a]));
  for (const tag of preferred) {
    const exact = lower.get(tag.toLowerCase());
    if (exact) return exact;
    const base = tag.split('-')[0]?.toLowerCase() ?? '';
    const byBase = available.find((a) => a.toLowerCase() === base || a.toLowerCase().startsWith(`${base}-`));
    if (byBase) return byBase;
  }
  return fallbackLanguage;
}

const preferred = typeof navigator !== 'undefined' && navigator.languages?.length ? navigator.languages : [userLocale];
const language = pickLanguage(preferred, Object.keys(resources));

void i18next.use(initReactI18next).init({
  resources,
  lng: language,
  fallbackLng: fallbackLanguage,
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
  supportedLngs: Object.keys(resources),
});

document.documentElement.lang = language;

export default i18next;
