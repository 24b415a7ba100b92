import { describe, expect, it } from "vitest";
import { minutesHash, minutesJson, type MinutesContent } from "../../app/domain/minutes";
import { translator } from "../../app/i18n";
import { minutesPdf } from "../../app/lib/minutes-pdf.server";
import { pdfText } from "./pdf-text";

// Issue 16, item 4: the minutes (berita acara) as a PDF in Bahasa Indonesia and in English: the
// title, the ranking in rank order over as many pages as it needs, a decision's reason, a
// revision's old and new value, the signature names, and on every page the hash and the verify URL.

const ranking = Array.from({ length: 70 }, (_, i) => ({
  rank: i + 1,
  entryId: 100 + i,
  organisation: `Organisasi Nomor ${String(i + 1).padStart(2, "0")}`,
  stageScore: 90 - i * 0.5,
  running: 88 - i * 0.5,
  goesOn: i < 10 || i === 12,
  byDecision: i === 12,
}));

const content: MinutesContent = {
  edition: {
    name: "Paritrana Award 2026 — Kalimantan Timur",
    year: 2026,
    level: "provincial",
    region: "Kalimantan Timur",
  },
  category: "large",
  stage: "desk",
  heldOn: "2026-12-01",
  place: "Ruang Rapat Lantai 3, Samarinda",
  chair: "Dewi Ketua",
  panel: [
    { userId: 11, name: "Andi Penilai", present: true },
    { userId: 12, name: "Budi Penilai", present: true },
    { userId: 13, name: "Citra Penilai", present: false },
    // Two people may share a name: each signature line carries its own account's confirmation.
    { userId: 14, name: "Budi Penilai", present: true },
  ],
  method: {
    aggregate: { kind: "trimmed-mean", trim: 1, minPanel: 5 },
    calibration: "none",
    ranking: "competition",
    disagreementSd: 15,
    advance: { top: 10 },
    stageWeights: [
      { stage: "desk", weight: 40 },
      { stage: "verification", weight: 30 },
      { stage: "interview", weight: 30 },
    ],
    criteria: [
      { key: "regulation", nameId: "Regulasi daerah", nameEn: "Local regulation", type: "judged", weight: 50 },
    ],
    gates: [],
    priorMinScore: null,
  },
  agreement: {
    assessors: 0,
    nominees: 70,
    icc2_1: null,
    icc2_k: null,
    kendallW: null,
    oneWay: { nominees: 70, panelSize: 3, icc1_1: 0.62, icc1_k: 0.83 },
  },
  ranking,
  ineligible: [{ entryId: 999, organisation: "PT Dikecualikan", failed: ["override"] }],
  decisions: [
    {
      entryId: 112,
      organisation: "Organisasi Nomor 13",
      decision: "advance",
      reason: "Bukti lapangan menunjukkan program berjalan penuh",
      decidedBy: "Dewi Ketua",
      decidedAt: "2026-12-01T03:00:00.000Z",
      withdrawnAt: null,
      withdrawalReason: null,
    },
  ],
  revisions: [
    {
      entryId: 101,
      organisation: "Organisasi Nomor 02",
      sheet: 2,
      assessor: null,
      criterion: { key: "regulation", nameId: "Regulasi daerah", nameEn: "Local regulation", max: 100 },
      oldValue: 45,
      newValue: 72,
      oldNote: null,
      newNote: "Perda ditemukan saat pleno",
      revisedAt: "2026-12-01T02:30:00.000Z",
    },
  ],
  unsubmittedAtOpen: 0,
  issuedAt: "2026-12-01T05:00:00.000Z",
  issuedBy: "Dewi Ketua",
};

const sha256 = minutesHash(minutesJson(content));
const verifyUrl = `https://paritrana.example.go.id/verify/${sha256}`;

async function render(locale: "id" | "en") {
  const pdf = await minutesPdf({
    content,
    sha256,
    verifyUrl,
    confirmations: [{ userId: 14, confirmedAt: "2026-12-02T01:00:00.000Z" }],
    t: translator(locale),
    locale,
  });
  return pdfText(pdf);
}

describe("minutes PDF", () => {
  for (const [locale, title, yesByDecision, reviewed, confirmed] of [
    [
      "id",
      "BERITA ACARA RAPAT PLENO",
      "Ya*",
      "Lembar 2, Regulasi daerah: dari 45 menjadi 72",
      "dikonfirmasi di aplikasi 2 Desember 2026",
    ],
    [
      "en",
      "MINUTES OF THE PLENARY",
      "Yes*",
      "Sheet 2, Local regulation: from 45 to 72",
      "confirmed in the app 2 December 2026",
    ],
  ] as const)
    it(`holds the whole record in ${locale}, with the hash and the verify URL on every page`, async () => {
      const { lines, pages, fonts } = await render(locale);
      const text = lines.join(" ");
      expect(lines[0]).toBe(title);
      expect(fonts.every((f) => f.embedded)).toBe(true);
      // The ranking runs over several pages, in rank order.
      expect(pages.length).toBeGreaterThan(2);
      const at = ranking.map((r) => text.indexOf(r.organisation));
      expect(at.every((i) => i >= 0)).toBe(true);
      expect([...at].sort((a, b) => a - b)).toEqual(at);
      expect(lines).toContain(yesByDecision);
      // Numbers in Indonesian format in both languages.
      expect(lines).toContain("88,00");
      expect(text).toContain("Bukti lapangan menunjukkan program berjalan penuh");
      expect(text).toContain(`Organisasi Nomor 02, ${reviewed}`);
      expect(text).not.toContain("\uFFFD");
      expect(text).toContain("Perda ditemukan saat pleno");
      for (const name of ["Dewi Ketua", "Andi Penilai", "Budi Penilai"]) expect(lines).toContain(name);
      // Absent panel members are listed but sign nothing.
      expect(lines.filter((l) => l === "Citra Penilai")).toHaveLength(0);
      expect(lines.filter((l) => l.startsWith(confirmed))).toHaveLength(1);
      pages.forEach((page, i) => {
        expect(page.some((l) => l.includes(sha256))).toBe(true);
        expect(page.some((l) => l.includes(verifyUrl))).toBe(true);
        expect(page.some((l) => l.includes(`${i + 1}`) && l.includes(`${pages.length}`))).toBe(true);
      });
    });

  it("hashes the same facts to the same code whatever order their keys were read in", () => {
    // Every object with its keys in reverse order, as another reader might build it.
    const reverse = (v: unknown): unknown =>
      Array.isArray(v)
        ? v.map(reverse)
        : v !== null && typeof v === "object"
          ? Object.fromEntries(
              Object.entries(v)
                .reverse()
                .map(([k, x]) => [k, reverse(x)]),
            )
          : v;
    const shuffled = reverse(content) as MinutesContent;
    expect(JSON.stringify(shuffled)).not.toBe(JSON.stringify(content));
    expect(minutesJson(shuffled)).toBe(minutesJson(content));
    expect(minutesHash(minutesJson({ ...content, place: "Balikpapan" }))).not.toBe(sha256);
  });
});
