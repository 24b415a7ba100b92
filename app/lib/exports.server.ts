import { stringify } from "csv-stringify/sync";
import ExcelJS from "exceljs";
import type { ScoringInput, CategoryResult } from "../../scoring/index";

// Exports of a category's ranking and score matrix. Every number comes from score()'s result or
// from the submitted scores as they are stored; nothing is recomputed here.

export interface ExportContext {
  input: ScoringInput;
  result: CategoryResult;
  entryName: Map<string, string>;
  assessorName: Map<string, string>;
  criterionName: Map<string, string>;
  labels: {
    rank: string;
    organisation: string;
    total: string;
    reached: string;
    flags: string;
    assessor: string;
    entry: string;
  };
}

function rankingTable(c: ExportContext): (string | number)[][] {
  const stageIds = c.input.rubric.stages.map((s) => s.id);
  const critIds = c.input.rubric.criteria.map((x) => x.id);
  const head = [
    c.labels.rank,
    c.labels.entry,
    c.labels.organisation,
    c.labels.total,
    ...stageIds,
    c.labels.reached,
    ...critIds.map((k) => c.criterionName.get(k) ?? k),
    c.labels.flags,
  ];
  const rows = c.result.ranking.map((r) => [
    r.rank,
    r.nominee,
    c.entryName.get(r.nominee) ?? r.nominee,
    r.total,
    ...stageIds.map((s) => r.stages[s] ?? ""),
    r.reached,
    ...critIds.map((k) => r.criteria[k]?.value ?? ""),
    r.flags.join(" "),
  ]);
  return [head, ...rows];
}

function matrixTable(c: ExportContext): (string | number)[][] {
  const judged = c.input.rubric.criteria.filter((x) => x.type === "judged").map((x) => x.id);
  const head = [
    c.labels.entry,
    c.labels.organisation,
    c.labels.assessor,
    ...judged.map((k) => c.criterionName.get(k) ?? k),
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
      nominee,
      c.entryName.get(nominee) ?? nominee,
      c.assessorName.get(assessor) ?? assessor,
      ...judged.map((k) => row.get(k) ?? ""),
    ];
  });
  return [head, ...rows];
}

// A spreadsheet runs a text cell as a formula when its first character, after any leading blanks
// (space, tab, no-break space, BOM), is = + - @ (or their full-width forms); a leading tab or
// carriage return alone is also a known trigger. Such text gets a leading quote. Only strings are
// guarded: a negative score written as a number stays a number.
const FORMULA_START = /^\s*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]|^[\t\r]/;
const guardFormula = (s: string) => (FORMULA_START.test(s) ? `'${s}` : s);

/** UTF-8 with a BOM and CRLF records (as Excel opens it); cells with ";" are quoted too (the list separator of Indonesian Excel). */
export function toCsv(rows: (string | number)[][]): string {
  return stringify(rows, {
    bom: true,
    record_delimiter: "windows",
    quote_record_delimiter: true,
    quoted_match: /;/,
    cast: { string: guardFormula },
  });
}

export const rankingCsv = (c: ExportContext) => toCsv(rankingTable(c));
export const matrixCsv = (c: ExportContext) => toCsv(matrixTable(c));

export async function workbook(c: ExportContext, sheetNames: { ranking: string; matrix: string }): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Paritrana Award";
  for (const [name, table] of [
    [sheetNames.ranking, rankingTable(c)],
    [sheetNames.matrix, matrixTable(c)],
  ] as const) {
    const ws = wb.addWorksheet(name.slice(0, 31));
    for (const row of table) ws.addRow(row);
    ws.getRow(1).font = { bold: true };
    ws.views = [{ state: "frozen", ySplit: 1 }];
    ws.columns.forEach((col) => {
      col.width = 16;
    });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
