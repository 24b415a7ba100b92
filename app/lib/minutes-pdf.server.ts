import { PDFDocument, PDFName, PDFString, rgb, type PDFFont, type PDFPage } from "pdf-lib";
import { withoutEntries, type MinutesContent, type MinutesRankingRow } from "~/domain/minutes";
import { agreementBand } from "~/domain/plenary";
import { PRIOR_GATE } from "~/domain/gates";
import { translator, type Locale, type T } from "~/i18n";
import { formatDate, formatNumber } from "~/i18n/format";
import { categoryName, stageIdName, stageName } from "~/i18n/labels";
import { notoSans, oneAtATime, reusingFontkit, WITHOUT_SHAPING, wrap } from "./certificate.server";
import { gateText } from "./indicators";
import { priorGateText } from "./prior-text";

// The minutes (berita acara) as an A4 portrait PDF, from their stored content, in the reader's
// language: the facts, the method, the agreement with its Koo & Li band, the ranking over as many
// pages as it needs, the decisions, the revisions, the panel present and the signature lines. Every
// page carries the minutes' SHA-256, the verification URL and its number. Noto Sans, embedded as a
// subset (the certificate's loader and fontkit), one document at a time.

export interface MinutesPdfInput {
  content: MinutesContent;
  sha256: string;
  verifyUrl: string;
  /** Panel members who confirmed in the app (their account, as the content's panel lists it) and when. */
  confirmations: readonly { userId: number; confirmedAt: string }[];
  /** Entries left out of this copy (the reader declared a conflict with them); 0: the whole record. */
  withheld?: number;
  t: T;
  locale: Locale;
}

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 50;
/** Room kept at the foot of each page for the hash, the URL and the page number. */
const FOOTER = 62;
const INK = rgb(0, 0, 0);
const NAVY = rgb(0.11, 0.23, 0.42);

/** Lays text out from the top of a page down, starting a new page when the next block does not fit. */
class Writer {
  page!: PDFPage;
  y = 0;
  readonly width = A4[0] - 2 * MARGIN;
  /** Called at the top of every page after the first (e.g. the table's header again). */
  onNewPage: (() => void) | null = null;

  constructor(
    readonly pdf: PDFDocument,
    readonly regular: PDFFont,
    readonly bold: PDFFont,
  ) {
    this.addPage();
  }

  addPage() {
    this.page = this.pdf.addPage(A4);
    this.y = A4[1] - MARGIN;
  }

  /** Makes room for `height` points, on a new page if need be. */
  need(height: number) {
    if (this.y - height < MARGIN + FOOTER) {
      this.addPage();
      this.onNewPage?.();
    }
  }

  text(
    s: string,
    o: { x?: number; size?: number; font?: PDFFont; width?: number; gap?: number; centre?: boolean } = {},
  ) {
    const size = o.size ?? 10;
    const font = o.font ?? this.regular;
    const x = MARGIN + (o.x ?? 0);
    const width = o.width ?? this.width - (o.x ?? 0);
    const lead = size * 1.35;
    for (const line of wrap(s, font, size, width)) {
      this.need(lead);
      const dx = o.centre ? (width - font.widthOfTextAtSize(line, size)) / 2 : 0;
      this.page.drawText(line, { x: x + dx, y: this.y - size, size, font, color: INK });
      this.y -= lead;
    }
    this.y -= o.gap ?? 0;
  }

  heading(s: string) {
    this.need(40);
    this.y -= 8;
    this.text(s, { size: 12, font: this.bold, gap: 2 });
  }
}

const num = (v: number | null, digits = 2) => formatNumber(v, digits);
const day = (ymd: string, locale: Locale) => formatDate(`${ymd}T12:00:00+07:00`, locale);

export function minutesPdf(input: MinutesPdfInput): Promise<Uint8Array> {
  return oneAtATime(() => makeMinutes(input));
}

