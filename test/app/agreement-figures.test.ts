import { beforeEach, describe, expect, it, vi } from "vitest";
import { createElement as h } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { translator, type Locale } from "../../app/i18n";
import type { StageAgreement } from "../../scoring/index";

// Issue 16, item 6: the agreement of a stage shows the two-way figures of the complete block and
// the one-way figures of incomplete panels, with the Koo & Li band of the figure that judges it
// (ICC(2,1) when a complete block exists, else ICC(1,1)), or "—" and why when neither exists.

// The component reads the UI language from the root route's data; here it is set per test.
let locale: Locale = "id";
vi.mock("../../app/lib/use-t", () => ({
  useLocale: () => locale,
  useT: () => translator(locale),
}));
const { AgreementFigures } = await import("../../app/components/AgreementFigures");

/** The rendered text, tags dropped and spaces collapsed. */
const text = (a: StageAgreement) =>
  renderToStaticMarkup(h(AgreementFigures, { agreement: a }))
    .replace(/<[^>]+>/g, " ")
    .replace(/&#x27;/g, "'")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ")
    .trim();
const bandOf = (a: StageAgreement) =>
  /data-band="(\w+)"/.exec(renderToStaticMarkup(h(AgreementFigures, { agreement: a })))?.[1] ?? null;

const base: StageAgreement = { assessors: 0, nominees: 12, icc2_1: null, icc2_k: null, kendallW: null };

beforeEach(() => {
  locale = "id";
});

describe("AgreementFigures", () => {
  it("judges by ICC(2,1) when a complete block exists, even if the one-way figure says otherwise", () => {
    const a: StageAgreement = {
      ...base,
      assessors: 3,
      icc2_1: 0.812,
      icc2_k: 0.928,
      kendallW: 0.7,
      oneWay: { nominees: 12, panelSize: 3, icc1_1: 0.42, icc1_k: 0.685 },
    };
    const out = text(a);
    expect(bandOf(a)).toBe("good");
    expect(out).toContain("ICC(2,1) 0,812 · ICC(2,k) 0,928 · Kendall's W 0,700");
    expect(out).toContain("blok 3 penilai × 12 peserta");
    expect(out).toContain("ICC(1,1) 0,420 · ICC(1,k̄) 0,685");
    expect(out).toContain("Tingkat kesepakatan baik (menurut ICC(2,1) = 0,812)");
    expect(out).toContain("Koo & Li (2016)");
  });

  it("judges by the one-way ICC(1,1) without a complete block, and shows k̄ the Indonesian way", () => {
    const a: StageAgreement = {
      ...base,
      oneWay: { nominees: 9, panelSize: 2.667, icc1_1: 0.93, icc1_k: 0.974 },
    };
    const out = text(a);
    expect(bandOf(a)).toBe("excellent");
    expect(out).toContain("ICC(2,1) – · ICC(2,k) –");
    expect(out).not.toContain("Kendall");
    expect(out).toContain("tidak ada blok lengkap");
    expect(out).toContain("k̄ = 2,667");
    expect(out).toContain("Peserta dengan sedikitnya dua lembar nilai lengkap: 9");
    expect(out).toContain("sangat baik (menurut ICC(1,1) = 0,930)");
  });

  it("says why there is no level when neither figure exists", () => {
    const a: StageAgreement = {
      ...base,
      nominees: 3,
      oneWay: { nominees: 1, panelSize: null, icc1_1: null, icc1_k: null },
    };
    expect(bandOf(a)).toBeNull();
    expect(text(a)).toContain(
      "Tingkat kesepakatan — tidak dapat dihitung: kurang dari dua peserta yang memiliki dua lembar nilai lengkap",
    );
    // A result of contract 1 (no one-way figures) says the same without the one-way line.
    const old = text({ ...base, nominees: 3 });
    expect(old).not.toContain("Satu arah");
    expect(old).toContain("— tidak dapat dihitung");
  });

  it("speaks English, numbers still written the Indonesian way", () => {
    locale = "en";
    const a: StageAgreement = {
      ...base,
      oneWay: { nominees: 9, panelSize: 2.667, icc1_1: 0.61, icc1_k: 0.807 },
    };
    const out = text(a);
    expect(bandOf(a)).toBe("moderate");
    expect(out).toContain("One-way (incomplete panels)");
    expect(out).toContain("k̄ = 2,667 (adjusted mean panel size)");
    expect(out).toContain("Level of agreement moderate (by ICC(1,1) = 0,610)");
    expect(out).toContain("below 0.5 poor");
    expect(text({ ...base })).toContain("cannot be computed: fewer than two entrants with two complete scoresheets");
  });

  it("puts a negative or poor figure in the poor band", () => {
    expect(bandOf({ ...base, assessors: 2, icc2_1: -0.1, icc2_k: -0.2, kendallW: 0.4 })).toBe("poor");
  });
});
