// Indexed reads under noUncheckedIndexedAccess. Every index the scoring code reads is one it
// computed itself from arrays it sized (the input was checked by parseScoringInput first), so an
// index out of range is a bug in this module: it throws rather than going on with undefined.

/** `xs[i]`, or a RangeError when `i` is outside `xs` (the element type excludes undefined). */
export function at<T extends NonNullable<unknown> | null>(xs: ArrayLike<T>, i: number): T {
  const x = xs[i];
  if (x === undefined) throw new RangeError(`scoring: index ${i} outside 0..${xs.length - 1}`);
  return x;
}
