import { describe, expect, it } from "vitest";
import type { MailParams } from "~/domain/notifications";
import { messageSubject } from "~/lib/messages.server";
import { renderMessage } from "~/lib/mail/message.server";

// Lists show a message's subject without writing its body (the lists of a receipt are left out):
// it must be the subject the mail had, in the recipient's language.

const receipt: MailParams<"entry_submitted"> = {
  editionId: 1,
  editionName: "Paritrana Award 2023 — Provinsi Kalimantan Timur",
  entryId: 7,
  organisationName: "PT Mahakam Energi",
  categoryKey: "large",
  submittedAt: "2026-12-01T03:00:00.000Z",
  figures: [{ key: "participants", value: 1200 }],
  files: [{ criterion: "administration", name: "akta.pdf", bytes: 2048, sha256: "a".repeat(64) }],
};
const assignment: MailParams<"assignment"> = {
  editionId: 1,
  editionName: "Paritrana Award 2023",
  stage: "desk",
  count: 3,
  deadline: "2026-12-20",
  stageOpen: true,
};

describe("a message's subject on a list", () => {
  for (const locale of ["id", "en"])
    for (const [event, params] of [
      ["entry_submitted", receipt],
      ["assignment", assignment],
    ] as const)
      it(`is the mail's subject (${event}, ${locale})`, () => {
        const row = { event, params: JSON.stringify(params), locale, user_id: 1 };
        const subject = messageSubject(row);
        expect(subject).toBe(renderMessage(row).subject);
        expect(subject).toContain(params.editionName);
      });
});
