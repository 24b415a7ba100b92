// Sensitivity (docs/scoring-contract.md §13): every criterion weight ×(1−δ) and ×(1+δ), every assessor left
// out, one at a time; each variant is ranked again.
import type { CategoryData, Model } from "./prepare";
import type { SensitivityResult } from "./types";
import { evaluate, rankingKeys, type Variant } from "./evaluate";
import { rankByKeys } from "./ranking";

/** δ·100 without trailing zeros: 0.1 → "10", 0.125 → "12.5". */
export function percentLabel(delta: number): string {
  return String(Number((delta * 100).toFixed(6)));
}

export interface NamedVariant extends Variant {
  name: string;
}

export function variantsOf(model: Model, cat: CategoryData, delta: number): NamedVariant[] {
  const out: NamedVariant[] = [];
  const pct = percentLabel(delta);
  model.critIds.forEach((id, c) => {
    for (const [sign, factor] of [
      ["-", 1 - delta],
      ["+", 1 + delta],
    ] as const) {
      const weights = model.critWeights.slice();
      weights[c] = weights[c]! * factor;
      out.push({ name: `weight:${id}:${sign}${pct}%`, weights, exclude: -1 });
    }
  });
  cat.assessors.forEach((id, a) => out.push({ name: `without:${id}`, weights: model.critWeights, exclude: a }));
  return out;
}

function winnersOf(ranks: Int32Array): number[] {
  const w: number[] = [];
  for (let n = 0; n < ranks.length; n++) if (ranks[n] === 1) w.push(n);
  return w;
}

const sameSet = (a: number[], b: number[]): boolean => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * Runs every variant; returns the sensitivity block, each nominee's [best, worst] rank and, for
 * contract 2, its rank in each `without:<assessor>` variant (a·N + n: assessor a left out).
 */
export function sensitivity(
  model: Model,
  cat: CategoryData,
  baseRanks: Int32Array,
  delta: number,
  memo: Float64Array | null = null,
): { result: SensitivityResult; best: Int32Array; worst: Int32Array; without: Int32Array | null } {
  const N = cat.nominees.length;
  const best = baseRanks.slice();
  const worst = baseRanks.slice();
  const without = model.contract === 2 ? new Int32Array(cat.assessors.length * N) : null;
  const baseWinners = winnersOf(baseRanks);
  const changes: SensitivityResult["changes"] = [];
  for (const v of variantsOf(model, cat, delta)) {
    const ev = evaluate(model, cat, v, false, memo);
    const { keys, width } = rankingKeys(model, ev, N, cat.prior);
    const { ranks } = rankByKeys(keys, N, width, model.method.ranking);
    if (without !== null && v.exclude >= 0) without.set(ranks, v.exclude * N);
    for (let n = 0; n < N; n++) {
      const r = ranks[n]!;
      if (r < best[n]!) best[n] = r;
      if (r > worst[n]!) worst[n] = r;
    }
    const winners = winnersOf(ranks);
    if (!sameSet(winners, baseWinners))
      changes.push({ variant: v.name, winners: winners.map((n) => cat.nominees[n]!) });
  }
  return { result: { winnerStable: changes.length === 0, changes }, best, worst, without };
}
