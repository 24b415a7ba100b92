// How the national rubric's use of the provincial total reads in the UI (the rubric page, the
// ranking's explanation of ineligible entries and ties). The rule is scoring's
// (docs/scoring-contract.md §1, §10); this only says it.
import type { T } from "~/i18n";
import { formatNumber } from "~/i18n/format";
import type { RubricPrior } from "~/domain/rubric";

/** The option in words, one sentence per part; "context only" when the rubric asks for nothing. */
export function priorOptionText(t: T, prior: RubricPrior | null | undefined): string[] {
  if (!prior || (prior.minScore === undefined && !prior.tieBreak)) return [t("rubricForm.priorNone")];
  return [
    ...(prior.minScore !== undefined
      ? [t("rubricForm.priorMinText", { min: formatNumber(prior.minScore, 0, 6) })]
      : []),
    ...(prior.tieBreak ? [t("rubricForm.priorTieBreakText")] : []),
  ];
}

/** What an ineligible nominee's failed "prior" means: its provincial total is below the minimum. */
export function priorGateText(t: T, minScore: number): string {
  return t("committee.ranking.priorBelow", { min: formatNumber(minScore, 0, 6) });
}
