import type { Db } from "../client";
import type { CategoryKey, OrganisationKind } from "../schema";
import { insertRubric } from "../queries/rubrics";
import { publishSnapshot, signOffCategory } from "../queries/publications";
import { addMembership } from "../queries/users";
import { scoreCategory } from "../../app/lib/scoring-input.server";
import { PROVINCES } from "../../app/domain/levels";
import { kindsForCategory } from "../../app/domain/categories";
import { judgedCriteria, seedEntrant, seedSheets, seedUser, type SeedContext, type SeedSheet } from "./entries";
import { storeEvidence } from "./evidence";
import { companyRubric, demoMethod, governmentRubric } from "./rubrics";

// Three published provincial editions of 2023 (docs/levels.md, "The demo"): their Juara I go on
// to the national edition (db/seed/national.ts). Every number goes through the real code: the
// scores are scoresheets, the category is scored by scoreCategory, signed off and published.
// Entrants are ranked by a quality that falls down each list, so the first of a list is Juara I;
// in Jawa Barat's medium category the first two are equal in everything and share Juara I.

interface ProvinceDemo {
  province: string;
  /** Short name in the logins: panitia.<short>@paritrana.test. */
  short: string;
  governor: string;
  /** The head of the BPJS Ketenagakerjaan regional office (fictional). */
  bpjsHead: string;
  regions: [name: string, kind: OrganisationKind, slug: string][];
  companies: Record<"large" | "medium", [name: string, slug: string, region: string][]>;
  /** The category whose first two entrants tie for Juara I. */
  tie?: "large" | "medium";
}

export const PROVINCIAL_DEMOS: ProvinceDemo[] = [
  {
    province: "Jawa Barat",
    short: "jabar",
    governor: "Drs. H. Wahyu Kusumah, M.Si.",
    bpjsHead: "Dedi Supriatna",
    regions: [
      ["Kota Bandung", "city", "bandung"],
      ["Kabupaten Bekasi", "regency", "bekasi"],
      ["Kota Bogor", "city", "bogor"],
      ["Kabupaten Garut", "regency", "garut"],
    ],
    companies: {
      large: [
        ["PT Priangan Tekstil Mandiri", "priangan-tekstil", "Kabupaten Bandung"],
        ["PT Citarum Baja Perkasa", "citarum-baja", "Kabupaten Bekasi"],
        ["PT Karawang Elektronik Jaya", "karawang-elektronik", "Kabupaten Karawang"],
        ["PT Parahyangan Otomotif Nusantara", "parahyangan-otomotif", "Kabupaten Purwakarta"],
      ],
      medium: [
        ["CV Kujang Konveksi", "kujang-konveksi", "Kota Bogor"],
        ["PT Sumedang Pangan Sejahtera", "sumedang-pangan", "Kabupaten Sumedang"],
        ["PT Cianjur Beras Lestari", "cianjur-beras", "Kabupaten Cianjur"],
        ["PT Tasik Bordir Kreasi", "tasik-bordir", "Kota Tasikmalaya"],
      ],
    },
    tie: "medium",
  },
  {
    province: "Sulawesi Selatan",
    short: "sulsel",
    governor: "Dr. Andi Baso Mappanyukki",
    bpjsHead: "Hasanuddin Rahman",
    regions: [
      ["Kota Makassar", "city", "makassar"],
      ["Kabupaten Gowa", "regency", "gowa"],
      ["Kota Parepare", "city", "parepare"],
      ["Kabupaten Bone", "regency", "bone"],
    ],
    companies: {
      large: [
        ["PT Losari Semen Nusantara", "losari-semen", "Kabupaten Pangkajene dan Kepulauan"],
        ["PT Pinisi Galangan Raya", "pinisi-galangan", "Kabupaten Bulukumba"],
        ["PT Sengkang Gas Utama", "sengkang-gas", "Kabupaten Wajo"],
        ["PT Makassar Niaga Logistik", "makassar-niaga", "Kota Makassar"],
      ],
      medium: [
        ["PT Maros Marmer Indah", "maros-marmer", "Kabupaten Maros"],
        ["CV Bugis Sutra Lestari", "bugis-sutra", "Kabupaten Wajo"],
        ["PT Bantaeng Rumput Laut", "bantaeng-rumput-laut", "Kabupaten Bantaeng"],
        ["PT Toraja Kopi Mandiri", "toraja-kopi", "Kabupaten Tana Toraja"],
      ],
    },
  },
  {
    province: "Sumatera Utara",
    short: "sumut",
    governor: "Ir. H. Tengku Rizal Nasution",
    bpjsHead: "Martua Simanjuntak",
    regions: [
      ["Kota Medan", "city", "medan"],
      ["Kabupaten Deli Serdang", "regency", "deli-serdang"],
      ["Kota Pematangsiantar", "city", "pematangsiantar"],
      ["Kabupaten Toba", "regency", "toba"],
    ],
    companies: {
      large: [
        ["PT Deli Sawit Raya", "deli-sawit", "Kabupaten Deli Serdang"],
        ["PT Belawan Pelabuhan Logistik", "belawan-logistik", "Kota Medan"],
        ["PT Sibayak Karet Nusantara", "sibayak-karet", "Kabupaten Karo"],
        ["PT Danau Toba Energi Hijau", "toba-energi", "Kabupaten Toba"],
      ],
      medium: [
        ["CV Bolu Meranti Medan", "bolu-meranti", "Kota Medan"],
        ["PT Karo Hortikultura Segar", "karo-hortikultura", "Kabupaten Karo"],
        ["PT Tapanuli Kopi Arabika", "tapanuli-kopi", "Kabupaten Tapanuli Utara"],
        ["PT Nias Perikanan Mandiri", "nias-perikanan", "Kabupaten Nias"],
      ],
    },
  },
];

