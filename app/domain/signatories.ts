import { z } from "zod";

// Who signs an edition's certificates: one to three signatories, each a name and a title (e.g.
// "Gubernur Kalimantan Timur"), printed side by side in the order given.

export const MAX_SIGNATORIES = 3;

export interface Signatory {
  name: string;
  title: string;
}

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
