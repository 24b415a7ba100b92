// "The best N, and everyone tied with the N-th": the rule of a national nomination (a province's
// places 1..N) and of a zone award (the best N of a zone). Ranks are the published ones
// (competition or dense): an entry goes when fewer than N entries rank strictly better than it.

export function topWithTies<T extends { rank: number }>(ranking: readonly T[], n: number): T[] {
  if (!(n >= 1)) return [];
  const sorted = [...ranking].sort((a, b) => a.rank - b.rank);
  const last = sorted[Math.min(n, sorted.length) - 1];
  return last === undefined ? [] : sorted.filter((r) => r.rank <= last.rank);
}