async function makeMinutes({ content: c, sha256, verifyUrl, confirmations, withheld, t, locale }: MinutesPdfInput) {
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(reusingFontkit);
  pdf.setTitle(`${t("minutes.pdf.title")} — ${categoryName(t, c.category)}, ${stageName(t, c.stage)}`);
  pdf.setCreator("Paritrana Award");
  const regular = await pdf.embedFont(notoSans().regular, { subset: true, features: WITHOUT_SHAPING });
  const bold = await pdf.embedFont(notoSans().bold, { subset: true, features: WITHOUT_SHAPING });
  const w = new Writer(pdf, regular, bold);
  const category = categoryName(t, c.category);
  const stage = stageName(t, c.stage);
  const edition = `${c.edition.name} (${c.edition.year})`;

  w.text(t("minutes.pdf.title"), { size: 16, font: bold, centre: true, gap: 2 });
  w.text(`${category} — ${stage}`, { size: 12, centre: true });
  w.text(edition, { size: 11, centre: true, gap: 10 });
  w.text(
    t("minutes.pdf.opening", {
      date: day(c.heldOn, locale),
      place: c.place,
      category,
      stage,
      edition,
      chair: c.chair,
    }),
    { gap: 6 },
  );
  const facts: [string, string][] = [
    [t("minutes.pdf.edition"), `${edition}, ${t(`level.${c.edition.level}`)}, ${c.edition.region}`],
    [t("minutes.pdf.category"), category],
    [t("minutes.pdf.stage"), stage],
    [t("minutes.pdf.heldOn"), day(c.heldOn, locale)],
    [t("minutes.pdf.place"), c.place],
    [t("minutes.pdf.chair"), c.chair],
    [
      t("minutes.pdf.issued"),
      t("minutes.pdf.issuedBy", { at: formatDate(c.issuedAt, locale, true), name: c.issuedBy }),
    ],
  ];
  for (const [label, value] of facts) {
    const top = w.y;
    w.text(label, { font: bold, width: 120 });
    const after = w.y;
    w.y = top;
    w.text(value, { x: 130 });
    w.y = Math.min(w.y, after);
  }
  if (c.unsubmittedAtOpen > 0) w.text(t("minutes.pdf.unsubmitted", { n: formatNumber(c.unsubmittedAtOpen) }));
  if (withheld) w.text(t("minutes.pdf.withheld", { n: formatNumber(withheld) }));

  // Method.
  const m = c.method;
  w.heading(t("minutes.pdf.method"));
  w.text(
    t("minutes.pdf.aggregate", {
      kind: t(`minutes.pdf.aggregate.${m.aggregate.kind as "mean" | "median" | "trimmed-mean"}`),
      trim: formatNumber(m.aggregate.trim),
      minPanel: formatNumber(m.aggregate.minPanel),
    }),
  );
  w.text(
    t("minutes.pdf.calibration", {
      kind: t(`minutes.pdf.calibration.${m.calibration as "none" | "zscore" | "offset"}`),
    }),
  );
  w.text(t("minutes.pdf.ranking", { kind: t(`minutes.pdf.ranking.${m.ranking as "competition" | "dense"}`) }));
  w.text(t("minutes.pdf.disagreement", { sd: num(m.disagreementSd, 0) }));
  const last = m.stageWeights.at(-1)?.stage === c.stage;
  w.text(
    last
      ? t("minutes.pdf.advance.last")
      : m.advance === null
        ? t("minutes.pdf.advance.none")
        : "top" in m.advance
          ? t("minutes.pdf.advance.top", { top: formatNumber(m.advance.top) })
          : t("minutes.pdf.advance.minScore", { min: num(m.advance.minScore) }),
  );
  w.text(
    t("minutes.pdf.stageWeights", {
      list: m.stageWeights.map((s) => `${stageIdName(t, s.stage)} ${num(s.weight, 0)}`).join(", "),
    }),
  );
  w.text(
    t("minutes.pdf.criteria", {
      list: m.criteria
        .map((k) => `${(locale === "en" ? k.nameEn || k.nameId : k.nameId) || k.key} (${num(k.weight, 0)})`)
        .join("; "),
    }),
  );

  // Agreement.
  w.heading(t("minutes.pdf.agreement"));
  const a = c.agreement;
  const figure =
    a?.icc2_1 != null
      ? { name: "ICC(2,1)", value: a.icc2_1 }
      : a?.oneWay?.icc1_1 != null
        ? { name: "ICC(1,1)", value: a.oneWay.icc1_1 }
        : null;
  if (a) {
    w.text(
      t("minutes.pdf.twoWay", {
        icc21: num(a.icc2_1, 3),
        icc2k: num(a.icc2_k, 3),
        w: num(a.kendallW, 3),
        assessors: formatNumber(a.assessors),
        nominees: formatNumber(a.nominees),
      }),
    );
    if (a.oneWay)
      w.text(
        t("minutes.pdf.oneWay", {
          icc11: num(a.oneWay.icc1_1, 3),
          icc1k: num(a.oneWay.icc1_k, 3),
          k: num(a.oneWay.panelSize, 3),
          nominees: formatNumber(a.oneWay.nominees),
        }),
      );
  }
  const band = figure ? agreementBand(figure.value) : null;
  w.text(
    band && figure
      ? t("minutes.pdf.band", { figure: figure.name, band: t(`minutes.pdf.band.${band}`) })
      : t("minutes.pdf.noAgreement"),
  );

  // The ranking, its header repeated on each page it runs over.
  w.heading(t("minutes.pdf.rankingTitle"));
  rankingTable(w, c.ranking, t);
  if (c.ranking.some((r) => r.byDecision)) w.text(t("minutes.pdf.byDecisionNote"), { size: 9 });

  if (c.ineligible.length > 0) {
    w.heading(t("minutes.pdf.ineligible"));
    const failedText = (id: string) => {
      const gate = m.gates.find((g) => g.id === id);
      if (gate) return gateText(t, gate);
      if (id === PRIOR_GATE && m.priorMinScore !== null) return priorGateText(t, m.priorMinScore);
      return id === "override" ? t("minutes.pdf.override") : id;
    };
    for (const x of c.ineligible) w.text(`• ${x.organisation}: ${x.failed.map(failedText).join("; ")}`);
  }

  w.heading(t("minutes.pdf.decisions"));
  if (c.decisions.length === 0) w.text(t("minutes.pdf.none"));
  for (const d of c.decisions) {
    w.text(`• ${d.organisation} — ${t(`minutes.pdf.decision.${d.decision}`)}`, { font: bold });
    w.text(d.reason, { x: 12 });
    w.text(t("minutes.pdf.decisionBy", { name: d.decidedBy, at: formatDate(d.decidedAt, locale, true) }), {
      x: 12,
      size: 9,
    });
    if (d.withdrawnAt)
      w.text(
        t("minutes.pdf.decisionWithdrawn", {
          at: formatDate(d.withdrawnAt, locale, true),
          reason: d.withdrawalReason ?? "",
        }),
        { x: 12, size: 9 },
      );
  }

  w.heading(t("minutes.pdf.revisions"));
  if (c.revisions.length === 0) w.text(t("minutes.pdf.none"));
  for (const r of c.revisions) {
    const criterion =
      (locale === "en" ? r.criterion.nameEn || r.criterion.nameId : r.criterion.nameId) || r.criterion.key;
    w.text(
      `• ${t("minutes.pdf.revision", {
        organisation: r.organisation,
        sheet: r.assessor ?? t("minutes.pdf.sheet", { n: r.sheet }),
        criterion,
        old: num(r.oldValue, 0),
        new: num(r.newValue, 0),
        max: num(r.criterion.max, 0),
        at: formatDate(r.revisedAt, locale, true),
      })}`,
    );
    if (r.oldNote || r.newNote)
      w.text(t("minutes.pdf.notes", { old: r.oldNote || "–", new: r.newNote || "–" }), { x: 12, size: 9 });
  }

  w.heading(t("minutes.pdf.panel"));
  for (const p of c.panel) w.text(`• ${p.name} (${t(p.present ? "minutes.pdf.present" : "minutes.pdf.absent")})`);

  // Signature lines: the chair, then each panel member present, two to a row.
  w.heading(t("minutes.pdf.signatures"));
  const confirmedAt = new Map(confirmations.map((x) => [x.userId, x.confirmedAt]));
  const signers = [
    { role: t("minutes.pdf.role.chair"), name: c.chair, at: null as string | null },
    ...c.panel
      .filter((p) => p.present)
      .map((p) => ({ role: t("minutes.pdf.role.panel"), name: p.name, at: confirmedAt.get(p.userId) ?? null })),
  ];
  const column = w.width / 2;
  for (let i = 0; i < signers.length; i += 2) {
    w.need(90);
    const top = w.y;
    signers.slice(i, i + 2).forEach((s, k) => {
      const x = MARGIN + k * column;
      const lineY = top - 50;
      w.page.drawText(s.role, { x, y: top - 10, size: 9, font: regular, color: INK });
      w.page.drawLine({ start: { x, y: lineY }, end: { x: x + column - 30, y: lineY }, thickness: 0.8 });
      w.page.drawText(fit(s.name, bold, 10, column - 30), { x, y: lineY - 13, size: 10, font: bold, color: INK });
      if (s.at)
        w.page.drawText(t("minutes.pdf.confirmedInApp", { date: formatDate(s.at, locale, true) }), {
          x,
          y: lineY - 26,
          size: 8,
          font: regular,
          color: NAVY,
        });
    });
    w.y = top - 90;
  }

  footers(pdf, { regular, sha256, verifyUrl, t });
  return pdf.save({ useObjectStreams: false });
}

