import { describe, expect, it } from "vitest";
import {
  deadlineAfterDays,
  deadlineEnd,
  deadlinePassed,
  endOfDayWib,
  storedDeadline,
} from "../../app/domain/deadlines";

describe("deadlines", () => {
  it("a day ends at 23:59:59.999 in WIB (UTC+7), 16:59:59.999 UTC", () => {
    expect(endOfDayWib("2024-03-31")!.toISOString()).toBe("2024-03-31T16:59:59.999Z");
    expect(deadlineEnd("2024-03-31")!.toISOString()).toBe("2024-03-31T16:59:59.999Z");
  });

  it("a day that is not on the calendar is no deadline", () => {
    expect(endOfDayWib("2023-02-31")).toBeNull();
    expect(endOfDayWib("2023-13-01")).toBeNull();
    expect(endOfDayWib("2024-02-29")!.toISOString()).toBe("2024-02-29T16:59:59.999Z");
  });

  it("a full ISO string is that moment, whatever its offset", () => {
    expect(deadlineEnd("2024-03-31T10:00:00+07:00")!.toISOString()).toBe("2024-03-31T03:00:00.000Z");
    expect(deadlineEnd("2024-03-31T16:59:59.999Z")!.toISOString()).toBe("2024-03-31T16:59:59.999Z");
    expect(deadlineEnd("not a date")).toBeNull();
    expect(deadlineEnd(null)).toBeNull();
  });

  it("is stored as the UTC ISO string of its last moment", () => {
    expect(storedDeadline("2024-03-31")).toBe("2024-03-31T16:59:59.999Z");
    expect(storedDeadline("2024-03-31T23:59:59+07:00")).toBe("2024-03-31T16:59:59.000Z");
    expect(storedDeadline(undefined)).toBeNull();
    expect(storedDeadline("")).toBeNull();
    expect(() => storedDeadline("2023-02-31")).toThrow(RangeError);
  });

  it("the stored form compares as text the way the moments compare (for SQL)", () => {
    const end = storedDeadline("2024-03-31")!;
    expect(new Date("2024-03-31T16:59:59.998Z").toISOString() < end).toBe(true);
    expect(new Date("2024-03-31T17:00:00.000Z").toISOString() > end).toBe(true);
  });

  it("passes only after the last moment of the day in WIB", () => {
    expect(deadlinePassed("2024-03-31", new Date("2024-03-31T23:59:59+07:00"))).toBe(false);
    expect(deadlinePassed("2024-03-31", new Date("2024-04-01T00:00:00+07:00"))).toBe(true);
    expect(deadlinePassed("2024-03-31T16:59:59.999Z", new Date("2024-03-31T17:00:00Z"))).toBe(true);
    expect(deadlinePassed(null, new Date("2999-01-01T00:00:00Z"))).toBe(false);
  });

  it("a deadline some days ahead ends with the day in WIB, counted from today in WIB", () => {
    expect(deadlineAfterDays(14, new Date("2024-01-10T00:00:00Z"))).toBe("2024-01-24T16:59:59.999Z");
    // 23:30 UTC on 9 January is already 10 January in WIB.
    expect(deadlineAfterDays(14, new Date("2024-01-09T23:30:00Z"))).toBe("2024-01-24T16:59:59.999Z");
    expect(deadlineAfterDays(1, new Date("2024-02-28T12:00:00Z"))).toBe("2024-02-29T16:59:59.999Z");
    expect(deadlineAfterDays(0, new Date("2024-12-31T16:00:00Z"))).toBe("2024-12-31T16:59:59.999Z");
  });
});
