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
  const P = participants.length;
  const keys = new Float64Array(P);
  for (let i = 0; i < P; i++) keys[i] = cmp6(running[participants[i]!]!);
  let cut: number;
  if ("top" in advance) {
    if (advance.top >= P) return participants;
    cut = keys.slice().sort()[P - advance.top]!; // the top-th best (ascending order)
  } else {
    cut = cmp6(advance.minScore);
  }
  let k = 0;
  for (let i = 0; i < P; i++) if (keys[i]! >= cut) k++;
  const out = new Int32Array(k);
  k = 0;
  for (let i = 0; i < P; i++) if (keys[i]! >= cut) out[k++] = participants[i]!;
  return out;
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
