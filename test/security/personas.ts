import type { Persona } from "../e2e/support";

/** The demo accounts of the personas in test/e2e/route-table.ts (password: paritrana2023). */
export const ACCOUNTS_BY_PERSONA: Record<Exclude<Persona, "anonymous">, string> = {
  admin: "admin@paritrana.test",
  committee: "panitia@paritrana.test",
  assessor: "penilai1@paritrana.test",
  juror: "juri1@paritrana.test",
  entrantA: "peserta@mahakam-energi.paritrana.test",
  entrantB: "peserta@borneo-sawit.paritrana.test",
};
