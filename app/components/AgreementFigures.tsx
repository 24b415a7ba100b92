import type { StageAgreement } from "../../scoring/index";
import { agreementBand } from "~/domain/plenary";
import { formatNumber } from "~/i18n/format";
import { useT } from "~/lib/use-t";

// The assessor agreement of one stage (issue 16, item 6): the two-way figures of the complete block
// (ICC(2,1), ICC(2,k), Kendall's W with the block's size), the one-way figures over entrants with
// at least two complete sheets (ICC(1,1), ICC(1,k̄) with k̄; scoring contract 2, §12), and the
// Koo & Li band of the figure that judges it: ICC(2,1) when a complete block exists, else ICC(1,1).
// A result of contract 1 (a published snapshot from before) has no one-way figures: only the
// two-way ones show.

/** The figure the band is judged by, or null when neither exists. */
export function judgedBy(a: StageAgreement): { figure: "ICC(2,1)" | "ICC(1,1)"; value: number } | null {
  if (a.icc2_1 !== null && Number.isFinite(a.icc2_1)) return { figure: "ICC(2,1)", value: a.icc2_1 };
  const one = a.oneWay?.icc1_1;
  if (one !== null && one !== undefined && Number.isFinite(one)) return { figure: "ICC(1,1)", value: one };
  return null;
}

const fig = (n: number | null | undefined) => formatNumber(n, 3);

/** `note`: the short note on the bands (default on; a page listing several stages shows it once). */
export function AgreementFigures({ agreement: a, note = true }: { agreement: StageAgreement; note?: boolean }) {
  const t = useT();
  const used = judgedBy(a);
  const band = used ? agreementBand(used.value) : null;
  const hasBlock = a.icc2_1 !== null || a.icc2_k !== null || a.kendallW !== null;
  return (
    <div className="agreement-figures">
      <dl>
        <div className="agreement-figures__group">
          <dt>{t("agreement.twoWay")}</dt>
          <dd>
            ICC(2,1) <span className="num">{fig(a.icc2_1)}</span> · ICC(2,k){" "}
            <span className="num">{fig(a.icc2_k)}</span>
            {a.kendallW !== null ? (
              <>
                {" "}
                · Kendall&apos;s W <span className="num">{fig(a.kendallW)}</span>
              </>
            ) : null}
            <br />
            <span className="muted small">
              {hasBlock
                ? t("agreement.block", { assessors: formatNumber(a.assessors), nominees: formatNumber(a.nominees) })
                : t("agreement.noBlock")}
            </span>
          </dd>
        </div>
        {a.oneWay ? (
          <div className="agreement-figures__group">
            <dt>{t("agreement.oneWay")}</dt>
            <dd>
              ICC(1,1) <span className="num">{fig(a.oneWay.icc1_1)}</span> · ICC(1,k̄){" "}
              <span className="num">{fig(a.oneWay.icc1_k)}</span>
              <br />
              <span className="muted small">
                {t("agreement.panelSize", { k: fig(a.oneWay.panelSize) })} · {t("agreement.oneWayNominees")}:{" "}
                {formatNumber(a.oneWay.nominees)}
              </span>
            </dd>
          </div>
        ) : null}
        <div className="agreement-figures__group">
          <dt>{t("agreement.level")}</dt>
          <dd data-band={band ?? undefined}>
            {used && band ? (
              <strong>
                {t("agreement.levelOf", {
                  band: t(`agreement.band.${band}`),
                  figure: used.figure,
                  value: fig(used.value),
                })}
              </strong>
            ) : (
              <>— {t("agreement.none")}</>
            )}
          </dd>
        </div>
      </dl>
      {note ? (
        <p className="muted small" role="note">
          {t("agreement.note")}
        </p>
      ) : null}
    </div>
  );
}
