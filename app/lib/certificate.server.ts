import { PDFDocument, PDFName, PDFString, StandardFonts, rgb } from "pdf-lib";

// The certificate of award (piagam penghargaan): one A4 landscape page with the organisation, the
// place, the category and edition, and the verification URL carrying the snapshot's SHA-256.

export interface CertificateText {
  title: string;
  givenTo: string;
  organisation: string;
  region: string;
  award: string;
  category: string;
  edition: string;
  date: string;
  verifyLabel: string;
  /** Absent on a draft (not yet published). */
  verifyUrl: string | null;
  draftMark: string | null;
}

/** pdf-lib's standard fonts speak WinAnsi only: replace what they cannot draw. */
function winAnsi(s: string): string {
  return s
    .replace(/[\u2013\u2014]/g, "-")
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201C\u201D]/g, '"')
    .replace(/[^\x20-\x7E\u00A0-\u00FF]/g, "?");
}

export async function certificatePdf(c: CertificateText): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(winAnsi(`${c.title} - ${c.organisation}`));
  pdf.setCreator("Paritrana Award");
  const page = pdf.addPage([841.89, 595.28]);
  const serif = await pdf.embedFont(StandardFonts.TimesRoman);
  const bold = await pdf.embedFont(StandardFonts.TimesRomanBold);
  const mono = await pdf.embedFont(StandardFonts.Courier);
  const { width, height } = page.getSize();
  const navy = rgb(0.11, 0.23, 0.42);
  page.drawRectangle({ x: 24, y: 24, width: width - 48, height: height - 48, borderColor: navy, borderWidth: 3 });
  page.drawRectangle({ x: 34, y: 34, width: width - 68, height: height - 68, borderColor: navy, borderWidth: 1 });
  const center = (text: string, y: number, size: number, font = serif, color = rgb(0, 0, 0)) => {
    const t = winAnsi(text);
    let s = size;
    while (font.widthOfTextAtSize(t, s) > width - 120 && s > 8) s -= 1;
    page.drawText(t, { x: (width - font.widthOfTextAtSize(t, s)) / 2, y, size: s, font, color });
  };
  center(c.title.toUpperCase(), height - 120, 34, bold, navy);
  center(c.givenTo, height - 175, 16);
  center(c.organisation, height - 225, 28, bold);
  center(c.region, height - 255, 14);
  center(c.award, height - 310, 24, bold, navy);
  center(c.category, height - 345, 16);
  center(c.edition, height - 375, 14);
  center(c.date, height - 405, 13);
  if (c.verifyUrl) {
    center(c.verifyLabel, 92, 11);
    center(c.verifyUrl, 74, 9, mono);
    // The URL is also a link (a URI annotation), so that a reader can open it with one click.
    const link = pdf.context.register(
      pdf.context.obj({
        Type: "Annot",
        Subtype: "Link",
        Rect: [60, 66, width - 60, 86],
        Border: [0, 0, 0],
        A: { Type: "Action", S: "URI", URI: PDFString.of(winAnsi(c.verifyUrl)) },
      }),
    );
    page.node.set(PDFName.of("Annots"), pdf.context.obj([link]));
  }
  if (c.draftMark) center(c.draftMark, height / 2 - 40, 60, bold, rgb(0.8, 0.1, 0.1));
  return pdf.save({ useObjectStreams: false });
}
