// Agreement statistics over a complete block: rows are nominees (targets), columns assessors (judges).
import { cmp6 } from "./round";

export interface IccResult {
  icc2_1: number | null;
  icc2_k: number | null;
}

/**
 * Shrout & Fleiss (1979) two-way random effects ICC(2,1) and ICC(2,k) of an n×k matrix
 * (row-major). Null with fewer than 2 rows or columns, or a zero denominator.
 */
export function icc2(x: Float64Array, n: number, k: number): IccResult {
  if (n < 2 || k < 2) return { icc2_1: null, icc2_k: null };
  let grand = 0;
  for (let i = 0; i < n * k; i++) grand += x[i]!;
  grand /= n * k;
  let ssRows = 0;
  for (let i = 0; i < n; i++) {
    let m = 0;
    for (let j = 0; j < k; j++) m += x[i * k + j]!;
    const d = m / k - grand;
    ssRows += d * d;
  }
  ssRows *= k;
  let ssCols = 0;
  for (let j = 0; j < k; j++) {
    let m = 0;
    for (let i = 0; i < n; i++) m += x[i * k + j]!;
    const d = m / n - grand;
    ssCols += d * d;
  }
  ssCols *= n;
  let ssTotal = 0;
  for (let i = 0; i < n * k; i++) {
    const d = x[i]! - grand;
    ssTotal += d * d;
  }
  const ssErr = Math.max(0, ssTotal - ssRows - ssCols);
  const bms = ssRows / (n - 1);
  const jms = ssCols / (k - 1);
  const ems = ssErr / ((n - 1) * (k - 1));
  const den1 = bms + (k - 1) * ems + (k * (jms - ems)) / n;
  const denK = bms + (jms - ems) / n;
  return {
    icc2_1: cmp6(den1) === 0 ? null : (bms - ems) / den1,
    icc2_k: cmp6(denK) === 0 ? null : (bms - ems) / denK,
  };
}

/**
 * Kendall's coefficient of concordance W of an n×k matrix (row-major; each column is one
 * assessor's scores of the n nominees), mid-ranks for ties, corrected for ties:
 * W = 12·S / (k²(n³−n) − k·Σ T), S = Σ (Rᵢ − R̄)², T = Σ (t³ − t) over each assessor's tie groups.
 */
export function kendallW(x: Float64Array, n: number, k: number): number | null {
  if (n < 2 || k < 2) return null;
  const rankSum = new Float64Array(n);
  const idx = new Int32Array(n);
  const col = new Float64Array(n);
  let tieSum = 0;
  for (let j = 0; j < k; j++) {
    for (let i = 0; i < n; i++) {
      col[i] = cmp6(x[i * k + j]!);
      idx[i] = i;
    }
    idx.sort((a, b) => col[a]! - col[b]!);
    let i = 0;
    while (i < n) {
      let e = i + 1;
      while (e < n && col[idx[e]!]! === col[idx[i]!]!) e++;
      const t = e - i;
      const midRank = (i + 1 + e) / 2; // ranks i+1 .. e
      for (let m = i; m < e; m++) {
        const r = idx[m]!;
        rankSum[r] = rankSum[r]! + midRank;
      }
      if (t > 1) tieSum += t * t * t - t;
      i = e;
    }
  }
  const meanRank = (k * (n + 1)) / 2;
  let S = 0;
  for (let i = 0; i < n; i++) {
    const d = rankSum[i]! - meanRank;
    S += d * d;
  }
  const den = k * k * (n * n * n - n) - k * tieSum;
  if (cmp6(den) === 0) return null;
  return (12 * S) / den;
}
