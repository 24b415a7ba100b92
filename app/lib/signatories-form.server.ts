import { z } from "zod";
import { MAX_SIGNATORIES, type Signatory } from "~/domain/signatories";

// The committee's signatories form (the rule itself, one to three signatories with a name and a
// title, is app/domain/signatories.ts). Server-only so that zod stays out of the page's bundle.

const part = z.string().trim().max(120, "committee.certificates.tooLong").default("");

/** One row of the form: both parts, or neither (an empty row is dropped). */
const row = z.object({ name: part, title: part }).superRefine((r, ctx) => {
  if (r.name === "" && r.title !== "")
    ctx.addIssue({ code: "custom", path: ["name"], message: "committee.certificates.nameRequired" });
  if (r.title === "" && r.name !== "")
    ctx.addIssue({ code: "custom", path: ["title"], message: "committee.certificates.titleRequired" });
});

/** The committee's form: `signatories.<i>.name` and `.title`, up to three rows, at least one filled. */
export const signatoriesForm = z
  .object({ signatories: z.array(row.optional()).max(MAX_SIGNATORIES, "form.invalid").default([]) })
  .transform((v): Signatory[] =>
    v.signatories.filter((r): r is Signatory => r !== undefined && (r.name !== "" || r.title !== "")),
  )
  .refine((rows) => rows.length > 0, {
    path: ["signatories", 0, "name"],
    message: "committee.certificates.atLeastOne",
  });
