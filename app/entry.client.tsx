import { RemixBrowser } from "@remix-run/react";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { DEFAULT_LOCALE, isLocale, provideTexts, type Texts } from "~/i18n";

// Remix's default browser entry, but hydration waits for the texts of the page's language (named by
// <link id="texts"> in root.tsx, already being fetched; ADR 0008). Should they not arrive, the page
// stays as the server rendered it, texts and all, and its forms still work without JavaScript.
async function loadTexts() {
  const lang = document.documentElement.lang;
  const locale = isLocale(lang) ? lang : DEFAULT_LOCALE;
  const href = document.querySelector<HTMLLinkElement>("link#texts")?.href ?? `/texts/${locale}.json`;
  const response = await fetch(href);
  if (!response.ok) throw new Error(`${href}: ${response.status}`);
  provideTexts(locale, (await response.json()) as Texts);
}

loadTexts().then(
  () =>
    startTransition(() => {
      hydrateRoot(
        document,
        <StrictMode>
          <RemixBrowser />
        </StrictMode>,
      );
    }),
  (error: unknown) => console.error("The page's texts did not load; it works without JavaScript.", error),
);
