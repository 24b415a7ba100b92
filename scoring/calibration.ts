// Calibration of assessors' u within one category and stage (docs/scoring-contract.md §4).
import { cmp6 } from "./round";

export type CalibrationKind = "none" | "zscore" | "offset";

/**
 * The scores of one category and stage: `slots` lists the (nominee, judged criterion) slots of the
 * nominees taking part; entries of slot `s` are `start[s] .. start[s+1]-1` in `u` / `assessor`.
 * Entries whose assessor equals `exclude` are left out (sensitivity), `assessors` is the count of
 * local assessor indices.
 */
export interface StageBlock {
  slots: Int32Array;
  start: Int32Array;
  u: Float64Array;
  assessor: Int32Array;
  assessors: number;
  exclude: number;
}

const clip = (x: number): number => (x < 0 ? 0 : x > 100 ? 100 : x);

/**
 * Writes the calibrated u of every entry of the block into `out` (same indices as `u`).
 * Returns the local indices of assessors for whom zscore calibration was skipped.
 */
export function calibrate(kind: CalibrationKind, b: StageBlock, out: Float64Array): number[] {
  if (kind === "zscore") return zscore(b, out);
  if (kind === "offset") offset(b, out);
  else copy(b, out);
  return [];
}

function copy(b: StageBlock, out: Float64Array): void {
  for (const s of b.slots) {
    const to = b.start[s + 1]!;
    for (let e = b.start[s]!; e < to; e++) out[e] = b.u[e]!;
  }
}

function zscore(b: StageBlock, out: Float64Array): number[] {
  const A = b.assessors;
  const cnt = new Int32Array(A);
  const sum = new Float64Array(A);
  const ss = new Float64Array(A);
  let total = 0;
  let totalCnt = 0;
  for (const s of b.slots) {
    const to = b.start[s + 1]!;
    for (let e = b.start[s]!; e < to; e++) {
      const a = b.assessor[e]!;
      if (a === b.exclude) continue;
      const x = b.u[e]!;
      cnt[a] = cnt[a]! + 1;
      sum[a] = sum[a]! + x;
      total += x;
      totalCnt++;
    }
  }
  if (totalCnt === 0) return [];
  const M = total / totalCnt;
  let pooledSs = 0;
  const mean = new Float64Array(A);
  for (let a = 0; a < A; a++) {
    const n = cnt[a]!;
    if (n > 0) mean[a] = sum[a]! / n;
  }
  for (const s of b.slots) {
    const to = b.start[s + 1]!;
    for (let e = b.start[s]!; e < to; e++) {
      const a = b.assessor[e]!;
      if (a === b.exclude) continue;
      const x = b.u[e]!;
      const d = x - mean[a]!;
      ss[a] = ss[a]! + d * d;
      const D = x - M;
      pooledSs += D * D;
    }
  }
  const S = Math.sqrt(pooledSs / totalCnt);
  const sd = new Float64Array(A);
  const ok = new Uint8Array(A);
  const skipped: number[] = [];
  for (let a = 0; a < A; a++) {
    const n = cnt[a]!;
    if (n === 0) continue;
    const d = Math.sqrt(ss[a]! / n);
    sd[a] = d;
    if (n >= 3 && cmp6(d) > 0) ok[a] = 1;
    else skipped.push(a);
  }
  for (const s of b.slots) {
    const to = b.start[s + 1]!;
    for (let e = b.start[s]!; e < to; e++) {
      const a = b.assessor[e]!;
      if (a === b.exclude) continue;
      const x = b.u[e]!;
      out[e] = ok[a]! === 1 ? clip(M + (S * (x - mean[a]!)) / sd[a]!) : x;
    }
  }
  return skipped;
}

function offset(b: StageBlock, out: Float64Array): void {
  const A = b.assessors;
  const dSum = new Float64Array(A);
  const dCnt = new Int32Array(A);
  for (const s of b.slots) {
    const from = b.start[s]!;
    const to = b.start[s + 1]!;
    let n = 0;
    let sum = 0;
    for (let e = from; e < to; e++) {
      if (b.assessor[e]! === b.exclude) continue;
      n++;
      sum += b.u[e]!;
    }
    if (n < 2) continue;
    for (let e = from; e < to; e++) {
      const a = b.assessor[e]!;
      if (a === b.exclude) continue;
      const x = b.u[e]!;
      dSum[a] = dSum[a]! + (x - (sum - x) / (n - 1));
      dCnt[a] = dCnt[a]! + 1;
    }
  }
  for (const s of b.slots) {
    const to = b.start[s + 1]!;
    for (let e = b.start[s]!; e < to; e++) {
      const a = b.assessor[e]!;
      if (a === b.exclude) continue;
      const n = dCnt[a]!;
      const bias = n > 0 ? dSum[a]! / n : 0;
      out[e] = clip(b.u[e]! - bias);
    }
  }
}
