// Published reference values for the agreement statistics.
import { describe, it, expect } from "vitest";
import { category, score, singleCriterion, SHROUT_FLEISS_TABLE_2, tableOf } from "./helpers";

describe("Shrout & Fleiss (1979), Table 2: 6 targets × 4 judges", () => {
  const data = SHROUT_FLEISS_TABLE_2;
  const agreement = category(score(singleCriterion(tableOf(data), {}, 10))).agreement.desk;

  it("ICC(2,1) = 0.29 and ICC(2,4) = 0.62 (u = 10·value changes nothing: ICC is scale-free)", () => {
    expect(agreement.assessors).toBe(4);
    expect(agreement.nominees).toBe(6);
    // BMS = 11.24, JMS = 32.49, EMS = 1.02 → (11.24 − 1.02)/(11.24 + 3·1.02 + 4·(32.49 − 1.02)/6) = 0.29
    expect(agreement.icc2_1).toBeCloseTo(0.29, 2);
    // (11.24 − 1.02)/(11.24 + (32.49 − 1.02)/6) = 0.62
    expect(agreement.icc2_k).toBeCloseTo(0.62, 2);
    expect(agreement.icc2_1).toBe(0.29);
    expect(agreement.icc2_k).toBe(0.62);
  });

  it("Kendall's W with mid-ranks and the tie correction", () => {
    // Ranks (ascending, mid-ranks): j1 9 6 8 7 10 6 → 5, 1.5, 4, 3, 6, 1.5 (one tie of 2)
    // j2 2 1 4 1 5 2 → 3.5, 1.5, 5, 1.5, 6, 3.5 (two ties of 2); j3 5 3 6 2 6 4 → 4, 2, 5.5, 1, 5.5, 3 (one tie);
    // j4 8 2 8 6 9 7 → 4.5, 1, 4.5, 2, 6, 3 (one tie).
    // R = 17, 6, 19, 7.5, 23.5, 11; R̄ = 4·7/2 = 14; S = 9 + 64 + 25 + 42.25 + 90.25 + 9 = 239.5
    // ΣT = 5 ties × (2³ − 2) = 30; W = 12·239.5 / (16·(216 − 6) − 4·30) = 2874 / 3240 = 0.887
    expect(agreement.kendallW).toBe(Math.round((1000 * 12 * 239.5) / (16 * 210 - 4 * 30)) / 1000);
    expect(agreement.kendallW).toBe(0.887); // the reference value in docs/scoring-contract.md §12
  });
});

describe("Kendall's W, textbook examples", () => {
  it("10 projects ranked by 4 judges: ΣD² = 1048, W = 12·1048 / (4²·10·(10² − 1)) = 0.794", () => {
    // Ranks (1 = best) from the classic worked example; higher rank number = worse, so score = 11 − rank.
    const ranks = [
      [1, 2, 3, 4],
      [3, 1, 2, 2],
      [4, 4, 1, 3],
      [5, 5, 5, 1],
      [2, 6, 7, 6],
      [8, 3, 4, 7],
      [6, 8, 6, 5],
      [7, 7, 8, 9],
      [10, 10, 9, 8],
      [9, 9, 10, 10],
    ];
    const data = ranks.map((r) => r.map((x) => 11 - x));
    const w = category(score(singleCriterion(tableOf(data), {}, 10))).agreement.desk.kendallW;
    expect(w).toBe(Math.round((1000 * 12 * 1048) / (16 * 10 * 99)) / 1000); // 0.794
    expect(w).toBe(0.794);
  });

  it("3 competitors ranked by 4 judges: W = 1/16", () => {
    // competitor X: 1 1 2 3, Y: 3 2 3 1, Z: 2 3 1 2 → sums 7, 9, 8, mean 8, S = 2; W = 12·2/(16·3·8) = 0.0625
    const w = category(
      score(
        singleCriterion(
          tableOf([
            [1, 1, 2, 3],
            [3, 2, 3, 1],
            [2, 3, 1, 2],
          ]),
          {},
          10,
        ),
      ),
    ).agreement.desk.kendallW;
    expect(w).toBe(0.063); // 0.0625 reported to 3 decimals (half away from zero)
  });
});
