import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { archiveEdition } from "../../db/queries/archive";
import { dbPathOf, personalDataFixture } from "../db/personal-data-fixture";

// `npm run retention`: lists the editions past retention and the people due, and with --apply
// anonymises those whose editions are all archived (on a fixture database, as an operator runs it).

function retention(dir: string, ...args: string[]) {
  const run = spawnSync(process.execPath, ["--import", "tsx", "db/ops/retention-cli.ts", ...args], {
    env: { ...process.env, DATABASE_URL: `file:${dbPathOf(dir)}` },
    encoding: "utf8",
  });
  expect(run.status, run.stderr).toBe(0);
  return run.stdout;
}

describe("npm run retention", () => {
  it("lists what is due, and anonymises only people whose editions are all archived", async () => {
    const { db, dir, a, b, person, shared } = await personalDataFixture();
    // Edition A was published in 2015: its five years passed in 2020. B was never published.
    await db
      .updateTable("publication_events")
      .set({ published_at: "2015-11-20T03:00:00.000Z" })
      .where("category_id", "=", a.categories.regency_city!.id)
      .execute();

    const listed = retention(dir);
    expect(listed).toContain(`#${a.id} ${a.name}: last publication 2015-11-20, due 2020-11-20, NOT archived`);
    expect(listed).not.toContain(b.name);
    expect(listed).toContain(
      `#${person.id} ${person.name} <${person.email}>, editions #${a.id}: archive edition #${a.id} first`,
    );
    // `shared` also takes part in B, which is not past retention.
    expect(listed).not.toContain(shared.email);

    expect((await archiveEdition(db, { editionId: a.id, userId: a.committee.id })).ok).toBe(true);
    expect(retention(dir)).toContain(
      `#${person.id} ${person.name} <${person.email}>, editions #${a.id}: ready to anonymise`,
    );
    const applied = retention(dir, "--apply");
    expect(applied).toMatch(new RegExp(`#${person.id} → Penilai \\d+`));
    const after = await db
      .selectFrom("users")
      .select(["id", "anonymised_at"])
      .where("id", "in", [person.id, shared.id])
      .orderBy("id")
      .execute();
    expect(after.find((u) => u.id === person.id)!.anonymised_at).not.toBeNull();
    expect(after.find((u) => u.id === shared.id)!.anonymised_at).toBeNull();
    // Nothing left to do.
    expect(retention(dir)).toContain("People whose data is due (every edition they took part in is past retention): 0");
  });
});
