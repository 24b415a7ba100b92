// The texts themselves (app/i18n/messages, [Bahasa Indonesia, English] pairs) are server-only: the
// server provides both languages (app/i18n/texts.server.ts), the browser only the page's language,
// fetched before hydration (app/entry.client.tsx; ADR 0008). Only their keys' type is imported here.
import type { MessageKey } from "./messages";

export const LOCALES = ["id", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "id";
export type { MessageKey };

export function isLocale(v: unknown): v is Locale {
  return v === "id" || v === "en";
}

export type Params = Record<string, string | number>;

/** One language's texts, by key. */
export type Texts = Readonly<Record<string, string>>;

const provided: Partial<Record<Locale, Texts>> = {};

/** Makes a language's texts available to `translate` and `isMessageKey`. */
export function provideTexts(locale: Locale, texts: Texts): void {
  provided[locale] = texts;
}

export function hasTexts(locale: Locale): boolean {
  return provided[locale] !== undefined;
}

/** Whether an open string (an indicator key, a zod issue message, a key from the database) names a text. */
export function isMessageKey(key: string): key is MessageKey {
  // Every language has every key (test/app/i18n.test.ts), so any provided one answers.
  const texts = provided[DEFAULT_LOCALE] ?? provided.en;
  return texts !== undefined && Object.hasOwn(texts, key);
}

/** The text of `key` in `locale`, with `{name}` placeholders filled in. */
export function translate(locale: Locale, key: MessageKey, params?: Params): string {
  const texts = provided[locale];
  if (texts === undefined) throw new Error(`The texts of "${locale}" are not loaded`);
  const text = texts[key] ?? key;
  return params ? text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m)) : text;
}

export type T = (key: MessageKey, params?: Params) => string;
export const translator =
  (locale: Locale): T =>
  (key, params) =>
    translate(locale, key, params);
