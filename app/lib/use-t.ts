import { useRouteLoaderData } from "@remix-run/react";
import { DEFAULT_LOCALE, hasTexts, LOCALES, translator, type Locale } from "~/i18n";

export interface RootData {
  locale: Locale;
  /** Where the browser loads this language's texts from (app/i18n/texts.server.ts, ADR 0008). */
  texts: string;
  /** unread: how many of the viewer's messages ("Pesan") are not opened yet. */
  viewer: { name: string; email: string; roles: string[]; unread: number } | null;
  flash: string | null;
}

/** The language the root loader asked for, whether or not its texts are loaded here. */
export function useRequestedLocale(): Locale {
  return useRouteLoaderData<RootData>("root")?.locale ?? DEFAULT_LOCALE;
}

/**
 * The UI language. The browser holds only the texts of the language the page was loaded in: should
 * the root loader name another (switched in another tab), that one shows once root.tsx has reloaded
 * the page, and the loaded one until then.
 */
export function useLocale(): Locale {
  const locale = useRequestedLocale();
  return hasTexts(locale) ? locale : (LOCALES.find(hasTexts) ?? locale);
}

/** The translate function of the UI language, on the server and in the browser alike. */
export function useT() {
  return translator(useLocale());
}
