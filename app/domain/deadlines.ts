// Deadlines are stored either as a day (`2024-03-31`, meaning the end of that day in Indonesia's
// western time, WIB) or as a full ISO timestamp. Every check of a deadline goes through here.

/** The last moment of a deadline; null when there is none (or it cannot be read). */
export function deadlineEnd(deadline: string | null | undefined): Date | null {
  if (!deadline) return null;
  const d = /^\d{4}-\d{2}-\d{2}$/.test(deadline) ? new Date(`${deadline}T23:59:59.999+07:00`) : new Date(deadline);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** Whether the deadline has passed at `now` (no deadline never passes). */
export function deadlinePassed(deadline: string | null | undefined, now = new Date()): boolean {
  const end = deadlineEnd(deadline);
  return end !== null && now.getTime() > end.getTime();
}
