/**
 * Only local paths are followed after sign-in or a language switch (no open redirects). The path
 * is resolved the way a browser would (which drops tabs and newlines and reads `\` as `/`), and
 * kept only when it stays on this site.
 */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = "/"): string {
  if (
    typeof to !== "string" ||
    !to.startsWith("/") ||
    to.includes("\\") ||
    [...to].some((ch) => ch <= " " || ch === "\u007f")
  ) {
    return fallback;
  }
  const base = "http://local.invalid";
  const url = new URL(to, base);
  if (url.origin !== base || to.startsWith("//")) return fallback;
  return url.pathname + url.search + url.hash;
}
