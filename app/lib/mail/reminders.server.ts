import type { Db } from "../../../db/client";
import { queueReminders } from "../../../db/queries/reminders";

// The reminder scheduler (docs/notifications.md): at start and every REMINDER_INTERVAL_MS (15
// minutes by default) it writes the deadline reminders that are due (db/queries/reminders.ts) to
// the outbox; the sender loop delivers them. Each reminder has its dedupe key, so a restart, a run
// that overlaps another instance's or a second scheduler writes nothing twice.

const DEFAULT_INTERVAL_MS = 15 * 60 * 1000;

interface SchedulerLog {
  error(obj: object, msg: string): void;
  info(obj: object, msg: string): void;
}

/** REMINDER_INTERVAL_MS, a whole number of milliseconds; the default when unset. */
export function reminderIntervalMs(env: Record<string, string | undefined> = process.env): number {
  const setting = env.REMINDER_INTERVAL_MS;
  if (setting === undefined || setting.trim() === "") return DEFAULT_INTERVAL_MS;
  const ms = Number(setting);
  if (!Number.isInteger(ms) || ms <= 0)
    throw new Error(`REMINDER_INTERVAL_MS must be a whole number of milliseconds, not "${setting}"`);
  return ms;
}

let timer: NodeJS.Timeout | null = null;
let running: Promise<unknown> | null = null;
let active: object | null = null;

/**
 * Runs queueReminders now and then every `intervalMs`, one run at a time (the next is scheduled
 * when one ends). The timers do not keep the process alive.
 */
export function startReminderScheduler(
  getDb: () => Promise<Db>,
  opts: { intervalMs?: number; log?: SchedulerLog } = {},
): void {
  if (active) return;
  const intervalMs = opts.intervalMs ?? reminderIntervalMs();
  const scheduler = {};
  active = scheduler;
  const tick = () => {
    timer = null;
    running = getDb()
      .then((db) => queueReminders(db))
      .then((written) => {
        if (written > 0) opts.log?.info({ written }, "deadline reminders queued");
      })
      .catch((error: unknown) => opts.log?.error({ err: error }, "the reminder run failed"))
      .finally(() => {
        running = null;
        if (active === scheduler) timer = setTimeout(tick, intervalMs).unref();
      });
  };
  timer = setTimeout(tick, 0).unref();
}

/** Stops the scheduler; a run in progress finishes before this resolves. */
export async function stopReminderScheduler(): Promise<void> {
  active = null;
  if (timer) clearTimeout(timer);
  timer = null;
  await running;
}
