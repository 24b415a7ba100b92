import { describe, expect, it } from "vitest";
import {
  anonymiseRefusal,
  anonymisedEmail,
  anonymousLabel,
  archiveRefusal,
  personDue,
  retentionDueDate,
  retentionPassed,
  scrubText,
} from "~/domain/personal-data";

describe("archiving an edition", () => {
  it("waits until every category is published", () => {
    expect(archiveRefusal({ archivedAt: null, categories: 3, published: 2 })).toBe("not_published");
    expect(archiveRefusal({ archivedAt: null, categories: 0, published: 0 })).toBe("no_categories");
    expect(archiveRefusal({ archivedAt: null, categories: 3, published: 3 })).toBeNull();
    expect(archiveRefusal({ archivedAt: "2024-01-01T00:00:00.000Z", categories: 3, published: 3 })).toBe(
      "already_archived",
    );
  });
});

describe("retention", () => {
  it("is due the retention years after the last publication, on the same day", () => {
    expect(retentionDueDate("2023-11-20T03:00:00.000Z", 5)).toBe("2028-11-20T03:00:00.000Z");
    expect(retentionDueDate("2024-02-29T10:00:00.000Z", 1)).toBe("2025-02-28T10:00:00.000Z");
    expect(retentionDueDate(null, 5)).toBeNull();
  });

  it("has passed from the due moment on, never for an unpublished edition", () => {
    const due = "2028-11-20T03:00:00.000Z";
    expect(retentionPassed(due, new Date("2028-11-20T02:59:59.999Z"))).toBe(false);
    expect(retentionPassed(due, new Date("2028-11-20T03:00:00.000Z"))).toBe(true);
    expect(retentionPassed(null, new Date("2100-01-01"))).toBe(false);
  });

  it("a person is due only when every edition they took part in is", () => {
    const now = new Date("2030-01-01");
    expect(personDue([{ dueDate: "2029-01-01T00:00:00.000Z" }], now)).toBe(true);
    expect(personDue([{ dueDate: "2029-01-01T00:00:00.000Z" }, { dueDate: "2031-01-01T00:00:00.000Z" }], now)).toBe(
      false,
    );
    expect(personDue([{ dueDate: "2029-01-01T00:00:00.000Z" }, { dueDate: null }], now)).toBe(false);
    expect(personDue([], now)).toBe(false);
  });
});

describe("anonymising an account", () => {
  const archived = { archivedAt: "2024-01-01T00:00:00.000Z" };
  it("waits until every edition of the person is archived, and keeps the last administrator", () => {
    expect(anonymiseRefusal({ anonymisedAt: null, editions: [archived, { archivedAt: null }], lastAdmin: false })).toBe(
      "editions_not_archived",
    );
    expect(anonymiseRefusal({ anonymisedAt: null, editions: [archived], lastAdmin: false })).toBeNull();
    expect(anonymiseRefusal({ anonymisedAt: null, editions: [], lastAdmin: true })).toBe("last_admin");
    expect(anonymiseRefusal({ anonymisedAt: "2025-01-01", editions: [archived], lastAdmin: false })).toBe(
      "already_anonymised",
    );
  });

  it("labels the account by the role it had, assessor first", () => {
    expect(anonymousLabel(["committee", "assessor"])).toBe("Penilai");
    expect(anonymousLabel(["juror"])).toBe("Juri");
    expect(anonymousLabel(["entrant"])).toBe("Peserta");
    expect(anonymousLabel(["committee"])).toBe("Panitia");
    expect(anonymousLabel(["admin"])).toBe("Panitia");
    expect(anonymousLabel([])).toBe("Pengguna");
    expect(anonymisedEmail(42)).toBe("anonim-42@anonim.invalid");
  });

  it("replaces the name and e-mail as whole words, in any case and inside JSON", () => {
    const values = ['Budi "Bud" Santoso', "budi@contoh.id"];
    const json = JSON.stringify({ name: values[0], email: "BUDI@contoh.id", other: "Budi Santosa" });
    expect(scrubText(json, values, "Penilai 3")).toBe(
      JSON.stringify({ name: "Penilai 3", email: "Penilai 3", other: "Budi Santosa" }),
    );
    expect(scrubText("Ani dan Anita", ["Ani"], "Juri 1")).toBe("Juri 1 dan Anita");
    expect(scrubText("tidak ada", ["", "  "], "X")).toBe("tidak ada");
  });
});
