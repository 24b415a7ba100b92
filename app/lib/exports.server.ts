import { stringify } from "csv-stringify/sync";
import ExcelJS from "exceljs";
import type { ScoringInput, CategoryResult } from "../../scoring/index";
import type { T } from "~/i18n";
import { stageIdName } from "~/i18n/labels";
import { flagText, type ResultNames } from "~/i18n/result-labels";

// Exports of a category's ranking and score matrix. Every number comes from score()'s result or
// from the submitted scores as they are stored; nothing is recomputed here. Headers, stages and
// flags are in words in the requesting user's language; numbers stay numbers.

export interface ExportContext {
  input: ScoringInput;
  result: CategoryResult;
  /** The requesting user's language: headers, stage names and flags are written in it. */
  t: T;
  entryName: Map<string, string>;
  assessorName: Map<string, string>;
  criterionName: Map<string, string>;
}

type Cell = string | number | null;
/** How a column's numbers are shown in the workbook: whole numbers, or scores with two decimals. */
type ColumnKind = "text" | "whole" | "score";
interface Table {
  columns: { header: string; kind: ColumnKind }[];
  rows: Cell[][];
}

const NUMBER_FORMAT: Record<ColumnKind, string | undefined> = { text: undefined, whole: "0", score: "0.00" };

/** An entry number as a number (the scoring ids of entries are their database ids as text). */
const entryNumber = (id: string): Cell => (/^\d{1,15}$/.test(id) ? Number(id) : id);

function names(c: ExportContext): ResultNames {
  return {
    criterion: (id) => c.criterionName.get(id) ?? id,
    assessor: (id) => c.assessorName.get(id) ?? id,
  };
}

function rankingTable(c: ExportContext): Table {
  const { t } = c;
  const stageIds = c.input.rubric.stages.map((s) => s.id);
  const critIds = c.input.rubric.criteria.map((x) => x.id);
  const n = names(c);
  const columns: Table["columns"] = [
    { header: t("committee.ranking.rank"), kind: "whole" },
    { header: t("committee.export.entry"), kind: "whole" },
    { header: t("common.organisation"), kind: "text" },
    { header: t("committee.ranking.total"), kind: "score" },
    ...stageIds.map((s) => ({ header: stageIdName(t, s), kind: "score" as const })),
    { header: t("committee.ranking.reached"), kind: "text" },
    ...critIds.map((k) => ({ header: n.criterion(k), kind: "score" as const })),
    { header: t("committee.ranking.flags"), kind: "text" },
  ];
  const rows = c.result.ranking.map((r) => [
    r.rank,
    entryNumber(r.nominee),
    c.entryName.get(r.nominee) ?? r.nominee,
    r.total,
    ...stageIds.map((s) => r.stages[s] ?? null),
    stageIdName(t, r.reached),
    ...critIds.map((k) => r.criteria[k]?.value ?? null),
    r.flags.map((f) => flagText(t, f, n)).join("; "),
  ]);
  return { columns, rows };
}

function matrixTable(c: ExportContext): Table {
  const { t } = c;
  const judged = c.input.rubric.criteria.filter((x) => x.type === "judged").map((x) => x.id);
  const columns: Table["columns"] = [
    { header: t("committee.export.entry"), kind: "whole" },
    { header: t("common.organisation"), kind: "text" },
    { header: t("role.assessor"), kind: "text" },
    ...judged.map((k) => ({ header: c.criterionName.get(k) ?? k, kind: "score" as const })),
  ];
  const cells = new Map<string, Map<string, number>>();
  for (const s of c.input.scores) {
    const key = `${s.nominee}\u0000${s.assessor}`;
    const row = cells.get(key) ?? new Map<string, number>();
    row.set(s.criterion, s.value);
    cells.set(key, row);
  }
  const keys = [...cells.keys()].sort((a, b) => {
    const [na, aa] = a.split("\u0000");
    const [nb, ab] = b.split("\u0000");
    return Number(na) - Number(nb) || Number(aa) - Number(ab) || a.localeCompare(b);
  });
  const rows = keys.map((key) => {
    const [nominee = "", assessor = ""] = key.split("\u0000");
    const row = cells.get(key)!;
    return [
      entryNumber(nominee),
      c.entryName.get(nominee) ?? nominee,
      c.assessorName.get(assessor) ?? assessor,
      ...judged.map((k) => row.get(k) ?? null),
    ];
  });
  return { columns, rows };
}

const plainRows = (table: Table): Cell[][] => [table.columns.map((col) => col.header), ...table.rows];

// A spreadsheet runs a text cell as a formula when its first character, after any leading blanks
// (space, tab, no-break space, BOM), is = + - @ (or their full-width forms); a leading tab or
// carriage return alone is also a known trigger. Such text gets a leading quote. Only strings are
// guarded: a negative score written as a number stays a number.
const FORMULA_START = /^\s*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]|^[\t\r]/;
const guardFormula = (s: string) => (FORMULA_START.test(s) ? `'${s}` : s);

/** UTF-8 with a BOM and CRLF records (as Excel opens it); cells with ";" are quoted too (the list separator of Indonesian Excel). */
export function toCsv(rows: Cell[][]): string {
  return stringify(rows, {
    bom: true,
    record_delimiter: "windows",
    quote_record_delimiter: true,
    quoted_match: /;/,
    cast: { string: guardFormula },
  });
}

export const rankingCsv = (c: ExportContext) => toCsv(plainRows(rankingTable(c)));
export const matrixCsv = (c: ExportContext) => toCsv(plainRows(matrixTable(c)));

/**
 * The ranking and the matrix as two sheets. Numbers are number cells with a number format, so a
 * spreadsheet shows them in its reader's locale (82,80 in Indonesian) and can compute with them.
 */
export async function workbook(c: ExportContext): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Paritrana Award";
  for (const [name, table] of [
    [c.t("committee.overview.ranking"), rankingTable(c)],
    [c.t("committee.export.matrix"), matrixTable(c)],
  ] as const) {
    const ws = wb.addWorksheet(name.slice(0, 31));
    ws.addRow(table.columns.map((col) => col.header)).font = { bold: true };
    for (const row of table.rows) ws.addRow(row);
    ws.views = [{ state: "frozen", ySplit: 1 }];
    table.columns.forEach((col, i) => {
      const column = ws.getColumn(i + 1);
      column.width = col.kind === "text" ? 28 : 14;
      const numFmt = NUMBER_FORMAT[col.kind];
      if (numFmt)
        column.eachCell((cell, rowNumber) => {
          if (rowNumber > 1 && typeof cell.value === "number") cell.numFmt = numFmt;
        });
    });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
