import { describe, expect, it } from "vitest";
import { createDb } from "../../db/client";
import { queueReminders } from "../../db/queries/reminders";
import { reminderIntervalMs, startReminderScheduler, stopReminderScheduler } from "../../app/lib/mail/reminders.server";
import { freshDb } from "./support";
import { daysBefore, reminderFixture, reminderRows } from "./reminders-fixture";

// Deadline reminders (db/queries/reminders.ts): 7 days and 1 day before, to entrants with a draft
// and to panel members with sheets not submitted in an open stage, each once per person, deadline
// and days before, even across a restart.

describe("queueReminders", () => {
  it("writes the 7-day and the 1-day reminder once per person, across runs and restarts", async () => {
    const { db, url } = await freshDb();
    const f = await reminderFixture(db);

    expect(await queueReminders(db, daysBefore(8))).toBe(0);
    expect(await reminderRows(db)).toEqual([]);

    // Seven days before: a1 and a2 for the draft, p1 for its two sheets; nobody else.
    expect(await queueReminders(db, daysBefore(6.5))).toBe(3);
    const week = await reminderRows(db);
    expect(week.map((r) => r.user_id).sort()).toEqual([f.a1, f.a2, f.p1].sort());
    const forA1 = week.find((r) => r.user_id === f.a1)!;
    expect(forA1.params).toMatchObject({ about: "entry", entryId: f.entryA.id, daysBefore: 7, daysLeft: 7 });
    expect(forA1.to_address).toBe("a1.r@paritrana.test");
    const forP1 = week.find((r) => r.user_id === f.p1)!;
    expect(forP1.params).toMatchObject({ about: "scoresheets", stage: "desk", count: 2, daysBefore: 7 });

    // Again, later in the same week, and from a new handle on the same file (a restart): nothing.
    expect(await queueReminders(db, daysBefore(6.5))).toBe(0);
    expect(await queueReminders(db, daysBefore(3))).toBe(0);
    const restarted = await createDb(url);
    try {
      expect(await queueReminders(restarted, daysBefore(2))).toBe(0);
      // The last day: the 1-day reminder, once.
      expect(await queueReminders(restarted, daysBefore(0.5))).toBe(3);
      expect(await queueReminders(restarted, daysBefore(0.25))).toBe(0);
    } finally {
      await restarted.destroy();
    }
    const all = await reminderRows(db);
    expect(all).toHaveLength(6);
    expect(
      all
        .filter((r) => r.params.daysBefore === 1)
        .map((r) => r.user_id)
        .sort(),
    ).toEqual([f.a1, f.a2, f.p1].sort());
    expect(new Set(all.map((r) => r.dedupe_key)).size).toBe(6);
    // After the deadline: nothing.
    expect(await queueReminders(db, daysBefore(-0.1))).toBe(0);
  });

  it("none for a submitted entry, submitted sheets, reminders off, an inactive member or a closed stage", async () => {
    const { db } = await freshDb();
    const f = await reminderFixture(db);
    // The draft is submitted and p1 submits one of its sheets; the other counts alone.
    await db.updateTable("entries").set({ status: "submitted" }).where("id", "=", f.entryA.id).execute();
    await db
      .updateTable("assignments")
      .set({ status: "submitted" })
      .where("user_id", "=", f.p1)
      .where("entry_id", "=", f.entryB.id)
      .execute();
    expect(await queueReminders(db, daysBefore(6.5))).toBe(1);
    const [only] = await reminderRows(db);
    expect(only).toMatchObject({ user_id: f.p1, params: { count: 1 } });

    // p1 submits the last one: no 1-day reminder. The interview stage (j1) is not open.
    await db.updateTable("assignments").set({ status: "submitted" }).where("user_id", "=", f.p1).execute();
    expect(await queueReminders(db, daysBefore(0.5))).toBe(0);
  });

  it("none in a closed stage; a reopened draft is reminded while the registration deadline is ahead", async () => {
    const { db } = await freshDb();
    const f = await reminderFixture(db);
    await db
      .updateTable("edition_stages")
      .set({ status: "closed" })
      .where("edition_id", "=", f.editionId)
      .where("key", "=", "desk")
      .execute();
    // The first stage is closed: the draft can no longer be submitted, and the desk sheets are done.
    expect(await queueReminders(db, daysBefore(6.5))).toBe(0);

    await db.updateTable("edition_stages").set({ status: "open" }).where("edition_id", "=", f.editionId).execute();
    // The interview stage is open now too: j1 is reminded of its sheet on D.
    await db
      .updateTable("entries")
      .set({ status: "draft", reopened_reason: "Berkas kurang" })
      .where("id", "=", f.entryB.id)
      .execute();
    await queueReminders(db, daysBefore(6.5));
    const users = (await reminderRows(db)).map((r) => r.user_id).sort();
    // b1's reopened draft; p1 for D's sheet alone (B is a draft again, not assessed); j1.
    expect(users).toEqual([f.a1, f.a2, f.b1, f.p1, f.j1].sort());
    const forP1 = (await reminderRows(db)).find((r) => r.user_id === f.p1)!;
    expect(forP1.params).toMatchObject({ count: 1 });
  });

  it("the scheduler runs at start and then every interval, one run at a time, writing each reminder once", async () => {
    const { db } = await freshDb();
    // A deadline three days from today (WIB): the 7-day reminders are due now.
    const day = new Date(Date.now() + 7 * 3_600_000 + 3 * 86_400_000).toISOString().slice(0, 10);
    const f = await reminderFixture(db, "s", day);
    let runs = 0;
    let inFlight = 0;
    let overlapped = false;
    startReminderScheduler(
      async () => {
        runs++;
        if (++inFlight > 1) overlapped = true;
        // A slow database: the next run must wait for this one.
        await new Promise((done) => setTimeout(done, 15));
        inFlight--;
        return db;
      },
      { intervalMs: 5 },
    );
    try {
      await expect.poll(() => runs, { timeout: 10_000 }).toBeGreaterThanOrEqual(4);
    } finally {
      await stopReminderScheduler();
    }
    expect(overlapped).toBe(false);
    const rows = await reminderRows(db);
    expect(rows.map((r) => r.user_id).sort()).toEqual([f.a1, f.a2, f.p1].sort());
    // Stopped: no run after this.
    const after = runs;
    await new Promise((done) => setTimeout(done, 50));
    expect(runs).toBe(after);
  });

  it("REMINDER_INTERVAL_MS: 15 minutes by default, a positive whole number of milliseconds otherwise", () => {
    expect(reminderIntervalMs({})).toBe(15 * 60 * 1000);
    expect(reminderIntervalMs({ REMINDER_INTERVAL_MS: "60000" })).toBe(60_000);
    expect(() => reminderIntervalMs({ REMINDER_INTERVAL_MS: "soon" })).toThrow(/REMINDER_INTERVAL_MS/);
    expect(() => reminderIntervalMs({ REMINDER_INTERVAL_MS: "0" })).toThrow(/REMINDER_INTERVAL_MS/);
  });
});
