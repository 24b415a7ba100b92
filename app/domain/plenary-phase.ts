import type { StageStatus } from "../../db/schema";

// Where a plenary stands, as the committee's overview and the panel's home show it: not opened,
// open (discussion), minutes issued (waiting for the panel's confirmations), closed (its stage is).

export type PlenaryPhase = "not_opened" | "open" | "minutes_issued" | "closed";

export const PHASE_TONE = {
  not_opened: "neutral",
  open: "info",
  minutes_issued: "warn",
  closed: "good",
} as const satisfies Record<PlenaryPhase, string>;

/** The phase of a plenary (null: none opened), from its stage's status and whether current minutes exist. */
export function plenaryPhase(p: { stageStatus: StageStatus; hasMinutes: boolean } | null): PlenaryPhase {
  if (p === null) return "not_opened";
  if (p.stageStatus === "closed") return "closed";
  return p.hasMinutes ? "minutes_issued" : "open";
}
