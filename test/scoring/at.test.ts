// at(): the checked index read of the scoring module (noUncheckedIndexedAccess, docs/decisions/0007).
import { describe, it, expect } from "vitest";
import { at } from "../../scoring/at";

describe("at", () => {
  it("reads an element in range, whatever the array kind, zero and null included", () => {
    expect(at([3, 0, 5], 1)).toBe(0);
    expect(at(new Float64Array([1.5, NaN]), 0)).toBe(1.5);
    expect(at(new Int32Array([7, -1]), 1)).toBe(-1);
    expect(at(["a", null], 1)).toBeNull();
  });

  it("throws a RangeError naming the index outside the array instead of giving undefined", () => {
    expect(() => at([1, 2], 2)).toThrow(new RangeError("scoring: index 2 outside 0..1"));
    expect(() => at(new Int32Array(3), -1)).toThrow(RangeError);
    expect(() => at(new Float64Array(4), 1.5)).toThrow(RangeError);
    expect(() => at([], 0)).toThrow(RangeError);
  });
});
