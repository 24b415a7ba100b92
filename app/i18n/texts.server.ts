import { createHash } from "node:crypto";
import { LOCALES, provideTexts, type Locale, type Texts } from "./index";
import { messages } from "./messages";

// The server holds both languages' texts; the browser receives only the page's language, as a
// long-cached resource whose name carries a hash of its content (ADR 0008).

interface LanguageTexts {
  texts: Texts;
  json: string;
  hash: string;
}

function languageTexts(locale: Locale): LanguageTexts {
  const column = locale === "en" ? 1 : 0;
  const texts = Object.fromEntries(Object.entries(messages).map(([key, pair]) => [key, pair[column]]));
  const json = JSON.stringify(texts);
  return { texts, json, hash: createHash("sha256").update(json).digest("hex").slice(0, 12) };
}

const byLocale = Object.fromEntries(LOCALES.map((l) => [l, languageTexts(l)])) as Record<Locale, LanguageTexts>;
for (const locale of LOCALES) provideTexts(locale, byLocale[locale].texts);

/** The address of a language's texts: `/texts/<locale>-<hash>.json`, cached for good. */
export function textsHref(locale: Locale): string {
  return `/texts/${locale}-${byLocale[locale].hash}.json`;
}

/** A language's texts as JSON, and whether `hash` (from the address) names this version of them. */
export function textsJson(locale: Locale, hash: string | undefined): { json: string; hash: string; current: boolean } {
  const t = byLocale[locale];
  return { json: t.json, hash: t.hash, current: hash === t.hash };
}
