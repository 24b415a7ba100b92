import { describe, expect, it } from "vitest";
import { CONFLICT_KINDS } from "../../app/domain/conflicts";
import { translator } from "../../app/i18n";
import { conflictKindName } from "../../app/i18n/labels";

// Issue 10, item 5: the assign page showed the conflict kind as its code ("related_to").
describe("conflictKindName", () => {
  it("names every conflict kind in both languages, never as its code", () => {
    for (const locale of ["id", "en"] as const) {
      const names = CONFLICT_KINDS.map((k) => conflictKindName(translator(locale), k));
      for (const [i, name] of names.entries()) expect(name).not.toBe(CONFLICT_KINDS[i]);
      expect(new Set(names).size).toBe(CONFLICT_KINDS.length);
    }
    expect(conflictKindName(translator("id"), "related_to")).toBe("Hubungan keluarga dengan pimpinan atau pegawai");
  });
});
