import type { Db } from "../client";
import { hashPassword } from "../password";
import { insertRubric } from "../queries/rubrics";
import { judgedScale, type RubricDefinition } from "../../app/domain/rubric";
import { addMembership, createUser } from "../queries/users";
import type { CategoryKey, OrganisationKind } from "../schema";
import { deriveIndicators, PROGRAMMES, type Figures } from "../../scoring/figures";
import { categoryGroup, kindsForCategory } from "../../app/domain/categories";
import { seedEvidence } from "./evidence";
import { companyRubric, demoMethod, governmentRubric } from "./rubrics";
import { seedProvincialEditions } from "./provinces";
import { seedNationalEdition } from "./national";

export const DEMO_PASSWORD = "paritrana2023";
export const DEMO_EDITION = "Paritrana Award 2023 — Provinsi Kalimantan Timur (tingkat provinsi)";

export const DEMO_LOGINS = {
  admin: "admin@paritrana.test",
  committee: "panitia@paritrana.test",
  assessor: "penilai1@paritrana.test",
  juror: "juri1@paritrana.test",
  entrantGovernment: "peserta@balikpapan.paritrana.test",
  entrantCompany: "peserta@mahakam-energi.paritrana.test",
  entrantCompanyOther: "peserta@borneo-sawit.paritrana.test",
};

const REGIONS: [string, OrganisationKind][] = [
  ["Kota Balikpapan", "city"],
  ["Kota Samarinda", "city"],
  ["Kota Bontang", "city"],
  ["Kabupaten Kutai Kartanegara", "regency"],
  ["Kabupaten Kutai Timur", "regency"],
  ["Kabupaten Kutai Barat", "regency"],
  ["Kabupaten Berau", "regency"],
  ["Kabupaten Paser", "regency"],
  ["Kabupaten Penajam Paser Utara", "regency"],
  ["Kabupaten Mahakam Ulu", "regency"],
];

// Fictional companies and public-service bodies: [name, email slug, region].
const COMPANIES: Partial<Record<Exclude<CategoryKey, "province" | "regency_city">, [string, string, string][]>> = {
  large: [
    ["PT Mahakam Energi Lestari", "mahakam-energi", "Kota Samarinda"],
    ["PT Borneo Sawit Nusantara", "borneo-sawit", "Kabupaten Paser"],
    ["PT Teluk Balikpapan Petrokimia", "teluk-petrokimia", "Kota Balikpapan"],
    ["PT Bontang Pupuk Sejahtera", "bontang-pupuk", "Kota Bontang"],
    ["PT Kutai Batubara Mandiri", "kutai-batubara", "Kabupaten Kutai Timur"],
    ["PT Berau Coal Prima", "berau-coal", "Kabupaten Berau"],
    ["PT Samarinda Semen Utama", "samarinda-semen", "Kota Samarinda"],
    ["PT Etam Konstruksi Raya", "etam-konstruksi", "Kota Balikpapan"],
  ],
  medium: [
    ["PT Pesut Logistik", "pesut-logistik", "Kota Samarinda"],
    ["CV Enggang Teknik", "enggang-teknik", "Kota Balikpapan"],
    ["PT Tenggarong Agro Lestari", "tenggarong-agro", "Kabupaten Kutai Kartanegara"],
    ["PT Sangatta Karya Mandiri", "sangatta-karya", "Kabupaten Kutai Timur"],
    ["PT Melak Kayu Olah", "melak-kayu", "Kabupaten Kutai Barat"],
    ["PT Tanah Grogot Perikanan", "grogot-perikanan", "Kabupaten Paser"],
    ["PT Penajam Galangan Kapal", "penajam-galangan", "Kabupaten Penajam Paser Utara"],
    ["PT Derawan Wisata Bahari", "derawan-wisata", "Kabupaten Berau"],
  ],
  public_service: [
    ["RSUD Abdul Wahab Sjahranie (fiktif)", "rsud-aws", "Kota Samarinda"],
    ["Perumda Air Minum Tirta Manuntung (fiktif)", "pdam-manuntung", "Kota Balikpapan"],
    ["Universitas Mulawarman Raya (fiktif)", "univ-mulawarman-raya", "Kota Samarinda"],
    ["Perumda Tirta Taman (fiktif)", "pdam-tirta-taman", "Kota Bontang"],
    ["RSUD Aji Muhammad Parikesit (fiktif)", "rsud-parikesit", "Kabupaten Kutai Kartanegara"],
    ["Perusda Kelistrikan Benua Etam", "perusda-listrik", "Kota Samarinda"],
    ["Politeknik Negeri Balikpapan Raya (fiktif)", "poltek-balikpapan", "Kota Balikpapan"],
    ["PT Bank Pembangunan Daerah Benua (fiktif)", "bpd-benua", "Kota Samarinda"],
  ],
  micro_small: [
    ["UD Amplang Kuku Macan", "amplang-kuku-macan", "Kota Samarinda"],
    ["Toko Sarung Tenun Samarinda", "sarung-tenun", "Kota Samarinda"],
    ["Bengkel Las Maju Jaya", "las-maju-jaya", "Kota Balikpapan"],
    ["Kedai Kopi Mahakam", "kopi-mahakam", "Kota Samarinda"],
    ["UD Kerupuk Ikan Bontang", "kerupuk-bontang", "Kota Bontang"],
    ["CV Anyaman Rotan Kubar", "rotan-kubar", "Kabupaten Kutai Barat"],
    ["Laundry Bersih Sejahtera", "laundry-bersih", "Kabupaten Berau"],
    ["UD Madu Kelulut Paser", "madu-kelulut", "Kabupaten Paser"],
  ],
};

