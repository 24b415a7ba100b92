// Ranking by comparison keys (docs/scoring-contract.md §10): never by id, order or chance.

export type RankingKind = "competition" | "dense";

/**
 * `keys` holds `width` comparison values per nominee (already rounded for comparison), higher is
 * better, compared in turn. Returns the ranks and the listing order (by rank, then by index —
 * local indices follow nominee ids, so the listing is by id within a rank).
 */
export function rankByKeys(
  keys: Float64Array,
  count: number,
  width: number,
  kind: RankingKind,
): { ranks: Int32Array; order: Int32Array } {
  const order = new Int32Array(count);
  for (let i = 0; i < count; i++) order[i] = i;
  const compare = (a: number, b: number): number => {
    const oa = a * width;
    const ob = b * width;
    for (let k = 0; k < width; k++) {
      const d = keys[ob + k]! - keys[oa + k]!;
      if (d !== 0) return d;
    }
    return 0;
  };
  order.sort((a, b) => compare(a, b) || a - b);
  const ranks = new Int32Array(count);
  let rank = 0;
  order.forEach((n, i) => {
    if (i === 0 || compare(order[i - 1]!, n) !== 0) rank = kind === "competition" ? i + 1 : rank + 1;
    ranks[n] = rank;
  });
  return { ranks, order };
}
