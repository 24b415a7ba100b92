import { describe, expect, it } from "vitest";
import { needsNote, onScale } from "../../app/domain/scoresheet";

describe("scoresheet rules", () => {
  it("a score is on the scale within [0, max] on a multiple of the step", () => {
    const c = { max: 10, step: 0.5 };
    expect(onScale(0, c)).toBe(true);
    expect(onScale(7.5, c)).toBe(true);
    expect(onScale(10, c)).toBe(true);
    expect(onScale(7.25, c)).toBe(false);
    expect(onScale(-0.5, c)).toBe(false);
    expect(onScale(10.5, c)).toBe(false);
    expect(onScale(Number.NaN, c)).toBe(false);
    expect(onScale(0.3, { max: 1, step: 0.1 })).toBe(true); // 0.3 / 0.1 is 2.9999999999999996
  });

  it("a note is needed at either end of the scale only", () => {
    expect(needsNote(0, { max: 5 })).toBe(true);
    expect(needsNote(5, { max: 5 })).toBe(true);
    expect(needsNote(3, { max: 5 })).toBe(false);
    expect(needsNote(null, { max: 5 })).toBe(false);
  });
});
