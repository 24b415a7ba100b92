import { createCookie } from "@remix-run/node";
import { DEFAULT_LOCALE, isLocale, translator, type Locale } from "~/i18n";

/** The chosen language is remembered in a plain cookie for a year. */
export const localeCookie = createCookie("lang", {
  path: "/",
  sameSite: "lax",
  maxAge: 60 * 60 * 24 * 365,
  httpOnly: true,
});

export async function getLocale(request: Request): Promise<Locale> {
  const value = await localeCookie.parse(request.headers.get("Cookie"));
  return isLocale(value) ? value : DEFAULT_LOCALE;
}

export async function getT(request: Request) {
  const locale = await getLocale(request);
  return { locale, t: translator(locale) };
}