/** `text` cut with an ellipsis to fit `width` (a name in a signature column). */
function fit(text: string, font: PDFFont, size: number, width: number): string {
  if (font.widthOfTextAtSize(text, size) <= width) return text;
  let s = text;
  while (s.length > 1 && font.widthOfTextAtSize(`${s}…`, size) > width) s = s.slice(0, -1);
  return `${s}…`;
}

function rankingTable(w: Writer, rows: readonly MinutesRankingRow[], t: T) {
  // Column x offsets and widths: rank, entrant (the rest), stage score, running total, goes on.
  const cols = [
    { x: 0, width: 55, right: false },
    { x: 60, width: w.width - 60 - 210, right: false },
    { x: w.width - 205, width: 65, right: true },
    { x: w.width - 135, width: 75, right: true },
    { x: w.width - 50, width: 50, right: false },
  ];
  const row = (cells: string[], font: PDFFont, size = 9) => {
    const lines = cells.map((cell, i) => wrap(cell, font, size, cols[i]!.width));
    const height = Math.max(1, ...lines.map((l) => l.length)) * size * 1.3 + 3;
    w.need(height);
    lines.forEach((cellLines, i) => {
      const col = cols[i]!;
      cellLines.forEach((line, k) => {
        const dx = col.right ? col.width - font.widthOfTextAtSize(line, size) : 0;
        w.page.drawText(line, { x: MARGIN + col.x + dx, y: w.y - size - k * size * 1.3, size, font, color: INK });
      });
    });
    w.y -= height;
  };
  const header = () => {
    row(
      [
        t("minutes.pdf.col.rank"),
        t("minutes.pdf.col.organisation"),
        t("minutes.pdf.col.stageScore"),
        t("minutes.pdf.col.running"),
        t("minutes.pdf.col.goesOn"),
      ],
      w.bold,
    );
    w.page.drawLine({ start: { x: MARGIN, y: w.y + 1 }, end: { x: MARGIN + w.width, y: w.y + 1 }, thickness: 0.5 });
    w.y -= 2;
  };
  w.need(40);
  header();
  w.onNewPage = header;
  for (const r of rows)
    row(
      [
        formatNumber(r.rank),
        r.organisation,
        num(r.stageScore),
        num(r.running),
        r.goesOn === null
          ? "–"
          : r.goesOn
            ? t(r.byDecision ? "minutes.pdf.yesByDecision" : "minutes.pdf.yes")
            : t("minutes.pdf.no"),
      ],
      w.regular,
    );
  w.onNewPage = null;
  w.y -= 4;
}

