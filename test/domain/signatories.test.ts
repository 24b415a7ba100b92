import { describe, expect, it } from "vitest";
import { signatoriesForm } from "../../app/lib/signatories-form.server";
import { formValues } from "../../app/lib/forms";

const form = (fields: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.set(k, v);
  return signatoriesForm.safeParse(formValues(f));
};
const issues = (r: ReturnType<typeof form>) =>
  r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [i.path.join("."), i.message]));

describe("the signatories form", () => {
  it("keeps filled rows in order, trimmed, and drops empty ones", () => {
    const r = form({
      "signatories.0.name": "  Dr. H. Akmal Malik ",
      "signatories.0.title": "Gubernur Kalimantan Timur",
      "signatories.1.name": "",
      "signatories.1.title": "",
      "signatories.2.name": "Rudi Hartono",
      "signatories.2.title": "Kepala Kantor Wilayah",
    });
    expect(r.success && r.data).toEqual([
      { name: "Dr. H. Akmal Malik", title: "Gubernur Kalimantan Timur" },
      { name: "Rudi Hartono", title: "Kepala Kantor Wilayah" },
    ]);
  });

  it("refuses a row with a name but no title (and the reverse) on the missing field", () => {
    const r = form({ "signatories.0.name": "Rudi", "signatories.1.title": "Gubernur" });
    expect(issues(r)).toEqual({
      "signatories.0.title": "committee.certificates.titleRequired",
      "signatories.1.name": "committee.certificates.nameRequired",
    });
  });

  it("needs at least one signatory, at most three, each part at most 120 characters", () => {
    expect(issues(form({}))).toEqual({ "signatories.0.name": "committee.certificates.atLeastOne" });
    expect(form({ "signatories.3.name": "A", "signatories.3.title": "B" }).success).toBe(false);
    expect(issues(form({ "signatories.0.name": "x".repeat(121), "signatories.0.title": "T" }))).toEqual({
      "signatories.0.name": "committee.certificates.tooLong",
    });
  });
});
