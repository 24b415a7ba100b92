import { formatDate, formatNumber } from "~/i18n/format";
import { stageName } from "~/i18n/labels";
import type { MailTemplate } from "../render";

// New entries to assess (db/queries/panel-mail.ts notifyAssigned): how many, in which stage, by
// when. Which entrants they are is read on /assess, where the conflict declaration comes first.
export const assignment: MailTemplate<"assignment"> = (p, { t, locale }) => {
  const stage = stageName(t, p.stage);
  return {
    title: t("mail.assignment.title", { stage }),
    blocks: [
      {
        kind: "p",
        text:
          p.count === 1
            ? t("mail.assignment.one", { stage })
            : t("mail.assignment.many", { stage, count: formatNumber(p.count) }),
      },
      ...(p.stageOpen ? [] : [{ kind: "p" as const, text: t("mail.assignment.notOpen") }]),
      { kind: "p", text: t("mail.assignment.declare") },
      {
        kind: "rows",
        rows: [
          [t("mail.panel.stage"), stage],
          [t("mail.panel.deadline"), p.deadline ? formatDate(p.deadline, locale, true) : t("mail.panel.noDeadline")],
        ],
      },
      { kind: "link", label: t("mail.panel.openAssess"), path: "/assess" },
    ],
  };
};
