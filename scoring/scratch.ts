// Scratch typed arrays of score(), reused from one call to the next: a million-score input needs
// some 30 MB of them, and allocating that afresh on every call makes V8 collect garbage (tracing the
// whole input) again and again. score() is synchronous and nothing of them outlives a call; a nested
// call (never expected) gets fresh arrays.

const int32: Int32Array[] = [];
const float64: Float64Array[] = [];
let depth = 0;

/** Runs `f`; inside it (and not nested), `scratchInt32` and `scratchFloat64` lend pooled arrays. */
export function withScratch<T>(f: () => T): T {
  depth++;
  try {
    return f();
  } finally {
    depth--;
  }
}

function lend<A extends Int32Array | Float64Array>(pool: A[], slot: number, length: number, make: (n: number) => A): A {
  if (depth !== 1) return make(length);
  let a = pool[slot];
  if (a === undefined || a.length < length) {
    a = make(Math.max(length, Math.ceil((a?.length ?? 0) * 1.25)));
    pool[slot] = a;
  }
  return a.subarray(0, length) as A;
}

/** Int32Array number `slot` of the pool, of `length`; its contents are undefined (write before reading). */
export function scratchInt32(slot: number, length: number): Int32Array {
  return lend(int32, slot, length, (n) => new Int32Array(n));
}

/** As scratchInt32, for Float64Array. */
export function scratchFloat64(slot: number, length: number): Float64Array {
  return lend(float64, slot, length, (n) => new Float64Array(n));
}
