import { messages, type MessageKey } from "./messages";

export const LOCALES = ["id", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "id";
export type { MessageKey };

export function isLocale(v: unknown): v is Locale {
  return v === "id" || v === "en";
}

export type Params = Record<string, string | number>;

/** Whether an open string (an indicator key, a zod issue message, a key from the database) names a text. */
export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(messages, key);
}

/** The text of `key` in `locale`, with `{name}` placeholders filled in. */
export function translate(locale: Locale, key: MessageKey, params?: Params): string {
  const text = messages[key][locale === "en" ? 1 : 0] as string;
  return params ? text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m)) : text;
}

export type T = (key: MessageKey, params?: Params) => string;
export const translator =
  (locale: Locale): T =>
  (key, params) =>
    translate(locale, key, params);
