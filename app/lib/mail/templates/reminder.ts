import { formatDate, formatNumber } from "~/i18n/format";
import { categoryName, stageName } from "~/i18n/labels";
import type { MailTemplate } from "../render";

// A deadline 7 or 1 days away (db/queries/reminders.ts): an entry still in draft, or scoresheets
// not submitted. Says what is due, the deadline in WIB, the time left and where to do it.
export const reminder: MailTemplate<"reminder"> = (p, { t, locale }) => {
  const deadline = formatDate(p.deadline, locale, true);
  const left = p.daysLeft > 1 ? t("mail.reminder.daysLeft", { days: p.daysLeft }) : t("mail.reminder.lastDay");
  if (p.about === "entry") {
    const category = p.categoryKey ? categoryName(t, p.categoryKey) : "";
    return {
      title: t("mail.reminder.entry.title"),
      blocks: [
        { kind: "p", text: t("mail.reminder.entry.body", { organisation: p.organisationName ?? "", category }) },
        {
          kind: "rows",
          rows: [
            [t("mail.reminder.deadline"), deadline],
            [t("mail.reminder.left"), left],
          ],
        },
        { kind: "link", label: t("mail.reminder.entry.link"), path: `/portal/entries/${p.entryId}` },
      ],
    };
  }
  const count = formatNumber(p.count ?? 0);
  const stage = p.stage ? stageName(t, p.stage) : "";
  return {
    title: t("mail.reminder.sheets.title", { count }),
    blocks: [
      { kind: "p", text: t("mail.reminder.sheets.body", { stage, count }) },
      {
        kind: "rows",
        rows: [
          [t("mail.reminder.stage"), stage],
          [t("mail.reminder.count"), count],
          [t("mail.reminder.deadline"), deadline],
          [t("mail.reminder.left"), left],
        ],
      },
      { kind: "link", label: t("mail.reminder.sheets.link"), path: "/assess" },
    ],
  };
};
