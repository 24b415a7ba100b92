// Agreement statistics over a complete block: rows are nominees (targets), columns assessors (judges).
import { cmp6, report3 } from "./round";

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

export interface Icc1Result {
  nominees: number;
  panelSize: number | null;
  icc1_1: number | null;
  icc1_k: number | null;
}

/**
 * Shrout & Fleiss (1979) case 1, one-way random effects, over unbalanced groups (one per target,
 * its ratings): `values` holds every rating, target after target, `sizes[i]` how many are target
 * i's. BMS = Σ kᵢ(x̄ᵢ − x̄)² / (N−1), WMS = ΣΣ (xᵢⱼ − x̄ᵢ)² / (M − N), k̄ = (M − Σkᵢ²/M) / (N−1),
 * ICC(1,1) = (BMS − WMS) / (BMS + (k̄−1)·WMS), ICC(1,k̄) = (BMS − WMS) / BMS. Unrounded; null
 * when N < 2, M = N or a denominator is 0 at 6 decimals (k̄ null only when N < 2).
 */
export function icc1Flat(values: Float64Array, sizes: Int32Array): Icc1Result {
  const N = sizes.length;
  const M = values.length;
  if (N < 2) return { nominees: N, panelSize: null, icc1_1: null, icc1_k: null };
  let grand = 0;
  for (let e = 0; e < M; e++) grand += values[e]!;
  grand /= M;
  let ssb = 0;
  let ssw = 0;
  let sumSq = 0;
  let e = 0;
  for (let i = 0; i < N; i++) {
    const k = sizes[i]!;
    let m = 0;
    for (let j = 0; j < k; j++) m += values[e + j]!;
    m /= k;
    for (let j = 0; j < k; j++) {
      const d = values[e + j]! - m;
      ssw += d * d;
    }
    e += k;
    ssb += k * (m - grand) * (m - grand);
    sumSq += k * k;
  }
  const panelSize = (M - sumSq / M) / (N - 1);
  if (M === N) return { nominees: N, panelSize, icc1_1: null, icc1_k: null };
  const bms = ssb / (N - 1);
  const wms = ssw / (M - N);
  const den1 = bms + (panelSize - 1) * wms;
  return {
    nominees: N,
    panelSize,
    icc1_1: cmp6(den1) === 0 ? null : (bms - wms) / den1,
    icc1_k: cmp6(bms) === 0 ? null : (bms - wms) / bms,
  };
}

/**
 * ICC(1,1) and ICC(1,k̄) of groups of ratings (one group per target; empty groups are left out), reported as in §12:
 * statistics to 3 decimals, k̄ (`panelSize`) to 3 decimals.
 */
export function icc1(all: readonly (readonly number[])[]): Icc1Result {
  const groups = all.filter((g) => g.length > 0); // a target without ratings says nothing
  const sizes = Int32Array.from(groups, (g) => g.length);
  const values = new Float64Array(groups.reduce((m, g) => m + g.length, 0));
  let e = 0;
  for (const g of groups) for (const x of g) values[e++] = x;
  return reportIcc1(icc1Flat(values, sizes));
}

const r3 = (x: number | null): number | null => (x === null ? null : report3(x));

/** The figures of an Icc1Result as reported (3 decimals). */
export function reportIcc1(r: Icc1Result): Icc1Result {
  return { nominees: r.nominees, panelSize: r3(r.panelSize), icc1_1: r3(r.icc1_1), icc1_k: r3(r.icc1_k) };
}