/** The edition name of a provincial demo edition. */
export function provincialDemoName(province: string) {
  return `Paritrana Award 2023 — Provinsi ${province} (tingkat provinsi)`;
}

// A person's lean on the k-th criterion: the same for every entrant, so equal quality gives equal scores.
const LEAN = [
  [3, -2, 1],
  [-2, 4, -1],
];

/** Seeds the three published provincial editions; returns their ids, in PROVINCIAL_DEMOS order. */
export async function seedProvincialEditions(
  tx: Db,
  ctx: SeedContext,
  { uploadDir }: { uploadDir?: string } = {},
): Promise<number[]> {
  const ids: number[] = [];
  let n = 0;
  for (const [p, demo] of PROVINCIAL_DEMOS.entries()) {
    if (!PROVINCES.includes(demo.province)) throw new Error(`demo seed: unknown province ${demo.province}`);
    const { id: editionId } = await tx
      .insertInto("editions")
      .values({
        name: provincialDemoName(demo.province),
        year: 2023,
        level: "provincial",
        region: demo.province,
        status: "published",
        period_start: "2023-01-01",
        period_end: "2023-12-31",
        registration_deadline: ctx.day(-150),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    ids.push(editionId);
    await tx
      .insertInto("edition_stages")
      .values(
        (["desk", "verification", "interview"] as const).map((key, i) => ({
          edition_id: editionId,
          key,
          position: i,
          panel: key === "interview" ? ("juror" as const) : ("assessor" as const),
          status: "closed" as const,
          opens_at: ctx.day(-145 + 30 * i),
          deadline: ctx.day(-120 + 30 * i),
        })),
      )
      .execute();
    await tx
      .insertInto("edition_signatories")
      .values([
        { edition_id: editionId, position: 0, name: demo.governor, title: `Gubernur ${demo.province}` },
        {
          edition_id: editionId,
          position: 1,
          name: demo.bpjsHead,
          title: `Kepala Kantor Wilayah BPJS Ketenagakerjaan ${demo.province}`,
        },
      ])
      .execute();
    const committee = await seedUser(tx, ctx, `panitia.${demo.short}@paritrana.test`, `Panitia ${demo.province}`);
    await addMembership(tx, { userId: committee, role: "committee", editionId });
    const panel = async (role: "assessor" | "juror", prefix: string, label: string) => {
      const people: number[] = [];
      for (let i = 1; i <= 2; i++) {
        const id = await seedUser(
          tx,
          ctx,
          `${prefix}${i}.${demo.short}@paritrana.test`,
          `${label} ${i} ${demo.province}`,
        );
        await addMembership(tx, { userId: id, role, editionId });
        people.push(id);
      }
      return people;
    };
    const assessors = await panel("assessor", "penilai", "Penilai");
    const jurors = await panel("juror", "juri", "Juri");

    const lists: [CategoryKey, [string, string, string, OrganisationKind][]][] = [
      ["regency_city", demo.regions.map(([name, kind, slug]) => [`Pemerintah ${name}`, slug, name, kind])],
      ...(["large", "medium"] as const).map(
        (key) =>
          [key, demo.companies[key].map(([name, slug, region]) => [name, slug, region, kindsForCategory(key)[0]!])] as [
            CategoryKey,
            [string, string, string, OrganisationKind][],
          ],
      ),
    ];
    for (const [key, list] of lists) {
      const { id: categoryId } = await tx
        .insertInto("categories")
        .values({ edition_id: editionId, key, places: 3, mentions: 0 })
        .returning("id")
        .executeTakeFirstOrThrow();
      const definition = key === "regency_city" ? governmentRubric : companyRubric(5);
      const rubricId = await insertRubric(tx, { categoryId, definition, method: demoMethod, userId: committee });
      const criteria = {
        desk: await judgedCriteria(tx, rubricId, "desk"),
        verification: await judgedCriteria(tx, rubricId, "verification"),
        interview: await judgedCriteria(tx, rubricId, "interview"),
      };
      const sheets: SeedSheet[] = [];
      const entrants = new Map<number, { name: string; at: string }>();
      for (const [i, [name, slug, region, kind]] of list.entries()) {
        const quality = 0.92 - 0.02 * p - 0.1 * (demo.tie === key && i > 0 ? i - 1 : i);
        const at = ctx.day(-130 + i);
        const { entryId } = await seedEntrant(tx, ctx, {
          editionId,
          categoryId,
          category: key,
          name,
          slug,
          kind,
          region: `${region}, ${demo.province}`,
          n: ++n,
          quality,
          submittedAt: at,
        });
        entrants.set(entryId, { name, at });
        // Desk and verification by the two assessors; the interview (the best three) by the two jurors.
        const stages = [
          ["desk", assessors, -100],
          ["verification", assessors, -70],
          ...(i < 3 ? ([["interview", jurors, -40]] as const) : []),
        ] as const;
        for (const [stage, people, when] of stages)
          for (const [k, userId] of people.entries())
            sheets.push({
              entryId,
              userId,
              stage,
              criteria: criteria[stage],
              state: "submitted",
              value: (c) => 100 * quality + LEAN[k]![c % 3]!,
              createdBy: committee,
              at: ctx.day(when),
            });
      }
      await seedSheets(tx, sheets);
      const winners = await publish(tx, { editionId, categoryId, key, committee });
      // The winners' evidence (the files the national edition reads through their source entry).
      const needed = [...criteria.desk, ...criteria.verification].filter((c) => c.evidence_required);
      for (const entryId of winners)
        for (const criterion of needed)
          await storeEvidence(tx, {
            uploadDir,
            entryId,
            criterion,
            organisation: entrants.get(entryId)!.name,
            year: 2023,
            at: entrants.get(entryId)!.at,
          });
    }
  }
  return ids;
}

/** Scores, signs off and publishes a category as the committee would; returns its Juara I entry ids. */
async function publish(
  tx: Db,
  c: { editionId: number; categoryId: number; key: CategoryKey; committee: number },
): Promise<number[]> {
  const scoring = await scoreCategory(tx, { id: c.categoryId, key: c.key });
  const snapshot = scoring?.snapshot;
  if (!scoring || !snapshot) throw new Error(`demo seed: category ${c.key} of edition ${c.editionId} is refused`);
  const { data_version } = await tx
    .selectFrom("categories")
    .select("data_version")
    .where("id", "=", c.categoryId)
    .executeTakeFirstOrThrow();
  const signed = await signOffCategory(tx, {
    editionId: c.editionId,
    categoryId: c.categoryId,
    userId: c.committee,
    sha256: snapshot.sha256,
    dataVersion: data_version,
  });
  if (!signed.ok) throw new Error(`demo seed: sign-off refused (${signed.reason})`);
  await publishSnapshot(tx, {
    editionId: c.editionId,
    categoryId: c.categoryId,
    rubricId: scoring.rubricId,
    inputJson: snapshot.inputJson,
    resultJson: snapshot.resultJson,
    sha256: snapshot.sha256,
    userId: c.committee,
  });
  return (scoring.result?.categories[0]?.ranking ?? []).filter((r) => r.rank === 1).map((r) => Number(r.nominee));
}
