import { describe, expect, it } from "vitest";
import type { Db } from "../../db/client";
import { archiveEdition } from "../../db/queries/archive";
import * as overviewPage from "~/routes/committee.$editionId._index";
import * as peoplePage from "~/routes/committee.$editionId.people";
import * as stagesPage from "~/routes/committee.$editionId.stages";
import * as rankingPage from "~/routes/committee.$editionId.ranking.$categoryId";
import { personalDataFixture } from "../db/personal-data-fixture";
import { call, statusOf } from "./route-calls";

// An archived edition changes no more (issue 13): its people may have been anonymised on the
// strength of it, and its published results are final. Every committee form of it is refused with
// 423 and nothing is written; reading its pages, the retention years and anonymising remain.

describe("an archived edition", () => {
  const fixture = (async () => {
    const f = await personalDataFixture();
    (globalThis as { __paritranaDb?: Promise<Db> }).__paritranaDb = Promise.resolve(f.db);
    return f;
  })();

  const auditCount = async (db: Db) =>
    Number(
      (
        await db
          .selectFrom("audit_log")
          .select((eb) => eb.fn.countAll().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it("refuses every change of its committee's forms, writing nothing; reading, retention and anonymising stay", async () => {
    const { db, a, person } = await fixture;
    const committee = a.committee.id;
    const params = { editionId: String(a.id) };
    const category = String(a.categories.regency_city!.id);
    const changes = [
      [
        peoplePage.action,
        `/committee/${a.id}/people`,
        params,
        { intent: "invite", name: "Penilai Baru", email: "baru@contoh.test", role: "assessor" },
      ],
      [stagesPage.action, `/committee/${a.id}/stages`, params, { intent: "view", stage: "desk", view: "scores" }],
      [
        rankingPage.action,
        `/committee/${a.id}/ranking/${category}`,
        { ...params, categoryId: category },
        { intent: "publish" },
      ],
    ] as const;

    // Before archiving, the same forms are taken (answered, not refused as archived).
    const [invite] = changes;
    expect(statusOf(await call(invite[0], invite[1], invite[2], { form: invite[3], userId: committee }))).not.toBe(423);

    expect((await archiveEdition(db, { editionId: a.id, userId: committee })).ok).toBe(true);
    const before = await auditCount(db);
    for (const [handler, path, p, form] of changes)
      expect(
        statusOf(await call(handler, path, p, { form: { ...form, email: "lain@contoh.test" }, userId: committee })),
        path,
      ).toBe(423);
    expect(await auditCount(db)).toBe(before);

    expect(statusOf(await call(peoplePage.loader, `/committee/${a.id}/people`, params, { userId: committee }))).toBe(
      200,
    );
    const retention = await call(overviewPage.action, `/committee/${a.id}`, params, {
      form: { intent: "retention", retentionYears: "6" },
      userId: committee,
    });
    expect(statusOf(retention)).toBe(302);
    const anonymise = await call(peoplePage.action, `/committee/${a.id}/people`, params, {
      form: { intent: "anonymise", userId: String(person.id), confirmed: "1" },
      userId: committee,
    });
    expect(statusOf(anonymise)).not.toBe(423);
  });
});
