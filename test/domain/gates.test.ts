import { describe, expect, it } from "vitest";
import { GATE_OPERATORS, gateHolds } from "../../app/domain/gates";
import { ScoringInputSchema } from "../../scoring/index";

describe("gate operators", () => {
  it("are the six comparisons the scoring contract accepts", () => {
    expect(GATE_OPERATORS).toEqual(["<", "<=", ">", ">=", "==", "!="]);
    const gate = ScoringInputSchema.shape.rubric.shape.gates.unwrap().element.shape.op;
    for (const op of GATE_OPERATORS) expect(gate.safeParse(op).success).toBe(true);
    expect(gate.safeParse("=>").success).toBe(false);
  });

  it("hold on values compared to 6 decimals", () => {
    expect(GATE_OPERATORS.filter((op) => gateHolds(op, 80.0000001, 80))).toEqual(["<=", ">=", "=="]);
    expect(GATE_OPERATORS.filter((op) => gateHolds(op, 79, 80))).toEqual(["<", "<=", "!="]);
  });
});
