import type { Db } from "../client";
import type { CategoryKey } from "../schema";
import { insertRubric } from "../queries/rubrics";
import { linkProvincialEdition, nominateAll } from "../queries/nominations";
import { addMembership } from "../queries/users";
import { stagesForLevel } from "../../app/domain/levels";
import { judgedCriteria, seedEntrant, seedSheets, seedUser, type SeedContext, type SeedSheet } from "./entries";
import { nationalCompanyRubric, nationalGovernmentRubric, nationalMethod } from "./rubrics";

// The national edition 2023 in its verification stage (docs/levels.md): linked to the three
// published provincial editions and to Kalimantan Timur (still in assessment: the nomination board
// shows it as waiting); the Juara I of each published provincial category nominated through the
// real nomination code (ties take all); the provinces invited directly; the central verification
// team at work (some sheets submitted, verifikator1 with work still to do).

export const NATIONAL_EDITION = "Paritrana Award 2023 — Tingkat Nasional";

export const NATIONAL_LOGINS = {
  committee: "panitia.nasional@paritrana.test",
  verifier: "verifikator1@paritrana.test",
  juror: "juri.nasional1@paritrana.test",
};

const VERIFIERS = [
  "Ir. Sri Wahyuni (Kemnaker)",
  "Bambang Irawan (BPJS Ketenagakerjaan)",
  "Dra. Yuliana Siregar (Kemendagri)",
];

// The national jury, "tim sembilan" (DOMAIN.md): fictional people in the roles of the 2019 jury.
const NATIONAL_JURY = [
  "Prof. Dr. Hadi Prasetyo (Jaminan Sosial, ketua)",
  "Dr. Kartika Sari Dewi (Kebijakan Publik)",
  "Drs. Agus Hermawan (Deputi Kemenko PMK)",
  "Sutrisno Wibowo (Konfederasi Serikat Pekerja)",
  "Ir. Lukas Tanjung (APINDO)",
  "Dr. Ratih Purnamasari (Direktur, Kemnaker)",
  "Drs. Zulkifli Hasan Basri (Direktur, Kemendagri)",
  "Indah Permatasari (Deputi Direktur BPJS Ketenagakerjaan)",
  "Prof. Dr. Made Suardana (Akademisi)",
];

// Provincial governments, invited directly (a province does not judge itself): [province, slug,
// quality]. Not Kalimantan Timur: its demo edition has every organisation of its region entered.
const PROVINCE_ENTRANTS: [string, string, number][] = [
  ["Jawa Barat", "prov-jabar", 0.88],
  ["Sulawesi Selatan", "prov-sulsel", 0.8],
  ["Sumatera Utara", "prov-sumut", 0.74],
  ["DI Yogyakarta", "prov-diy", 0.84],
  ["Bali", "prov-bali", 0.7],
];

const CATEGORIES: CategoryKey[] = ["province", "regency_city", "large", "medium"];

