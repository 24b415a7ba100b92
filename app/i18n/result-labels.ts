// Texts of what score() returns in code: flags ("kind:subject", docs/scoring-contract.md §14)
// and sensitivity variants ("weight:<criterion>:+10%", "without:<assessor>"). The ranking page
// and the exports both print them through here.
import { isMessageKey, type T } from "./index";

/** Names of the ids a result mentions (criterion id → name, assessor id → name); an unknown id stays as is. */
export interface ResultNames {
  criterion: (id: string) => string;
  assessor: (id: string) => string;
}

/** A flag in words: "disagreement:extra_protection" → "Penilai berbeda pendapat: Perlindungan tambahan". */
export function flagText(t: T, flag: string, names: ResultNames): string {
  const [kind = "", subject = ""] = flag.split(/:(.*)/s);
  const name = kind === "calibration-skipped" ? names.assessor(subject) : names.criterion(subject);
  const key = `committee.flag.${kind}`;
  return isMessageKey(key) ? t(key, { name }) : flag;
}

/** A sensitivity variant in words: "Bobot Regulasi +10%", "Tanpa Sari". */
export function variantText(t: T, variant: string, names: ResultNames): string {
  const [, criterion, change] = variant.match(/^weight:(.+):([+-].+)$/) ?? [];
  if (criterion !== undefined && change !== undefined)
    return t("committee.ranking.variantWeight", { criterion: names.criterion(criterion), change });
  const [, assessor] = variant.match(/^without:(.+)$/) ?? [];
  return assessor !== undefined
    ? t("committee.ranking.variantWithout", { assessor: names.assessor(assessor) })
    : variant;
}
