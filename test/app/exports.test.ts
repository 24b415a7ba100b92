import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { translator, type Locale } from "../../app/i18n";
import { matrixCsv, rankingCsv, workbook, type ExportContext } from "../../app/lib/exports.server";
import { score, type ScoringInput } from "../../scoring/index";

// Issue 10, item 5: the CSV and XLSX exports name stages, criteria and flags in words in the
// requesting user's language, and the workbook keeps numbers as number cells with a number format.

const input: ScoringInput = {
  rubric: {
    stages: [
      { id: "desk", weight: 60, advance: { top: 2 } },
      { id: "verification", weight: 40 },
    ],
    criteria: [
      { id: "extra_protection", stage: "desk", weight: 1, type: "judged", max: 100 },
      { id: "site_visit", stage: "verification", weight: 1, type: "judged", max: 100 },
    ],
  },
  method: {},
  nominees: ["11", "12", "13"].map((id) => ({ id, category: "large", indicators: {} })),
  scores: [
    // Entry 11: the assessors disagree widely (a disagreement flag on extra_protection).
    { assessor: "101", nominee: "11", criterion: "extra_protection", value: 100 },
    { assessor: "102", nominee: "11", criterion: "extra_protection", value: 10 },
    { assessor: "101", nominee: "12", criterion: "extra_protection", value: 80.5 },
    { assessor: "102", nominee: "12", criterion: "extra_protection", value: 82 },
    { assessor: "101", nominee: "13", criterion: "extra_protection", value: 20 },
    { assessor: "102", nominee: "13", criterion: "extra_protection", value: 22 },
    { assessor: "101", nominee: "12", criterion: "site_visit", value: 90 },
    { assessor: "102", nominee: "12", criterion: "site_visit", value: 70 },
    { assessor: "101", nominee: "11", criterion: "site_visit", value: 60 },
  ],
};

function context(locale: Locale): ExportContext {
  const result = score(input).categories[0]!;
  return {
    input,
    result,
    t: translator(locale),
    entryName: new Map([
      ["11", "PT Mahakam Energi"],
      ["12", "PT Borneo Sawit"],
      ["13", "CV Kutai"],
    ]),
    assessorName: new Map([
      ["101", "Sari"],
      ["102", "Budi"],
    ]),
    criterionName: new Map([
      ["extra_protection", locale === "en" ? "Extra protection" : "Perlindungan tambahan"],
      ["site_visit", locale === "en" ? "Site visit" : "Kunjungan lapangan"],
    ]),
  };
}

/** A CSV as rows of cells (no quoted cell holds a comma or a line break here). */
const parseCsv = (csv: string) =>
  csv
    .replace(/^\uFEFF/, "")
    .split("\r\n")
    .filter(Boolean)
    .map((line) => line.split(",").map((c) => c.replace(/^"|"$/g, "")));

const RAW_CODES = /\b(desk|verification|interview|disagreement|missing-scores|extra_protection|site_visit)\b/;

describe("CSV and XLSX exports", () => {
  it("precondition: the example has a disagreement flag to translate", () => {
    const flags = context("id").result.ranking.flatMap((r) => r.flags);
    expect(flags).toContain("disagreement:extra_protection");
  });

  it("writes the ranking CSV headers and notes in words, in Indonesian and in English", () => {
    const id = parseCsv(rankingCsv(context("id")));
    expect(id[0]).toEqual([
      "Peringkat",
      "Nomor peserta",
      "Organisasi",
      "Nilai akhir",
      "Seleksi Berkas",
      "Verifikasi dan Validasi",
      "Tahap terakhir",
      "Perlindungan tambahan",
      "Kunjungan lapangan",
      "Catatan",
    ]);
    const en = parseCsv(rankingCsv(context("en")));
    expect(en[0]).toContain("Document selection");
    expect(en[0]).toContain("Verification and validation");
    expect(en[0]).toContain("Extra protection");
    const row11 = en.find((r) => r[1] === "11")!;
    expect(row11.at(-1)).toContain("Assessors disagree: Extra protection");
    for (const rows of [id, en]) for (const row of rows) expect(row.join(" | ")).not.toMatch(RAW_CODES);
    // The stage reached is named too.
    expect(id.slice(1).map((r) => r[6])).toEqual(expect.arrayContaining(["Verifikasi dan Validasi", "Seleksi Berkas"]));
  });

  it("writes the matrix CSV headers in words", () => {
    const en = parseCsv(matrixCsv(context("en")));
    expect(en[0]).toEqual(["Entrant number", "Organisation", "Assessor", "Extra protection", "Site visit"]);
    expect(en.map((r) => r.join(" | ")).join("\n")).not.toMatch(RAW_CODES);
  });

  it("stores the workbook's numbers as number cells with a number format, and names everything in words", async () => {
    for (const locale of ["id", "en"] as const) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load((await workbook(context(locale))) as unknown as ArrayBuffer);
      const [ranking, matrix] = wb.worksheets;
      expect(ranking!.name).toBe(locale === "en" ? "Ranking" : "Peringkat");
      const header = (ranking!.getRow(1).values as unknown[]).slice(1);
      expect(header).toContain(locale === "en" ? "Document selection" : "Seleksi Berkas");
      expect(header.join(" | ")).not.toMatch(RAW_CODES);
      const first = ranking!.getRow(2);
      // Rank, entry number, total, stage scores and criterion values are numbers, not text.
      for (const col of [1, 2, 4, 5, 8]) {
        const cell = first.getCell(col);
        expect(cell.type, `column ${col}`).toBe(ExcelJS.ValueType.Number);
        expect(typeof cell.value).toBe("number");
      }
      expect(first.getCell(4).numFmt).toBe("0.00");
      expect(first.getCell(1).numFmt).toBe("0");
      ranking!.eachRow((row) => expect((row.values as unknown[]).join(" | ")).not.toMatch(RAW_CODES));
      const scoreCell = matrix!.getRow(2).getCell(4);
      expect(scoreCell.type).toBe(ExcelJS.ValueType.Number);
      expect(scoreCell.numFmt).toBe("0.00");
    }
  });
});
