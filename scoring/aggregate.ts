// Panel aggregation of the (calibrated) u of one (nominee, criterion).

export type AggregateKind = "mean" | "median" | "trimmed-mean";

export interface AggregateMethod {
  kind: AggregateKind;
  trim: number;
  minPanel: number;
}

/** Sorts the first n values ascending in place (insertion sort: panels are small). */
export function sortPrefix(values: Float64Array, n: number): void {
  if (n > 32) {
    values.subarray(0, n).sort();
    return;
  }
  for (let i = 1; i < n; i++) {
    const x = values[i]!;
    let j = i - 1;
    while (j >= 0 && values[j]! > x) {
      values[j + 1] = values[j]!;
      j--;
    }
    values[j + 1] = x;
  }
}

function meanOf(sorted: Float64Array, from: number, to: number): number {
  let sum = 0;
  for (let i = from; i < to; i++) sum += sorted[i]!;
  return sum / (to - from);
}

/**
 * Aggregate of the first n values of `sorted` (ascending, n ≥ 1).
 * trimmed-mean: when n ≥ minPanel and n > 2·trim, drop the trim highest and lowest; else the mean.
 */
export function aggregateSorted(sorted: Float64Array, n: number, method: AggregateMethod): number {
  switch (method.kind) {
    case "mean":
      return meanOf(sorted, 0, n);
    case "median":
      return n % 2 === 1 ? sorted[(n - 1) / 2]! : (sorted[n / 2 - 1]! + sorted[n / 2]!) / 2;
    case "trimmed-mean":
      if (n >= method.minPanel && n > 2 * method.trim) return meanOf(sorted, method.trim, n - method.trim);
      return meanOf(sorted, 0, n);
  }
}

/** Population standard deviation of the first n values (n ≥ 1). */
export function populationSd(values: Float64Array, n: number): number {
  const m = meanOf(values, 0, n);
  let ss = 0;
  for (let i = 0; i < n; i++) {
    const d = values[i]! - m;
    ss += d * d;
  }
  return Math.sqrt(ss / n);
}
