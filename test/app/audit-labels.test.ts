import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { translator } from "../../app/i18n";
import { auditActionName, auditChangeLines, auditSubjectText, type AuditNames } from "../../app/i18n/audit-labels";

// Issue 10, item 5: the audit log shows every action in words and its before/after as readable
// lines, never the code or raw JSON.

const root = join(__dirname, "../..");
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

/** Every action code written anywhere in db/ and app/: the string literals of `action:` properties (ternaries too). */
function writtenActions(): string[] {
  const found = new Set<string>();
  for (const file of [...sources(join(root, "db")), ...sources(join(root, "app"))]) {
    const text = readFileSync(file, "utf8");
    for (const m of text.matchAll(/\baction:\s*([^,}\n]*(?:\n\s*[?:][^,}\n]*)*)/g))
      for (const lit of m[1]!.matchAll(/["'`]([a-z_]+\.[a-z_]+)["'`]/g)) found.add(lit[1]!);
  }
  return [...found].sort();
}

const names: AuditNames = {
  users: { "7": "Sari Penilai" },
  entries: { "12": "Kota Balikpapan", "13": "Kota Samarinda" },
  categories: { "3": "Pemerintah Kabupaten/Kota" },
  assignments: { "5": "Sari Penilai, Seleksi Berkas" },
  criteria: { regulation: "Regulasi daerah" },
};
const id = translator("id");
const en = translator("en");

describe("audit log labels", () => {
  it("names every action code the sources write, in both languages", () => {
    const actions = writtenActions();
    // The grep itself must see the known writers (else it would pass on nothing).
    expect(actions).toEqual(
      expect.arrayContaining(["stage.close", "assignment.jurors", "scoresheet.submit", "seed.demo"]),
    );
    for (const action of actions) {
      for (const t of [id, en]) {
        const name = auditActionName(t, action);
        expect(name, action).not.toContain(action);
        expect(name, action).not.toMatch(/[a-z]\.[a-z]/);
      }
    }
  });

  it("falls back to saying it is another action for an unknown code", () => {
    expect(auditActionName(en, "made.up")).toBe("Other action (made.up)");
  });

  it("writes a stage closing as translated field: old → new lines", () => {
    const row = {
      action: "stage.close",
      before: JSON.stringify({ status: "open" }),
      after: JSON.stringify({ status: "closed", next: "verification", advancing: [12, 13], notAdvancing: [] }),
    };
    expect(auditChangeLines(id, "id", row, names)).toEqual([
      { field: "Status", before: "Dibuka", after: "Ditutup" },
      { field: "Tahap berikutnya", before: null, after: "Verifikasi dan Validasi" },
      { field: "Lolos ke tahap berikut", before: null, after: "Kota Balikpapan, Kota Samarinda" },
      { field: "Tidak lolos", before: null, after: "–" },
    ]);
    expect(auditChangeLines(en, "en", row, names)[0]).toEqual({ field: "Status", before: "Open", after: "Closed" });
  });

  it("translates statuses by the action's family, kinds, roles, people and numbers", () => {
    const lines = (action: string, before: unknown, after: unknown, t = en) =>
      auditChangeLines(t, "en", { action, before: JSON.stringify(before), after: JSON.stringify(after) }, names);
    expect(lines("scoresheet.submit", { version: 2 }, { version: 3, status: "submitted", changed: 1 })).toEqual([
      { field: "Version", before: "2", after: "3" },
      { field: "Status", before: null, after: "Submitted" },
      { field: "Scores changed", before: null, after: "1" },
    ]);
    expect(lines("entry.submit", { status: "draft" }, { status: "submitted" })[0]!.after).toBe("Submitted");
    expect(lines("conflict.declare", null, { hasConflict: true, kind: "related_to", note: "Ipar" })).toEqual([
      { field: "Conflict", before: null, after: "Yes" },
      { field: "Kind", before: null, after: expect.not.stringContaining("related_to") },
      { field: "Note", before: null, after: "Ipar" },
    ]);
    expect(lines("assignment.reassign", { user: 7, stage: "desk" }, { user: 9 })).toEqual([
      { field: "User", before: "Sari Penilai", after: "#9" },
      { field: "Stage", before: "Document selection", after: null },
    ]);
    expect(lines("membership.add", null, { role: "juror" }, id)[0]!.after).toBe("Dewan Juri");
    // The plenary's decisions and people by name, never their codes or ids.
    expect(lines("plenary.decision", null, { decision: "exclude", stage: "desk" }, id)[0]!.after).toBe(
      "Dikeluarkan oleh pleno",
    );
    expect(lines("plenary.settings", { chair: 7 }, { chair: 9 })[0]).toEqual({
      field: expect.not.stringContaining("chair"),
      before: "Sari Penilai",
      after: "#9",
    });
    expect(lines("plenary.revision_grant", null, { assessor: 7 })[0]!.after).toBe("Sari Penilai");
    expect(lines("entry.figures", { figures: {} }, { figures: { coverage_pct: 82.8 } }, id)[0]!.after).toContain(
      "82,8",
    );
  });

  it("never shows raw JSON: a value that is not an object, or not JSON at all, is one readable value", () => {
    const raw = auditChangeLines(id, "id", { action: "x.y", before: "[1,2]", after: "not json" }, names);
    expect(raw).toEqual([{ field: "Nilai", before: "1, 2", after: "not json" }]);
    const nested = auditChangeLines(
      id,
      "id",
      { action: "x.y", before: null, after: '{"someThing":{"a_b":true}}' },
      names,
    );
    expect(nested).toEqual([{ field: "some thing", before: null, after: "a b: Ya" }]);
    expect(auditChangeLines(id, "id", { action: "seed.demo", before: null, after: null }, names)).toEqual([]);
  });

  it("names a row's subject", () => {
    expect(auditSubjectText(id, "stage:desk", names)).toBe("Tahap Seleksi Berkas");
    expect(auditSubjectText(en, "category:3", names)).toBe("Category Pemerintah Kabupaten/Kota");
    expect(auditSubjectText(en, "entry:12", names)).toBe("Entrant Kota Balikpapan");
    expect(auditSubjectText(en, "assignment:5/criterion:regulation", names)).toBe(
      "Assignment Sari Penilai, Seleksi Berkas · criterion Regulasi daerah",
    );
    // A replaced assignment is gone from the table: its number, never a raw key for a criterion known.
    expect(auditSubjectText(id, "assignment:99/criterion:unknown_key", names)).toBe(
      "Penugasan #99 · kriteria unknown_key",
    );
    expect(auditSubjectText(en, "edition", names)).toBe("Edition");
  });
});
