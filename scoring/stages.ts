// Running totals and advancing from one stage to the next (docs/scoring-contract.md §8).
import type { Advance } from "./schema";
import { cmp6 } from "./round";

/**
 * The participants (local nominee indices, ascending) that go on to the next stage, judged on
 * their running totals: the best `top` (everyone tied with the last place too), or everyone with
 * a running total ≥ `minScore`. Without `advance` everyone goes on.
 */
export function advancing(participants: Int32Array, running: Float64Array, advance: Advance | undefined): Int32Array {
  if (advance === undefined) return participants;
  let cut: number;
  if ("top" in advance) {
    if (advance.top >= participants.length) return participants;
    const sorted = Float64Array.from(participants, (n) => cmp6(running[n]!)).sort();
    cut = sorted[participants.length - advance.top]!; // the top-th best (ascending order)
  } else {
    cut = cmp6(advance.minScore);
  }
  return participants.filter((n) => cmp6(running[n]!) >= cut);
}

/** Σ Wˢ·stageˢ / Σ Wˢ over the stages 0..upTo of one nominee. */
export function weightedStageMean(
  stageScores: Float64Array,
  offset: number,
  stageWeights: Float64Array,
  upTo: number,
): number {
  let num = 0;
  let den = 0;
  for (let s = 0; s <= upTo; s++) {
    const w = stageWeights[s]!;
    num += w * stageScores[offset + s]!;
    den += w;
  }
  return num / den;
}
