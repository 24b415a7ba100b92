// The worked example of scoring/README.md, so that the README's numbers stay true.
import { describe, it, expect } from "vitest";
import { readFileSync } from "node:fs";
import { parseScoringInput } from "../../scoring/index";
import { category, entry, score } from "./helpers";

const json = JSON.parse(readFileSync(new URL("./fixtures/readme-example.json", import.meta.url), "utf8"));

describe("README worked example", () => {
  it("gives the numbers printed in the README", () => {
    const parsed = parseScoringInput(json);
    if (!parsed.ok) throw new Error("fixture invalid");
    const r = score(parsed.input);
    // desk = (3·regulation + 1·coverage)/4
    expect(entry(r, "A").stages).toEqual({ desk: (3 * 75 + 100) / 4, interview: 85 }); // 81.25
    expect(entry(r, "B").stages).toEqual({ desk: (3 * 90 + 80) / 4, interview: 65 }); // 87.5
    expect(entry(r, "C").stages).toEqual({ desk: (3 * 55 + 20) / 4, interview: 0 }); // 46.25, not shortlisted
    expect(entry(r, "A").total).toBe((60 * 81.25 + 40 * 85) / 100); // 82.75
    expect(entry(r, "B").total).toBe((60 * 87.5 + 40 * 65) / 100); // 78.5
    expect(entry(r, "C").total).toBe((60 * 46.25) / 100); // 27.75
    expect(category(r, "large").ranking.map((e) => [e.nominee, e.rank])).toEqual([
      ["A", 1],
      ["B", 2],
      ["C", 3],
    ]);
    expect(category(r, "large").ineligible).toEqual([{ nominee: "D", failed: ["no_arrears"] }]);
  });
});
