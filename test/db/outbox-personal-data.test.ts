import { describe, expect, it } from "vitest";
import { anonymiseUser } from "../../db/queries/anonymise";
import { archiveEdition } from "../../db/queries/archive";
import { enqueue } from "../../db/queries/outbox";
import { personalDataExport } from "../../db/queries/personal-data";
import { anonymisedEmail } from "../../app/domain/personal-data";
import { dbPathOf, occurrences, personalDataFixture } from "./personal-data-fixture";

// Issue 15 and UU 27/2022: the messages addressed to a person are part of what is stored about
// them (the export lists them), and anonymising them leaves no address or name in the outbox.

describe("the outbox and personal data", () => {
  const fixture = (async () => {
    const f = await personalDataFixture();
    const { db, a, person } = f;
    const edition = { editionId: a.id, editionName: "Paritrana Award Uji" };
    const base = { editionId: a.id, now: new Date("2026-11-01T00:00:00Z") };
    // To the person: a sent assignment message, a reminder not sent yet, and an invitation to their
    // address (its link holds a one-time token).
    const sent = (await enqueue(db, {
      ...base,
      event: "assignment",
      params: { ...edition, stage: "desk", count: 3, deadline: null, stageOpen: true },
      to: { userId: person.id },
    }))!;
    await db
      .updateTable("outbox")
      .set({ status: "sent", sent_at: "2026-11-01T00:01:00Z" })
      .where("id", "=", sent)
      .execute();
    const queued = (await enqueue(db, {
      ...base,
      event: "reminder",
      params: {
        ...edition,
        about: "scoresheets",
        deadline: "2026-11-08T16:59:59.999Z",
        daysBefore: 7,
        daysLeft: 7,
        stage: "desk",
        count: 1,
      },
      to: { userId: person.id },
      dedupeKey: "reminder:test",
    }))!;
    const invitation = (await enqueue(db, {
      ...base,
      event: "invitation",
      params: { ...edition, kind: "juror", path: "/invite/SECRET-TOKEN", expiresAt: "2026-11-15T16:59:59.999Z" },
      to: { email: person.email, locale: "id" },
    }))!;
    await db.updateTable("outbox").set({ status: "sent" }).where("id", "=", invitation).execute();
    // To the committee: a conflict the person declared, naming them.
    const aboutThem = (await enqueue(db, {
      ...base,
      event: "conflict_declared",
      params: {
        ...edition,
        assessorName: person.name,
        organisationName: "Kota Uji",
        categoryKey: "regency_city",
        kind: "employed_by",
        entryId: a.entries[0]!.id,
      },
      to: { userId: a.committee.id },
    }))!;
    return { ...f, ids: { sent, queued, invitation, aboutThem } };
  })();

  it("the export lists the messages addressed to the person, without an invitation's one-time link", async () => {
    const { db, person, ids } = await fixture;
    const data = (await personalDataExport(db, person.id))!;
    const mine = data.messages.filter((m) => [ids.sent, ids.queued, ids.invitation, ids.aboutThem].includes(m.id));
    expect(mine.map((m) => m.id)).toEqual([ids.sent, ids.queued, ids.invitation]);
    expect(mine[0]).toMatchObject({
      event: "assignment",
      status: "sent",
      to_address: person.email,
      facts: { count: 3 },
    });
    expect(mine[2]!.event).toBe("invitation");
    expect(mine[2]!.facts).not.toHaveProperty("path");
    expect(JSON.stringify(data)).not.toContain("SECRET-TOKEN");
  });

  it("anonymising the person leaves neither their address nor their name in the outbox; unsent messages to them are dropped", async () => {
    const { db, dir, a, b, person, ids } = await fixture;
    for (const e of [a, b]) await archiveEdition(db, { editionId: e.id, userId: e.committee.id });
    expect(await occurrences(dbPathOf(dir), person.email)).toContain("outbox.to_address");
    expect(await occurrences(dbPathOf(dir), person.name)).toContain("outbox.params");

    const done = await anonymiseUser(db, { userId: person.id, byUserId: null });
    expect(done.ok).toBe(true);
    expect(await occurrences(dbPathOf(dir), person.email)).toEqual([]);
    expect(await occurrences(dbPathOf(dir), person.name)).toEqual([]);

    const rows = await db.selectFrom("outbox").select(["id", "to_address", "params"]).orderBy("id").execute();
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.has(ids.queued)).toBe(false);
    expect(byId.get(ids.sent)!.to_address).toBe(anonymisedEmail(person.id));
    expect(byId.get(ids.invitation)!.to_address).toBe(anonymisedEmail(person.id));
    expect(JSON.parse(byId.get(ids.aboutThem)!.params).assessorName).toBe(done.ok && done.label);
  });
});
