// How indicators and gates read in the UI, the same on every page (portal, assessor, scorecard).
// Whether a gate holds is scoring's rule (gateHolds), never a comparison of our own.
import { isMessageKey, type T } from "~/i18n";
import { formatNumber, formatPercent } from "~/i18n/format";
import { gateHolds, type GateOp } from "~/domain/gates";

/** The indicator's label; an indicator the UI has no text for (a custom rubric) shows its key. */
export function indicatorLabel(t: T, indicator: string): string {
  const key = `indicator.${indicator}`;
  return isMessageKey(key) ? t(key) : indicator;
}

/** Percentages (keys ending in `_pct`) with a % sign, other indicators as plain numbers. */
export function formatIndicator(indicator: string, value: number | null | undefined): string {
  if (value === null || value === undefined) return "–";
  return indicator.endsWith("_pct") ? formatPercent(value, 2) : formatNumber(value, 0, 2);
}

const OP_SYMBOL: Record<GateOp, string> = { "<": "<", "<=": "≤", ">": ">", ">=": "≥", "==": "=", "!=": "≠" };

/** A gate as a rule people read: "Bulan tunggakan iuran ≤ 0". */
export function gateText(t: T, gate: { indicator: string; op: string; value: number }): string {
  return `${indicatorLabel(t, gate.indicator)} ${OP_SYMBOL[gate.op as GateOp] ?? gate.op} ${formatIndicator(gate.indicator, gate.value)}`;
}

/** Whether the value passes the gate; null when the indicator is missing (which fails it). */
export function gatePasses(gate: { op: string; value: number }, value: number | null | undefined): boolean | null {
  return value === null || value === undefined ? null : gateHolds(gate.op as GateOp, value, gate.value);
}
