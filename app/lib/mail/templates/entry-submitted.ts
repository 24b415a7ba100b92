import { isMessageKey } from "~/i18n";
import { formatDate, formatFileSize, formatNumber, formatRupiah } from "~/i18n/format";
import { categoryName } from "~/i18n/labels";
import { figureKind } from "~/lib/portal-figures";
import type { MailBlock, MailTemplate } from "../render";
import { entrantRows } from "./entrant-facts";

// The receipt, to the submitting user (db/queries/figures.ts submitEntry): what was submitted and
// when, the figures as the portal labels them (numbers the Indonesian way), and each file per
// criterion with its size and SHA-256, so that the entrant can prove what it sent.
export const entrySubmitted: MailTemplate<"entry_submitted"> = (p, { t, locale }) => {
  const figureLabel = (key: string) => {
    const k = `portal.figure.${key}`;
    return isMessageKey(k) ? t(k) : key;
  };
  const figureValue = (key: string, value: number | string | null) => {
    if (typeof value !== "number") return value ?? "–";
    const kind = figureKind(key);
    if (kind === "flag") return t(value === 1 ? "mail.entrySubmitted.yes" : "mail.entrySubmitted.no");
    return kind === "rupiah" ? formatRupiah(value) : formatNumber(value, 0, 2);
  };
  const fileLine = (f: (typeof p.files)[number]) => {
    const criterion = f.criterionName ? (locale === "en" ? f.criterionName.en : f.criterionName.id) : f.criterion;
    const carried = f.carried ? ` (${t("mail.entrySubmitted.carried")})` : "";
    return `${criterion}: ${f.name}${carried}, ${formatFileSize(f.bytes)}, SHA-256 ${f.sha256}`;
  };
  const blocks: MailBlock[] = [
    {
      kind: "p",
      text: t("mail.entrySubmitted.body", {
        organisation: p.organisationName,
        category: categoryName(t, p.categoryKey),
      }),
    },
    {
      kind: "rows",
      rows: [
        ...entrantRows(t, p),
        [t("mail.entrant.entryNumber"), String(p.entryId)],
        [t("mail.entrant.submittedAt"), formatDate(p.submittedAt, locale, true)],
      ],
    },
    { kind: "p", text: t("mail.entrySubmitted.figures") },
    p.figures.length
      ? { kind: "rows", rows: p.figures.map((f) => [figureLabel(f.key), figureValue(f.key, f.value)] as const) }
      : { kind: "p", text: t("mail.entrySubmitted.noFigures") },
    { kind: "p", text: t("mail.entrySubmitted.files") },
    p.files.length
      ? { kind: "list", items: p.files.map(fileLine) }
      : { kind: "p", text: t("mail.entrySubmitted.noFiles") },
    { kind: "link", label: t("mail.entrant.entryLink"), path: `/portal/entries/${p.entryId}` },
  ];
  return { title: t("mail.entrySubmitted.title"), blocks };
};
