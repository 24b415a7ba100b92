import { useRouteLoaderData } from "@remix-run/react";
import { DEFAULT_LOCALE, translator, type Locale } from "~/i18n";

export interface RootData {
  locale: Locale;
  viewer: { name: string; email: string; roles: string[] } | null;
  flash: string | null;
}

/** The UI language and the translate function, on the server and in the browser alike. */
export function useLocale(): Locale {
  return useRouteLoaderData<RootData>("root")?.locale ?? DEFAULT_LOCALE;
}

export function useT() {
  return translator(useLocale());
}
