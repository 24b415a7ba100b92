// The scoresheet's rules for one judged criterion, checked alike by the form (next to the field) and
// by the save (in its transaction): a score is on the criterion's scale, and a score at either end
// of the scale needs a note when the sheet is submitted.

/** A value is on the scale when it lies in [0, max] and is a multiple of step. */
export function onScale(value: number, c: { max: number; step: number }): boolean {
  if (!Number.isFinite(value) || value < 0 || value > c.max) return false;
  const k = value / c.step;
  return Math.abs(k - Math.round(k)) < 1e-9;
}

/** At either end of the scale (0 or max) a note is required on submit. */
export function needsNote(value: number | null, c: { max: number }): boolean {
  return value !== null && (value === 0 || value === c.max);
}