/** A small deterministic generator so that the demo data is the same on every machine. */
function prng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export async function isEmpty(db: Db): Promise<boolean> {
  const row = await db
    .selectFrom("users")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n) === 0;
}

/** Seeds the demo edition. Call only on an empty database (see isEmpty). */
export async function seedDemo(db: Db, now = new Date(), options: { uploadDir?: string } = {}): Promise<void> {
  const rand = prng(2023);
  const between = (lo: number, hi: number) => Math.round(lo + rand() * (hi - lo));
  const day = (d: number) => new Date(now.getTime() + d * 86_400_000).toISOString();
  const hash = await hashPassword(DEMO_PASSWORD);

  await db.transaction().execute(async (tx) => {
    const user = async (email: string, name: string) => createUser(tx, { email, name, passwordHash: hash });
    // Deadlines are set relative to the seeding day so that the demo can be used right away.
    const { id: editionId } = await tx
      .insertInto("editions")
      .values({
        name: DEMO_EDITION,
        year: 2023,
        level: "provincial",
        region: "Kalimantan Timur",
        status: "assessment",
        period_start: "2023-01-01",
        period_end: "2023-12-31",
        registration_deadline: day(21),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const stageRows = [
      { key: "desk", position: 0, panel: "assessor", status: "open", deadline: day(30) },
      { key: "verification", position: 1, panel: "assessor", status: "pending", deadline: day(45) },
      { key: "interview", position: 2, panel: "juror", status: "pending", deadline: day(60) },
    ] as const;
    for (const s of stageRows)
      await tx
        .insertInto("edition_stages")
        .values({ edition_id: editionId, ...s, opens_at: day(0) })
        .execute();

    // Who signs the demo's certificates (fictional names, real titles).
    await tx
      .insertInto("edition_signatories")
      .values([
        { edition_id: editionId, position: 0, name: "Dr. H. Akmal Malik, M.Si.", title: "Gubernur Kalimantan Timur" },
        {
          edition_id: editionId,
          position: 1,
          name: "Rudi Hartono Sinaga",
          title: "Kepala Kantor Wilayah BPJS Ketenagakerjaan Kalimantan",
        },
      ])
      .execute();
    const committee = await user(DEMO_LOGINS.committee, "Siti Rahmawati (Panitia)");
    await addMembership(tx, { userId: committee, role: "committee", editionId });
    const assessorNames = ["Andi Pratama", "Dewi Lestari", "Rudi Hartono", "Nur Aini", "Yohanes Tanoto"];
    const assessors: number[] = [];
    for (const [i, name] of assessorNames.entries()) {
      const id = await user(`penilai${i + 1}@paritrana.test`, name);
      await addMembership(tx, { userId: id, role: "assessor", editionId });
      assessors.push(id);
    }
    const jurorNames = [
      "Kepala Disnakertrans Prov. Kaltim",
      "Wakil APINDO Kaltim",
      "Wakil Serikat Pekerja",
      "Dr. Hendra Gunawan (Jaminan Sosial)",
      "Dr. Maria Ulfa (Ekonomi)",
      "Dr. Bambang Sutrisno (Hukum)",
      "Dr. Ratna Sari (Kebijakan Publik)",
      "Ir. Agus Salim (Pemberdayaan Masyarakat)",
      "Prof. Lina Marlina (Akademisi)",
    ];
    for (const [i, name] of jurorNames.entries()) {
      const id = await user(`juri${i + 1}@paritrana.test`, name);
      await addMembership(tx, { userId: id, role: "juror", editionId });
    }

    const categoryIds = {} as Record<CategoryKey, number>;
    for (const key of ["regency_city", "large", "medium", "public_service", "micro_small"] as const) {
      const { id } = await tx
        .insertInto("categories")
        .values({ edition_id: editionId, key, places: 3, mentions: key === "regency_city" ? 1 : 0 })
        .returning("id")
        .executeTakeFirstOrThrow();
      categoryIds[key] = id;
    }
    const rubrics = {} as Record<string, { id: number; def: RubricDefinition }>;
    for (const [key, categoryId] of Object.entries(categoryIds)) {
      const def = key === "regency_city" ? governmentRubric : companyRubric(key === "micro_small" ? 2 : 5);
      rubrics[key] = {
        id: await insertRubric(tx, { categoryId, definition: def, method: demoMethod, userId: committee }),
        def,
      };
    }

    // Organisations, their members and entries.
    const orgs: { name: string; slug: string; region: string; kind: OrganisationKind; category: CategoryKey }[] = [
      ...REGIONS.map(([name, kind]) => ({
        name: `Pemerintah ${name}`,
        slug: name.split(" ").slice(1).join("-").toLowerCase(),
        region: name,
        kind,
        category: "regency_city" as const,
      })),
      ...Object.entries(COMPANIES).flatMap(([category, list]) =>
        list.map(([name, slug, region]) => {
          const [kind] = kindsForCategory(category as CategoryKey);
          if (kind === undefined) throw new Error(`demo seed: no organisation kind may enter ${category}`);
          return { name, slug, region, category: category as CategoryKey, kind };
        }),
      ),
    ];
    let n = 0;
    for (const o of orgs) {
      n++;
      const group = categoryGroup(o.category);
      const size =
        group === "government"
          ? null
          : o.category === "micro_small"
            ? n % 2
              ? "micro"
              : "small"
            : o.category === "medium"
              ? "medium"
              : "large";
      const { id: orgId } = await tx
        .insertInto("organisations")
        .values({
          name: o.name,
          kind: o.kind,
          region: `${o.region}, Kalimantan Timur`,
          size,
          npp: group === "company" ? `NPP${String(16000000 + n * 7919).padStart(8, "0")}` : null,
          nib: group === "company" ? String(9120000000000 + n * 104729) : null,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      const memberId = await user(`peserta@${o.slug}.paritrana.test`, `Petugas ${o.name}`);
      await addMembership(tx, { userId: memberId, role: "entrant", organisationId: orgId });

      // Most entries are submitted; a few stay drafts (the first of each company list keeps a
      // draft so that the entrant demo can be tried end to end).
      const isDraft = o.slug === "mahakam-energi" || o.slug === "borneo-sawit" || rand() < 0.15;
      const { id: entryId } = await tx
        .insertInto("entries")
        .values({
          edition_id: editionId,
          category_id: categoryIds[o.category],
          organisation_id: orgId,
          status: isDraft ? "draft" : "submitted",
          submitted_at: isDraft ? null : day(-between(1, 10)),
        })
        .returning("id")
        .executeTakeFirstOrThrow();

      const figures: Figures = {};
      let regulations = 0;
      if (group === "government") {
        const workforce = between(15_000, 420_000);
        figures.workforce = workforce;
        figures.pu_covered = Math.round(workforce * (0.15 + rand() * 0.35));
        figures.bpu_covered = Math.round(workforce * (0.02 + rand() * 0.2));
        figures.employers_registered = between(150, 6_000);
        figures.non_asn_staff = between(800, 9_000);
        figures.non_asn_all_four = Math.round(figures.non_asn_staff * (0.3 + rand() * 0.7));
        figures.vulnerable_apbd_workers = between(300, 25_000);
        figures.vulnerable_apbd_amount = figures.vulnerable_apbd_workers * 16_800 * 12;
        regulations = between(0, 3);
        const types = o.kind === "city" ? "perwali" : "perbup";
        for (let r = 0; r < regulations; r++) {
          await tx
            .insertInto("entry_regulations")
            .values({
              entry_id: entryId,
              type: r === 0 ? "perda" : types,
              number: String(between(1, 40)),
              year: 2019 + r,
              title: "Penyelenggaraan Jaminan Sosial Ketenagakerjaan",
            })
            .execute();
        }
      } else {
        const workers =
          o.category === "micro_small"
            ? between(3, 40)
            : o.category === "medium"
              ? between(60, 300)
              : between(400, 6_000);
        figures.workers = workers;
        figures.workers_registered = Math.min(workers, Math.round(workers * (0.8 + rand() * 0.25)));
        for (const [i, p] of PROGRAMMES.entries()) figures[`programme_${p}`] = i < 2 || rand() < 0.8 ? 1 : 0;
        figures.months_arrears = rand() < 0.12 ? between(1, 3) : 0;
        figures.months_on_time = Math.max(0, 12 - figures.months_arrears - (rand() < 0.3 ? 1 : 0));
        figures.wages_paid = workers * between(3_200_000, 6_500_000);
        figures.wages_reported = Math.round(figures.wages_paid * (rand() < 0.7 ? 1 : 0.9 + rand() * 0.1));
        figures.accidents_reported = between(0, 12);
      }
      for (const [key, value] of Object.entries(figures)) {
        if (value !== undefined)
          await tx.insertInto("entry_figures").values({ entry_id: entryId, key, value }).execute();
      }
      for (const [indicator, value] of Object.entries(deriveIndicators(group, figures, regulations))) {
        await tx.insertInto("indicator_values").values({ entry_id: entryId, indicator, value }).execute();
      }
      if (isDraft) continue;

      // Desk stage: three assessors per submitted entry; the first two have submitted their
      // scores, the third is still working (a draft, or not started for penilai1 so that the
      // assessor demo has work to do).
      const turn = n % assessors.length;
      const panel = [...assessors.slice(turn), ...assessors.slice(0, turn)].slice(0, 3);
      const rubric = rubrics[o.category];
      if (rubric === undefined) throw new Error(`demo seed: no rubric for category ${o.category}`);
      const judged = await tx
        .selectFrom("criteria")
        .select(["id", "max", "step"])
        .where("rubric_id", "=", rubric.id)
        .where("stage_key", "=", "desk")
        .where("type", "=", "judged")
        .orderBy("position")
        .execute();
      const quality = 45 + rand() * 45;
      for (const [k, assessorId] of panel.entries()) {
        const state = k < 2 ? "submitted" : assessorId === assessors[0] ? "not_started" : "draft";
        const { id: assignmentId } = await tx
          .insertInto("assignments")
          .values({
            entry_id: entryId,
            user_id: assessorId,
            stage_key: "desk",
            status: state,
            version: state === "not_started" ? 0 : 1,
            submitted_at: state === "submitted" ? day(-1) : null,
            created_by: committee,
          })
          .returning("id")
          .executeTakeFirstOrThrow();
        if (state === "not_started") continue;
        await tx
          .insertInto("conflict_declarations")
          .values({ user_id: assessorId, entry_id: entryId, has_conflict: 0 })
          .execute();
        for (const c of judged) {
          const value = Math.max(0, Math.min(judgedScale(c).max, Math.round(quality + (rand() - 0.5) * 24)));
          await tx
            .insertInto("scores")
            .values({
              assignment_id: assignmentId,
              criterion_id: c.id,
              value,
              status: state === "submitted" ? "submitted" : "draft",
              note:
                value >= 80
                  ? "Bukti dukung lengkap dan konsisten."
                  : value < 50
                    ? "Bukti dukung belum memadai."
                    : "Cukup baik.",
            })
            .execute();
        }
      }
    }
    // The two levels (docs/levels.md): three published provincial editions of 2023, and the
    // national edition drawing its nominees from them (Kalimantan Timur linked, not published yet).
    // Their accounts come after Kalimantan Timur's, which keep their ids.
    const ctx = { hash, day };
    const provincial = await seedProvincialEditions(tx, ctx, { uploadDir: options.uploadDir });
    await seedNationalEdition(tx, ctx, { provincialEditionIds: [...provincial, editionId] });

    // The award secretariat: creates editions and appoints their committees (no edition of its own).
    // Made last, so that the other demo accounts keep their ids.
    const admin = await user(DEMO_LOGINS.admin, "Sekretariat Paritrana");
    await addMembership(tx, { userId: admin, role: "admin" });
    await tx
      .insertInto("audit_log")
      .values({
        at: now.toISOString(),
        user_id: null,
        edition_id: editionId,
        entry_id: null,
        action: "seed.demo",
        subject: "edition",
        before: null,
        after: null,
        reason: null,
      })
      .execute();
    // Evidence (portal): small PDFs for submitted entries, and one on organisation A's draft.
    await seedEvidence(tx, { uploadDir: options.uploadDir, draftSlugs: ["mahakam-energi"] });
  });
}
