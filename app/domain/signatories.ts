// Who signs an edition's certificates: one to three signatories, each a name and a title (e.g.
// "Gubernur Kalimantan Timur"), printed side by side in the order given. The form's schema is
// app/lib/signatories-form.server.ts.

export const MAX_SIGNATORIES = 3;

export interface Signatory {
  name: string;
  title: string;
}
