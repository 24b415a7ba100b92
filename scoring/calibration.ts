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
  slotCount: number;
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
  for (let k = 0; k < b.slotCount; k++) {
    const s = b.slots[k];
    for (let e = b.start[s]; e < b.start[s + 1]; e++) out[e] = b.u[e];
  }
}

function zscore(b: StageBlock, out: Float64Array): number[] {
  const A = b.assessors;
  const cnt = new Int32Array(A);
  const sum = new Float64Array(A);
  const ss = new Float64Array(A);
  let total = 0;
  let totalCnt = 0;
  for (let k = 0; k < b.slotCount; k++) {
    const s = b.slots[k];
    for (let e = b.start[s]; e < b.start[s + 1]; e++) {
      const a = b.assessor[e];
      if (a === b.exclude) continue;
      cnt[a]++;
      sum[a] += b.u[e];
      total += b.u[e];
      totalCnt++;
    }
  }
  if (totalCnt === 0) return [];
  const M = total / totalCnt;
  let pooledSs = 0;
  const mean = new Float64Array(A);
  for (let a = 0; a < A; a++) if (cnt[a] > 0) mean[a] = sum[a] / cnt[a];
  for (let k = 0; k < b.slotCount; k++) {
    const s = b.slots[k];
    for (let e = b.start[s]; e < b.start[s + 1]; e++) {
      const a = b.assessor[e];
      if (a === b.exclude) continue;
      const d = b.u[e] - mean[a];
      ss[a] += d * d;
      const D = b.u[e] - M;
      pooledSs += D * D;
    }
  }
  const S = Math.sqrt(pooledSs / totalCnt);
  const sd = new Float64Array(A);
  const ok = new Uint8Array(A);
  const skipped: number[] = [];
  for (let a = 0; a < A; a++) {
    if (cnt[a] === 0) continue;
    sd[a] = Math.sqrt(ss[a] / cnt[a]);
    if (cnt[a] >= 3 && cmp6(sd[a]) > 0) ok[a] = 1;
    else skipped.push(a);
  }
  for (let k = 0; k < b.slotCount; k++) {
    const s = b.slots[k];
    for (let e = b.start[s]; e < b.start[s + 1]; e++) {
      const a = b.assessor[e];
      if (a === b.exclude) continue;
      out[e] = ok[a] === 1 ? clip(M + (S * (b.u[e] - mean[a])) / sd[a]) : b.u[e];
    }
  }
  return skipped;
}

function offset(b: StageBlock, out: Float64Array): void {
  const A = b.assessors;
  const dSum = new Float64Array(A);
  const dCnt = new Int32Array(A);
  for (let k = 0; k < b.slotCount; k++) {
    const s = b.slots[k];
    let n = 0;
    let sum = 0;
    for (let e = b.start[s]; e < b.start[s + 1]; e++) {
      if (b.assessor[e] === b.exclude) continue;
      n++;
      sum += b.u[e];
    }
    if (n < 2) continue;
    for (let e = b.start[s]; e < b.start[s + 1]; e++) {
      const a = b.assessor[e];
      if (a === b.exclude) continue;
      dSum[a] += b.u[e] - (sum - b.u[e]) / (n - 1);
      dCnt[a]++;
    }
  }
  for (let k = 0; k < b.slotCount; k++) {
    const s = b.slots[k];
    for (let e = b.start[s]; e < b.start[s + 1]; e++) {
      const a = b.assessor[e];
      if (a === b.exclude) continue;
      const bias = dCnt[a] > 0 ? dSum[a] / dCnt[a] : 0;
      out[e] = clip(b.u[e] - bias);
    }
  }
}
