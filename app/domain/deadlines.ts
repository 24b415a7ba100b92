// Deadlines. The committee gives a deadline as a day (`2024-03-31`), meaning the end of that day in
// Indonesia's western time (WIB, UTC+7 all year: no daylight saving). Every deadline the app writes is
// stored in one form, the UTC ISO string of its last moment (`storedDeadline`), so that SQL can compare
// it with `now.toISOString()`. Older rows may still hold a day or an ISO string with an offset; every
// check of a deadline reads them through `deadlineEnd`.

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The last moment (23:59:59.999 WIB) of a calendar day given as YYYY-MM-DD; null when it is no real day. */
export function endOfDayWib(day: string): Date | null {
  if (!DAY.test(day)) return null;
  const d = new Date(`${day}T23:59:59.999+07:00`);
  // Date rolls 2023-02-31 over to March: only a day that reads back the same is real.
  if (Number.isNaN(d.getTime()) || new Date(d.getTime() + 7 * 3_600_000).toISOString().slice(0, 10) !== day)
    return null;
  return d;
}

/** The last moment of a deadline (a day or a full ISO timestamp); null when there is none (or it cannot be read). */
export function deadlineEnd(deadline: string | null | undefined): Date | null {
  if (!deadline) return null;
  if (DAY.test(deadline)) return endOfDayWib(deadline);
  const d = new Date(deadline);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** The form every deadline is stored in: the UTC ISO string of its last moment; null when none is given. */
export function storedDeadline(deadline: string | null | undefined): string | null {
  if (!deadline) return null;
  const end = deadlineEnd(deadline);
  if (!end) throw new RangeError(`Not a deadline: ${deadline}`);
  return end.toISOString();
}

/** Whether the deadline has passed at `now` (no deadline never passes). */
export function deadlinePassed(deadline: string | null | undefined, now = new Date()): boolean {
  const end = deadlineEnd(deadline);
  return end !== null && now.getTime() > end.getTime();
}

/**
 * The deadline `days` days after today in WIB (the end of that day), in the stored form: how long
 * an invitation link stays valid. Today in WIB, not in UTC: at 06:00 WIB it is still yesterday in UTC.
 */
export function deadlineAfterDays(days: number, now = new Date()): string {
  const today = new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
  return storedDeadline(new Date(Date.parse(today) + days * 86_400_000).toISOString().slice(0, 10))!;
}
