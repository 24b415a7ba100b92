import type { Gate, GateOp, Nominee } from "./schema";
import { cmp6 } from "./round";
import { indicatorOf } from "./indicators";

// The operators a gate may use; here rather than in schema.ts so that the app can name them without
// loading zod (schema.ts validates with it).
export const GATE_OPS = ["<", "<=", ">", ">=", "==", "!="] as const;

/** Whether indicator value `x` passes `op v`, compared on values rounded to 6 decimals. */
export function gateHolds(op: GateOp, x: number, v: number): boolean {
  const a = cmp6(x);
  const b = cmp6(v);
  switch (op) {
    case "<":
      return a < b;
    case "<=":
      return a <= b;
    case ">":
      return a > b;
    case ">=":
      return a >= b;
    case "==":
      return a === b;
    case "!=":
      return a !== b;
  }
}

/** The id under which a nominee failing `rubric.prior.minScore` lists it (after the rubric's gates). */
export const PRIOR_GATE = "prior";

/** The id that ends `failed` of a nominee an override excludes (docs/scoring-contract.md §15). */
export const OVERRIDE_GATE = "override";

/**
 * Ids of the gates the nominee fails (rubric order), then "prior" when a minimum prior is given and
 * the nominee's prior is missing or below it (docs/scoring-contract.md §1). A missing indicator fails the gate.
 */
export function failedGates(nominee: Nominee, gates: readonly Gate[], priorMin: number | null = null): string[] {
  const failed: string[] = [];
  for (const g of gates) {
    const x = indicatorOf(nominee.indicators, g.indicator);
    if (x === null || !gateHolds(g.op, x, g.value)) failed.push(g.id);
  }
  if (priorMin !== null) {
    const prior = nominee.prior ?? null;
    if (prior === null || !gateHolds(">=", prior, priorMin)) failed.push(PRIOR_GATE);
  }
  return failed;
}
