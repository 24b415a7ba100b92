// The audit log in words: an action's name, its subject ("stage:desk" → "Tahap Seleksi Berkas")
// and its before/after JSON as "field: old → new" lines, with field names and known values
// (statuses, stages, kinds, roles, people, entrants) translated. Rows are written by db/queries
// (audit()); their shapes are open, so anything unknown falls back to a readable key/value text.
import { formatDate, formatFileSize, formatNumber } from "./format";
import { isMessageKey, type Locale, type T } from "./index";
import { stageIdName } from "./labels";

/** Names the loader looked up for the ids a page of rows mentions (id → name). */
export interface AuditNames {
  users: Record<string, string>;
  entries: Record<string, string>;
  categories: Record<string, string>;
  /** Assignment id → "<person>, <stage>" (a replaced assignment is gone: then its number). */
  assignments: Record<string, string>;
  /** Criterion key → its name in the UI language. */
  criteria: Record<string, string>;
}

export interface AuditLine {
  field: string;
  /** Null when the row has no such value before (or after). */
  before: string | null;
  after: string | null;
}

export function auditActionName(t: T, action: string): string {
  const key = `audit.action.${action}`;
  return isMessageKey(key) ? t(key) : t("audit.action.other", { code: action });
}

/** `a:1/b:x` → "A 1 · b x", each part named and its id resolved where the names know it. */
export function auditSubjectText(t: T, subject: string | null, names: AuditNames): string {
  if (!subject) return "–";
  return subject
    .split("/")
    .map((part) => {
      const [kind = "", id] = part.split(/:(.*)/s);
      const key = `audit.subject.${kind}`;
      const label = isMessageKey(key) ? t(key) : kind;
      if (id === undefined || id === "") return label;
      const value =
        kind === "stage"
          ? stageIdName(t, id)
          : kind === "category"
            ? (names.categories[id] ?? `#${id}`)
            : kind === "entry"
              ? (names.entries[id] ?? `#${id}`)
              : kind === "criterion"
                ? (names.criteria[id] ?? id)
                : kind === "assignment"
                  ? (names.assignments[id] ?? `#${id}`)
                  : `#${id}`;
      return `${label} ${value}`;
    })
    .join(" · ");
}

// Which texts a `status` or `kind` value of an action's family is one of, tried in order.
const STATUS_PREFIXES: Record<string, string[]> = {
  stage: ["stageStatus"],
  entry: ["entryStatus"],
  scoresheet: ["assess.status"],
  assignment: ["assess.status"],
  invitation: ["audit.invitationStatus", "entryStatus"],
  outbox: ["messages.status"],
};
const KIND_PREFIXES: Record<string, string[]> = {
  invitation: ["audit.invitationKind"],
  conflict: ["assess.conflict.kind"],
};

function named(t: T, prefixes: string[], value: string): string | null {
  for (const p of prefixes) {
    const key = `${p}.${value}`;
    if (isMessageKey(key)) return t(key);
  }
  return null;
}

function fieldName(t: T, field: string): string {
  const key = `audit.field.${field}`;
  if (isMessageKey(key)) return t(key);
  // Unknown field: its words, "signedOff_at" → "signed off at".
  return field
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .replace(/_/g, " ")
    .toLowerCase();
}

interface ValueContext {
  t: T;
  locale: Locale;
  family: string;
  names: AuditNames;
}

function plain(c: ValueContext, v: unknown): string {
  if (v === null || v === undefined) return "–";
  if (typeof v === "boolean") return c.t(v ? "audit.yes" : "audit.no");
  if (typeof v === "number") return formatNumber(v, 0, 6);
  if (typeof v === "string") return v;
  if (Array.isArray(v)) return v.length ? v.map((x) => plain(c, x)).join(", ") : "–";
  return Object.entries(v as Record<string, unknown>)
    .map(([k, x]) => `${fieldName(c.t, k)}: ${plain(c, x)}`)
    .join("; ");
}

function valueText(c: ValueContext, field: string, v: unknown): string {
  const { t } = c;
  const each = (f: (x: string) => string) =>
    (Array.isArray(v) ? (v.length ? v : [null]) : [v])
      .map((x) => (x === null || x === undefined ? "–" : f(String(x))))
      .join(", ");
  switch (field) {
    case "status":
      return typeof v === "string" ? (named(t, STATUS_PREFIXES[c.family] ?? [], v) ?? v) : plain(c, v);
    case "kind":
      return typeof v === "string" ? (named(t, KIND_PREFIXES[c.family] ?? [], v) ?? v) : plain(c, v);
    case "stage":
    case "next":
      return v === null ? "–" : each((x) => stageIdName(t, x));
    case "role":
      return typeof v === "string" ? (named(t, ["role"], v) ?? v) : plain(c, v);
    case "view":
      return typeof v === "string" ? (named(t, ["committee.stages.view"], v) ?? v) : plain(c, v);
    case "level":
      return typeof v === "string" ? (named(t, ["level"], v) ?? v) : plain(c, v);
    case "category":
    case "categories":
    case "categoryId":
      return each((x) => named(t, ["category"], x) ?? c.names.categories[x] ?? `#${x}`);
    case "criterion":
      return each((x) => c.names.criteria[x] ?? x);
    case "user":
    case "userId":
    case "chair":
    case "assessor":
      return each((x) => c.names.users[x] ?? `#${x}`);
    case "decision":
      return typeof v === "string" ? (named(t, ["plenary.decision"], v) ?? v) : plain(c, v);
    case "entryId":
    case "advancing":
    case "notAdvancing":
      return each((x) => c.names.entries[x] ?? `#${x}`);
    case "expiresAt":
    case "signed_off_at":
      return typeof v === "string" ? formatDate(v, c.locale, true) : plain(c, v);
    case "size":
      return typeof v === "number" ? formatFileSize(v) : plain(c, v);
    case "sha256":
      return typeof v === "string" ? `${v.slice(0, 12)}…` : plain(c, v);
    case "figures":
    case "indicators":
      if (v && typeof v === "object" && !Array.isArray(v))
        return Object.entries(v as Record<string, unknown>)
          .map(([k, x]) => `${named(t, ["portal.figure", "indicator"], k) ?? k}: ${plain(c, x)}`)
          .join("; ");
      return plain(c, v);
    default:
      return plain(c, v);
  }
}

/** A stored before/after text as an object of fields (a value that is not an object is one "value" field). */
function fields(text: string | null): Record<string, unknown> | null {
  if (text === null || text === "") return null;
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    v = text;
  }
  if (v === null) return null;
  return typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : { value: v };
}

/** The change a row records, one line per field (fields of `before` first, then new ones of `after`). */
export function auditChangeLines(
  t: T,
  locale: Locale,
  row: { action: string; before: string | null; after: string | null },
  names: AuditNames,
): AuditLine[] {
  const before = fields(row.before);
  const after = fields(row.after);
  const c: ValueContext = { t, locale, family: row.action.split(".")[0] ?? "", names };
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
  return keys.map((k) => ({
    field: fieldName(t, k),
    before: before && k in before ? valueText(c, k, before[k]) : null,
    after: after && k in after ? valueText(c, k, after[k]) : null,
  }));
}
