import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import fontkit from "@pdf-lib/fontkit";
import { PDFDocument, PDFName, PDFString, rgb, type PDFFont, type PDFPage } from "pdf-lib";
import type { Signatory } from "~/domain/signatories";

// The certificate of award (piagam penghargaan): one A4 landscape page with the organisation, the
// place, the category and edition, the signature lines of the edition's signatories, and the
// verification URL carrying the snapshot's SHA-256. Text is set in Noto Sans (OFL-1.1, from
// @embedpdf/fonts-latin), embedded as a subset with its Unicode map: pdf-lib's standard fonts
// speak WinAnsi only, and printed "?" for em dashes, curly quotes and Latin Extended letters.

export interface CertificateText {
  title: string;
  givenTo: string;
  organisation: string;
  region: string;
  award: string;
  category: string;
  edition: string;
  date: string;
  /** Printed side by side above the verification line; none: no signature lines. */
  signatories: readonly Signatory[];
  verifyLabel: string;
  /** Absent on a draft (not yet published). */
  verifyUrl: string | null;
  draftMark: string | null;
}

const require = createRequire(import.meta.url);
let fonts: { regular: Uint8Array; bold: Uint8Array } | undefined;
/** The Noto Sans files, read once. The package exports no file paths: they sit beside its dist/. */
export function notoSans() {
  if (!fonts) {
    const dir = join(dirname(require.resolve("@embedpdf/fonts-latin")), "..", "fonts");
    fonts = {
      regular: readFileSync(join(dir, "NotoSans-Regular.ttf")),
      bold: readFileSync(join(dir, "NotoSans-Bold.ttf")),
    };
  }
  return fonts;
}

/** The lines of `text` in `font` at `size`, broken between words to fit `width` (a long word stays whole). */
export function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const last = lines.at(-1);
    if (last !== undefined && font.widthOfTextAtSize(`${last} ${word}`, size) <= width)
      lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

/** Centres `text` on `cx`, shrunk (down to 7 pt) until it fits `width`. */
function centred(
  page: PDFPage,
  text: string,
  o: { cx: number; y: number; size: number; width: number; font: PDFFont },
) {
  let size = o.size;
  while (o.font.widthOfTextAtSize(text, size) > o.width && size > 7) size -= 0.5;
  const w = o.font.widthOfTextAtSize(text, size);
  page.drawText(text, { x: o.cx - w / 2, y: o.y, size, font: o.font, color: rgb(0, 0, 0) });
}

type Fontkit = Parameters<PDFDocument["registerFontkit"]>[0];
type ParsedFont = ReturnType<Fontkit["create"]> & { _glyphs: Record<number, unknown> };
const parsedFonts = new Map<Uint8Array, ParsedFont>();
/**
 * fontkit, keeping each parsed font for the next certificate. pdf-lib parses the font anew for
 * every document, and the first text laid out in a fresh Noto Sans reads its OpenType lookups:
 * some 300 ms of CPU per certificate, which held up every other request. The parsed tables are
 * read only; fontkit's glyph cache is not (the subset writer caches component glyphs without
 * their code points, which would leave holes in the next document's ToUnicode map), so each
 * document starts with an empty glyph cache, and documents are made one at a time (below).
 */
export const reusingFontkit: Fontkit = {
  create(bytes, postscriptName) {
    let font = parsedFonts.get(bytes);
    if (!font) {
      font = fontkit.create(bytes, postscriptName) as ParsedFont;
      parsedFonts.set(bytes, font);
    }
    font._glyphs = {};
    return font;
  },
};

/**
 * OpenType features turned off for long documents (the minutes): fontkit shapes every string it
 * measures or draws through the font's lookups, about 1 ms each, which makes a ranking of 500
 * seconds long; Latin text set without kerning and ligatures reads the same.
 */
export const WITHOUT_SHAPING: Record<string, boolean> = Object.fromEntries(
  [
    "ccmp",
    "locl",
    "rlig",
    "mark",
    "mkmk",
    "frac",
    "numr",
    "dnom",
    "calt",
    "clig",
    "liga",
    "rclt",
    "curs",
    "kern",
    "rvrn",
  ].map((f) => [f, false]),
);