/** On every page: the page number, the minutes' SHA-256 and the verification URL (also a link). */
function footers(pdf: PDFDocument, o: { regular: PDFFont; sha256: string; verifyUrl: string; t: T }) {
  const pages = pdf.getPages();
  pages.forEach((page, i) => {
    const draw = (text: string, y: number, size: number) => {
      const s = fit(text, o.regular, size, A4[0] - 2 * MARGIN);
      page.drawText(s, { x: MARGIN, y, size, font: o.regular, color: NAVY });
    };
    page.drawLine({ start: { x: MARGIN, y: 58 }, end: { x: A4[0] - MARGIN, y: 58 }, thickness: 0.5, color: NAVY });
    draw(o.t("minutes.pdf.hash", { hash: o.sha256 }), 46, 7.5);
    draw(o.t("minutes.pdf.verify", { url: o.verifyUrl }), 35, 7.5);
    const number = o.t("minutes.pdf.page", { n: formatNumber(i + 1), total: formatNumber(pages.length) });
    page.drawText(number, {
      x: A4[0] - MARGIN - o.regular.widthOfTextAtSize(number, 8),
      y: 22,
      size: 8,
      font: o.regular,
      color: INK,
    });
    const link = pdf.context.register(
      pdf.context.obj({
        Type: "Annot",
        Subtype: "Link",
        Rect: [MARGIN, 32, A4[0] - MARGIN, 43],
        Border: [0, 0, 0],
        A: { Type: "Action", S: "URI", URI: PDFString.of(o.verifyUrl) },
      }),
    );
    page.node.set(PDFName.of("Annots"), pdf.context.obj([link]));
  });
}

/** What a download of stored minutes needs (plain data: it crosses to the ranking worker). */
export interface StoredMinutesPdf {
  contentJson: string;
  sha256: string;
  verifyUrl: string;
  confirmations: { userId: number; confirmedAt: string }[];
  /** Entries the reader declared a conflict with: left out of this copy. */
  withheld: number[];
  locale: Locale;
}

/** The PDF of stored minutes in the reader's language, without the rows of `withheld` entries. */
export function storedMinutesPdf(m: StoredMinutesPdf): Promise<Uint8Array> {
  const content = JSON.parse(m.contentJson) as MinutesContent;
  const copy = withoutEntries(content, new Set(m.withheld));
  return minutesPdf({
    content: copy,
    withheld: content.ranking.length + content.ineligible.length - copy.ranking.length - copy.ineligible.length,
    sha256: m.sha256,
    verifyUrl: m.verifyUrl,
    confirmations: m.confirmations,
    t: translator(m.locale),
    locale: m.locale,
  });
}
