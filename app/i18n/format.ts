import type { Locale } from ".";

// Numbers and rupiah are always written the Indonesian way (1.234,5; Rp 838.000.000), in both
// languages; dates follow the UI language but keep day-month-year order and Indonesian time.
const TIME_ZONE = "Asia/Jakarta";

export function formatNumber(n: number | null | undefined, digits = 0, maxDigits = digits): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return "–";
  return new Intl.NumberFormat("id-ID", { minimumFractionDigits: digits, maximumFractionDigits: maxDigits }).format(n);
}

export function formatRupiah(n: number | null | undefined): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return "–";
  return new Intl.NumberFormat("id-ID", { style: "currency", currency: "IDR", maximumFractionDigits: 0 }).format(n);
}

export function formatPercent(n: number | null | undefined, digits = 1): string {
  return n === null || n === undefined ? "–" : `${formatNumber(n, 0, digits)}%`;
}

export function formatDate(iso: string | null | undefined, locale: Locale, withTime = false): string {
  if (!iso) return "–";
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return "–";
  const text = new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "id-ID", {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: TIME_ZONE,
    ...(withTime ? { hour: "2-digit", minute: "2-digit", hour12: false } : {}),
  }).format(d);
  return withTime ? `${text} WIB` : text;
}

/** A file size as people read it: "850 KB", "2,4 MB" (at least 1 KB). */
export function formatFileSize(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${formatNumber(bytes / (1024 * 1024), 0, 1)} MB`
    : `${formatNumber(Math.max(1, Math.round(bytes / 1024)))} KB`;
}