// One document at a time (certificates and minutes): a document's glyphs must not come from
// another's half-made cache.
let queue: Promise<unknown> = Promise.resolve();

/** Runs `make` after every document already being made with the shared fonts. */
export function oneAtATime<R>(make: () => Promise<R>): Promise<R> {
  const next = queue.then(make);
  queue = next.catch(() => undefined);
  return next;
}

export function certificatePdf(c: CertificateText): Promise<Uint8Array> {
  return oneAtATime(() => makeCertificate(c));
}

async function makeCertificate(c: CertificateText): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(reusingFontkit);
  pdf.setTitle(`${c.title} — ${c.organisation}`);
  pdf.setCreator("Paritrana Award");
  const page = pdf.addPage([841.89, 595.28]);
  // Subsets: only the glyphs used, so the file stays small (tens of KB, not the fonts' 600 KB each).
  const serif = await pdf.embedFont(notoSans().regular, { subset: true });
  const bold = await pdf.embedFont(notoSans().bold, { subset: true });
  const { width, height } = page.getSize();
  const navy = rgb(0.11, 0.23, 0.42);
  page.drawRectangle({ x: 24, y: 24, width: width - 48, height: height - 48, borderColor: navy, borderWidth: 3 });
  page.drawRectangle({ x: 34, y: 34, width: width - 68, height: height - 68, borderColor: navy, borderWidth: 1 });
  const center = (text: string, y: number, size: number, font = serif, color = rgb(0, 0, 0)) => {
    let s = size;
    while (font.widthOfTextAtSize(text, s) > width - 120 && s > 8) s -= 1;
    page.drawText(text, { x: (width - font.widthOfTextAtSize(text, s)) / 2, y, size: s, font, color });
  };
  center(c.title.toUpperCase(), height - 100, 34, bold, navy);
  center(c.givenTo, height - 148, 16);
  center(c.organisation, height - 192, 28, bold);
  center(c.region, height - 220, 14);
  center(c.award, height - 265, 24, bold, navy);
  center(c.category, height - 297, 16);
  center(c.edition, height - 323, 14);
  center(c.date, height - 349, 13);

  // Signature lines: one column each, a space to sign above the line, the name under it (bold)
  // and the title (up to two lines) under the name.
  const signatories = c.signatories.slice(0, 3);
  if (signatories.length > 0) {
    const column = (width - 120) / signatories.length;
    const lineY = 170;
    signatories.forEach((s, i) => {
      const cx = 60 + column * (i + 0.5);
      const span = Math.min(column - 30, 220);
      page.drawLine({ start: { x: cx - span / 2, y: lineY }, end: { x: cx + span / 2, y: lineY }, thickness: 0.8 });
      centred(page, s.name, { cx, y: lineY - 16, size: 12, width: column - 20, font: bold });
      const lines = wrap(s.title, serif, 10, column - 20);
      const shown = lines.length > 2 ? [lines[0]!, lines.slice(1).join(" ")] : lines;
      shown.forEach((line, k) =>
        centred(page, line, { cx, y: lineY - 31 - 12 * k, size: 10, width: column - 20, font: serif }),
      );
    });
  }

  if (c.verifyUrl) {
    center(c.verifyLabel, 78, 10);
    center(c.verifyUrl, 62, 9);
    // The URL is also a link (a URI annotation), so that a reader can open it with one click.
    const link = pdf.context.register(
      pdf.context.obj({
        Type: "Annot",
        Subtype: "Link",
        Rect: [60, 56, width - 60, 74],
        Border: [0, 0, 0],
        A: { Type: "Action", S: "URI", URI: PDFString.of(c.verifyUrl) },
      }),
    );
    page.node.set(PDFName.of("Annots"), pdf.context.obj([link]));
  }
  if (c.draftMark) center(c.draftMark, height / 2 - 40, 60, bold, rgb(0.8, 0.1, 0.1));
  return pdf.save({ useObjectStreams: false });
}
