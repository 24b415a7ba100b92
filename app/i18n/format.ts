import type { Locale } from ".";

// Numbers and rupiah are always written the Indonesian way (1.234,5; Rp 838.000.000), in both
// languages; dates follow the UI language but keep day-month-year order and Indonesian time.
const TIME_ZONE = "Asia/Jakarta";

// Building an Intl formatter costs far more than using one: each option set is built once and kept
// (a handful of sets in all: digits 0–3, two languages, with or without time).
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
function cached<F extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => F): F {
  let f = formatters.get(key) as F | undefined;
  if (!f) formatters.set(key, (f = make()));
  return f;
}

export function formatNumber(n: number | null | undefined, digits = 0, maxDigits = digits): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return "–";
  return cached(
    `n:${digits}:${maxDigits}`,
    () => new Intl.NumberFormat("id-ID", { minimumFractionDigits: digits, maximumFractionDigits: maxDigits }),
  ).format(n);
}

export function formatRupiah(n: number | null | undefined): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return "–";
  return cached(
    "rp",
    () => new Intl.NumberFormat("id-ID", { style: "currency", currency: "IDR", maximumFractionDigits: 0 }),
  ).format(n);
}

export function formatPercent(n: number | null | undefined, digits = 1): string {
  return n === null || n === undefined ? "–" : `${formatNumber(n, 0, digits)}%`;
}

export function formatDate(iso: string | null | undefined, locale: Locale, withTime = false): string {
  if (!iso) return "–";
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return "–";
  const tag = locale === "en" ? "en-GB" : "id-ID";
  const text = cached(
    `d:${tag}:${withTime}`,
    () =>
      new Intl.DateTimeFormat(tag, {
        day: "numeric",
        month: "long",
        year: "numeric",
        timeZone: TIME_ZONE,
        ...(withTime ? { hour: "2-digit", minute: "2-digit", hour12: false } : {}),
      }),
  ).format(d);
  return withTime ? `${text} WIB` : text;
}

/** A file size as people read it: "850 KB", "2,4 MB" (at least 1 KB). */
export function formatFileSize(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${formatNumber(bytes / (1024 * 1024), 0, 1)} MB`
    : `${formatNumber(Math.max(1, Math.round(bytes / 1024)))} KB`;
}
