import { formatDate } from "~/i18n/format";
import { stageName } from "~/i18n/labels";
import type { MailTemplate } from "../render";

// To the next stage's panel (db/queries/panel-mail.ts notifyStageOpened): the stage before closed,
// theirs is open, by when it must be done.
export const stageClosed: MailTemplate<"stage_closed"> = (p, { t, locale }) => {
  const next = stageName(t, p.nextStage);
  return {
    title: t("mail.stageClosed.title", { next }),
    blocks: [
      { kind: "p", text: t("mail.stageClosed.intro", { stage: stageName(t, p.stage), next }) },
      {
        kind: "rows",
        rows: [
          [t("mail.panel.stage"), next],
          [t("mail.panel.deadline"), p.deadline ? formatDate(p.deadline, locale, true) : t("mail.panel.noDeadline")],
        ],
      },
      { kind: "link", label: t("mail.panel.openAssess"), path: "/assess" },
    ],
  };
};