/** Seeds the national edition; `provincialEditionIds`: the provincial editions of 2023 to link. */
export async function seedNationalEdition(
  tx: Db,
  ctx: SeedContext,
  { provincialEditionIds }: { provincialEditionIds: number[] },
): Promise<number> {
  const { id: editionId } = await tx
    .insertInto("editions")
    .values({
      name: NATIONAL_EDITION,
      year: 2023,
      level: "national",
      region: "Indonesia",
      status: "assessment",
      period_start: "2023-01-01",
      period_end: "2023-12-31",
      registration_deadline: ctx.day(14),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await tx
    .insertInto("edition_stages")
    .values(
      stagesForLevel("national").map(({ key, panel }, i) => ({
        edition_id: editionId,
        key,
        position: i,
        panel,
        status: i === 0 ? ("open" as const) : ("pending" as const),
        opens_at: ctx.day(i === 0 ? -3 : 30),
        deadline: ctx.day(i === 0 ? 28 : 50),
      })),
    )
    .execute();
  await tx
    .insertInto("edition_signatories")
    .values([
      { edition_id: editionId, position: 0, name: "Dr. Hj. Ratna Wulandari, M.Si.", title: "Menteri Ketenagakerjaan" },
      {
        edition_id: editionId,
        position: 1,
        name: "Arief Budiman Sasongko",
        title: "Direktur Utama BPJS Ketenagakerjaan",
      },
    ])
    .execute();
  const committee = await seedUser(tx, ctx, NATIONAL_LOGINS.committee, "Panitia Nasional");
  await addMembership(tx, { userId: committee, role: "committee", editionId });
  const verifiers: number[] = [];
  for (const [i, name] of VERIFIERS.entries()) {
    const id = await seedUser(tx, ctx, `verifikator${i + 1}@paritrana.test`, name);
    await addMembership(tx, { userId: id, role: "assessor", editionId });
    verifiers.push(id);
  }
  for (const [i, name] of NATIONAL_JURY.entries()) {
    const id = await seedUser(tx, ctx, `juri.nasional${i + 1}@paritrana.test`, name);
    await addMembership(tx, { userId: id, role: "juror", editionId });
  }

  const categories = new Map<CategoryKey, { id: number; rubricId: number }>();
  for (const key of CATEGORIES) {
    const { id } = await tx
      .insertInto("categories")
      .values({ edition_id: editionId, key, places: 3, mentions: 0 })
      .returning("id")
      .executeTakeFirstOrThrow();
    const definition =
      key === "province" || key === "regency_city"
        ? nationalGovernmentRubric(key === "province")
        : nationalCompanyRubric;
    const rubricId = await insertRubric(tx, { categoryId: id, definition, method: nationalMethod, userId: committee });
    categories.set(key, { id, rubricId });
  }

  for (const provincialEditionId of provincialEditionIds) {
    const linked = await linkProvincialEdition(tx, {
      nationalEditionId: editionId,
      provincialEditionId,
      userId: committee,
    });
    if (!linked.ok) throw new Error(`demo seed: linking edition ${provincialEditionId} refused (${linked.reason})`);
  }
  for (const key of CATEGORIES) {
    if (key === "province") continue;
    const done = await nominateAll(tx, {
      nationalEditionId: editionId,
      categoryId: categories.get(key)!.id,
      userId: committee,
    });
    if (done.refused > 0)
      throw new Error(`demo seed: nominations refused in ${key} (${JSON.stringify(done.refusals)})`);
  }
  const province = categories.get("province")!;
  const provinceQuality = new Map<number, number>();
  for (const [i, [name, slug, quality]] of PROVINCE_ENTRANTS.entries()) {
    const { entryId } = await seedEntrant(tx, ctx, {
      editionId,
      categoryId: province.id,
      category: "province",
      name: `Pemerintah Provinsi ${name}`,
      slug,
      kind: "province",
      region: name,
      n: 100 + i,
      quality,
      submittedAt: ctx.day(-20 + i),
    });
    provinceQuality.set(entryId, quality);
  }

  // Verification: two of the three verifiers per entry. verifikator1 has submitted one sheet in
  // three and not started the others (work for the demo); the others submitted, one in four a draft.
  const entries = await tx
    .selectFrom("entries")
    .select(["id", "category_id", "source_total"])
    .where("edition_id", "=", editionId)
    .orderBy("id")
    .execute();
  const criteria = new Map<number, { id: number }[]>();
  for (const { id, rubricId } of categories.values())
    criteria.set(id, await judgedCriteria(tx, rubricId, "verification"));
  const sheets: SeedSheet[] = [];
  for (const [n, e] of entries.entries()) {
    // A nominee's verifiers find about what the province found.
    const quality = provinceQuality.get(e.id) ?? (e.source_total ?? 80) / 100;
    const panel = [...verifiers.slice(n % 3), ...verifiers.slice(0, n % 3)].slice(0, 2);
    for (const [k, userId] of panel.entries())
      sheets.push({
        entryId: e.id,
        userId,
        stage: "verification",
        criteria: criteria.get(e.category_id) ?? [],
        state:
          userId === verifiers[0] ? (n % 3 === 0 ? "submitted" : "not_started") : n % 4 === 3 ? "draft" : "submitted",
        value: (c) => 100 * quality + (k === 0 ? 2 : -3) + c,
        createdBy: committee,
        at: ctx.day(-1),
      });
  }
  await seedSheets(tx, sheets);
  return editionId;
}
