import { describe, expect, it } from "vitest";
import type { Db } from "../../db/client";
import { createEdition } from "../../db/queries/editions";
import { figureKeys } from "../../db/queries/figures";
import { COMPANY_FIGURES, GOVERNMENT_FIGURES } from "../../scoring/figures";
import * as newEdition from "~/routes/committee.new";
import * as rubricEditor from "~/routes/committee.$editionId.rubric.$categoryId_.edit";
import { freshDb } from "../db/support";
import { call, dataOf, statusOf } from "./route-calls";

// Issue 14, item "editions by level": the new-edition form follows the level. A provincial edition
// is of one province (chosen from the list) and has no province category; a national edition
// covers Indonesia, has no desk stage, and its registration ends by the verification deadline.
// Each refusal answers in the user's language on its field, keeps what was typed, writes nothing.

const setup = (async () => {
  const { db } = await freshDb({ seed: true });
  (globalThis as { __paritranaDb?: Promise<Db> }).__paritranaDb = Promise.resolve(db);
  const admin = await db
    .selectFrom("users")
    .select("id")
    .where("email", "=", "admin@paritrana.test")
    .executeTakeFirstOrThrow();
  return { db, admin: admin.id };
})();

const form = (over: Record<string, string>) => ({
  name: "Edisi Uji Tingkat",
  year: "2025",
  level: "provincial",
  region: "Kalimantan Utara",
  periodStart: "2025-01-01",
  periodEnd: "2025-12-31",
  places: "3",
  mentions: "0",
  categories: "large",
  ...over,
});

async function post(over: Record<string, string>) {
  const { admin } = await setup;
  const res = await call(newEdition.action, "/committee/new", {}, { form: form(over), userId: admin });
  return { status: statusOf(res), res };
}

const editionsNamed = async (name: string) =>
  (await setup).db.selectFrom("editions").select(["id", "level", "region"]).where("name", "=", name).execute();

describe("a new edition by level", () => {
  it("refuses a province category in a provincial edition, keeping what was typed", async () => {
    const { status, res } = await post({ name: "Provinsi Menilai Diri", categories: "province" });
    expect(status).toBe(400);
    const { errors, values } = dataOf(res) as { errors: Record<string, string>; values: Record<string, string> };
    expect(errors.categories).toBe(
      "Kategori Pemerintah Provinsi hanya ada di tingkat nasional: provinsi tidak menilai dirinya sendiri.",
    );
    expect(values.name).toBe("Provinsi Menilai Diri");
    expect(values.region).toBe("Kalimantan Utara");
    expect(values.cat_province).toBe("on");
    expect(await editionsNamed("Provinsi Menilai Diri")).toEqual([]);
  });

  it("refuses a provincial region that is not a province, and a province for a national edition", async () => {
    const free = await post({ name: "Wilayah Bebas", region: "Provinsi Uji 123" });
    expect(free.status).toBe(400);
    expect((dataOf(free.res).errors as Record<string, string>).region).toBe(
      "Pilih provinsi penyelenggara edisi tingkat provinsi ini.",
    );
    const national = await post({ name: "Nasional Berprovinsi", level: "national", categories: "province" });
    expect(national.status).toBe(400);
    expect((dataOf(national.res).errors as Record<string, string>).region).toBe(
      "Edisi tingkat nasional meliputi seluruh Indonesia; pilih Indonesia.",
    );
    expect(await editionsNamed("Wilayah Bebas")).toEqual([]);
    expect(await editionsNamed("Nasional Berprovinsi")).toEqual([]);
  });

  it("refuses a desk deadline for a national edition and a registration after its verification deadline", async () => {
    const national = { level: "national", region: "", categories: "province" };
    const desk = await post({ ...national, name: "Nasional Berkas", deskDeadline: "2025-04-01" });
    expect(desk.status).toBe(400);
    expect((dataOf(desk.res).errors as Record<string, string>).deskDeadline).toContain(
      "Edisi tingkat nasional tidak memiliki tahap seleksi berkas",
    );
    const late = await post({
      ...national,
      name: "Nasional Terlambat",
      registrationDeadline: "2025-06-01",
      verificationDeadline: "2025-05-01",
    });
    expect(late.status).toBe(400);
    expect((dataOf(late.res).errors as Record<string, string>).registrationDeadline).toContain(
      "tidak boleh lebih lambat dari batas waktu verifikasi dan validasi",
    );
    expect(await editionsNamed("Nasional Berkas")).toEqual([]);
    expect(await editionsNamed("Nasional Terlambat")).toEqual([]);
  });

  it("creates a national edition of Indonesia with its province category and two stages", async () => {
    const ok = await post({
      name: "Nasional Uji",
      level: "national",
      region: "",
      categories: "province",
      registrationDeadline: "2025-04-01",
      verificationDeadline: "2025-05-01",
      interviewDeadline: "2025-06-01",
    });
    expect(ok.status).toBe(302);
    const [edition] = await editionsNamed("Nasional Uji");
    expect(edition).toMatchObject({ level: "national", region: "Indonesia" });
    const { db } = await setup;
    const stages = await db
      .selectFrom("edition_stages")
      .select(["key", "deadline"])
      .where("edition_id", "=", edition!.id)
      .orderBy("position")
      .execute();
    expect(stages.map((s) => s.key)).toEqual(["verification", "interview"]);
    expect(stages[0]!.deadline).not.toBeNull();
    const categories = await db.selectFrom("categories").select("key").where("edition_id", "=", edition!.id).execute();
    expect(categories.map((c) => c.key)).toEqual(["province"]);
    // A provincial edition of a listed province is accepted as before.
    expect((await post({ name: "Provinsi Uji Sah" })).status).toBe(302);
  });
});

describe("the new categories (village, sectors)", () => {
  it("get the rubric family and the figures of their group: village the government's, sectors the employers'", async () => {
    const { db, admin } = await setup;
    const editionId = await createEdition(db, {
      name: "Edisi Desa dan Sektor",
      year: 2025,
      level: "provincial",
      region: "Jawa Tengah",
      periodStart: "2025-01-01",
      periodEnd: "2025-12-31",
      registrationDeadline: null,
      deadlines: { desk: null, verification: null, interview: null },
      categories: ["village", "sector_finance", "regency_city", "large"],
      places: 3,
      userId: admin,
    });
    const categories = await db
      .selectFrom("categories")
      .select(["id", "key"])
      .where("edition_id", "=", editionId)
      .execute();
    // The first rubric of a new category is written in the rubric editor, which offers the
    // indicators of the category's group.
    const offered: Record<string, unknown> = {};
    for (const c of categories) {
      const res = await call(
        rubricEditor.loader,
        `/committee/${editionId}/rubric/${c.id}/edit`,
        { editionId: String(editionId), categoryId: String(c.id) },
        { userId: admin },
      );
      expect(statusOf(res), c.key).toBe(200);
      offered[c.key] = dataOf(res).indicators;
    }
    expect(offered.village).toEqual(offered.regency_city);
    expect(offered.sector_finance).toEqual(offered.large);
    expect(offered.village).not.toEqual(offered.large);
    expect(figureKeys("village")).toEqual(GOVERNMENT_FIGURES);
    expect(figureKeys("sector_education")).toEqual(COMPANY_FIGURES);
  });
});
