import { describe, expect, it } from "vitest";
import { stepFrom, stepText } from "../../app/lib/number-step";

// Issue 16, item 5: the − and + buttons of a score step on the criterion's grid, stay on its scale
// and never drift (0.1 + 0.2), whatever is typed in the field.

const scale = (max: number, step: number, min = 0) => ({ min, max, step });

describe("stepping a number field", () => {
  it("starts at the bottom with + and at the top with − from an empty or unreadable field", () => {
    expect(stepFrom("", 1, scale(100, 1))).toBe(0);
    expect(stepFrom("", -1, scale(100, 1))).toBe(100);
    expect(stepFrom("abc", 1, scale(10, 0.5))).toBe(0);
    expect(stepFrom("  ", -1, scale(10, 0.5))).toBe(10);
  });

  it("moves one step and clamps to the scale", () => {
    expect(stepFrom("80", 1, scale(100, 1))).toBe(81);
    expect(stepFrom("80", -1, scale(100, 1))).toBe(79);
    expect(stepFrom("100", 1, scale(100, 1))).toBe(100);
    expect(stepFrom("0", -1, scale(100, 1))).toBe(0);
    expect(stepFrom("250", -1, scale(100, 1))).toBe(100);
    expect(stepFrom("-3", 1, scale(100, 1))).toBe(0);
  });

  it("reads Indonesian and dotted decimals and snaps a value between grid points to the next one", () => {
    expect(stepFrom("82,5", 1, scale(100, 0.5))).toBe(83);
    expect(stepFrom("82.5", -1, scale(100, 0.5))).toBe(82);
    expect(stepFrom("82,3", 1, scale(100, 0.5))).toBe(82.5);
    expect(stepFrom("82,3", -1, scale(100, 0.5))).toBe(82);
    expect(stepFrom("7", 1, scale(10, 3))).toBe(9);
    // The top of a scale whose max is not on the grid is the last grid value below it.
    expect(stepFrom("9", 1, scale(10, 3))).toBe(9);
    expect(stepFrom("", -1, scale(10, 3))).toBe(9);
  });

  it("adds decimal steps without float drift", () => {
    let text = "";
    const seen: string[] = [];
    for (let i = 0; i < 12; i++) {
      text = stepText(stepFrom(text, 1, scale(1, 0.1)));
      seen.push(text);
    }
    expect(seen).toEqual(["0", "0,1", "0,2", "0,3", "0,4", "0,5", "0,6", "0,7", "0,8", "0,9", "1", "1"]);
    expect(stepText(stepFrom("0,3", -1, scale(1, 0.1)))).toBe("0,2");
    expect(stepText(stepFrom("2,25", 1, scale(5, 0.25)))).toBe("2,5");
  });

  it("steps from min on a grid that does not start at zero", () => {
    expect(stepFrom("", 1, scale(10, 2, 1))).toBe(1);
    expect(stepFrom("4", 1, scale(10, 2, 1))).toBe(5);
    expect(stepFrom("10", 1, scale(10, 2, 1))).toBe(9);
  });

  it("writes values with a decimal comma and no grouping", () => {
    expect(stepText(82.5)).toBe("82,5");
    expect(stepText(1250)).toBe("1250");
    expect(stepText(0)).toBe("0");
  });
});
