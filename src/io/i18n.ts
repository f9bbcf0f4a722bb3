/**
 * Translation: every user-facing string comes from the catalogs in ./locales, by key.
 * Language from --lang, AWS_IOT_LANG (with the aliases the original workshop accepts) or
 * English; a key missing in a language falls back to English.
 */
import i18next from "i18next";
import en from "./locales/en/index.js";
import ja from "./locales/ja/index.js";
import ko from "./locales/ko/index.js";
import type { Catalog, MessageKey, Translation } from "./message-keys.js";

/** Every language has every namespace of English (each namespace module checks its own keys). */
export const CATALOGS = { en, ja, ko } as const satisfies Record<string, Translation<Catalog>>;
export type Language = keyof typeof CATALOGS;

const ALIASES: Record<string, Language> = {
  en: "en",
  english: "en",
  ja: "ja",
  jp: "ja",
  japanese: "ja",
  日本語: "ja",
  ko: "ko",
  kr: "ko",
  korean: "ko",
  한국어: "ko",
};

export function resolveLanguage(value: string | undefined): Language | undefined {
  if (!value) return undefined;
  return ALIASES[value.trim().toLowerCase()];
}

let initialised = false;

export function initI18n(lang?: string): Language {
  const language = resolveLanguage(lang) ?? resolveLanguage(process.env.AWS_IOT_LANG) ?? "en";
  const resources = Object.fromEntries(Object.entries(CATALOGS).map(([k, v]) => [k, { translation: v }]));
  if (!initialised) {
    void i18next.init({
      lng: language,
      fallbackLng: "en",
      resources,
      initImmediate: false,
      interpolation: { escapeValue: false },
      returnNull: false,
      showSupportNotice: false,
    } as Parameters<typeof i18next.init>[0]);
    initialised = true;
  } else {
    void i18next.changeLanguage(language);
  }
  return language;
}

/** The language messages are in now; undefined before the first initI18n. */
export function currentLanguage(): Language | undefined {
  return initialised ? resolveLanguage(i18next.language) : undefined;
}

export type MessageVars = Record<string, string | number | boolean>;

export type { MessageKey } from "./message-keys.js";

/** The message of `key` in the current language (plural form chosen by `vars.count`). */
export function t(key: MessageKey, vars: MessageVars = {}): string {
  if (!initialised) initI18n();
  return i18next.t(key, vars) as string;
}
