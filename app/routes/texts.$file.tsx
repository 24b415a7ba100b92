import type { LoaderFunctionArgs } from "@remix-run/node";
import { isLocale } from "~/i18n";
import { textsJson } from "~/i18n/texts.server";

// One language's texts for the browser (app/entry.client.tsx loads them before hydration; ADR 0008):
// /texts/<locale>-<hash>.json is cached for good (a change of the texts changes the hash);
// /texts/<locale>.json, or an old hash, is revalidated on every use.
export function loader({ params, request }: LoaderFunctionArgs) {
  const match = /^([a-z]+)(?:-([0-9a-f]+))?\.json$/.exec(params.file ?? "");
  const locale = match?.[1];
  if (!isLocale(locale)) return new Response("Not found", { status: 404 });
  const { json, hash, current } = textsJson(locale, match?.[2]);
  const etag = `"${hash}"`;
  const headers = {
    "Content-Type": "application/json; charset=utf-8",
    "Cache-Control": current ? "public, max-age=31536000, immutable" : "no-cache",
    ETag: etag,
  };
  if (request.headers.get("If-None-Match") === etag) return new Response(null, { status: 304, headers });
  return new Response(json, { headers });
}
