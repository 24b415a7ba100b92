import { decodePDFRawStream, PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, PDFRef } from "pdf-lib";

// A small text extraction for the certificates' PDFs, as a reader's copy-and-paste sees them:
// each text-showing operator (`<hex> Tj`) of every page, decoded through its font's ToUnicode
// map (a composite font: 2-byte glyph ids), or byte by byte as Latin-1 when the font has none
// (pdf-lib's standard fonts, WinAnsi).

function bytesOf(stream: PDFRawStream): string {
  return Buffer.from(decodePDFRawStream(stream).decode()).toString("latin1");
}

const utf16 = (hex: string) => String.fromCharCode(...(hex.match(/.{4}/g) ?? []).map((h) => parseInt(h, 16)));

/** The glyph id → text map of a ToUnicode CMap (bfchar and bfrange entries). */
function toUnicode(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g))
    for (const [, src, dst] of block[1]!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g))
      map.set(parseInt(src!, 16), utf16(dst!));
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g))
    for (const [, lo, hi, dst] of block[1]!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) {
      const start = parseInt(dst!, 16);
      for (let g = parseInt(lo!, 16); g <= parseInt(hi!, 16); g++)
        map.set(g, String.fromCharCode(start + g - parseInt(lo!, 16)));
    }
  return map;
}

export interface PdfFont {
  /** The font's resource name on the page, e.g. "F1". */
  resource: string;
  baseFont: string;
  subtype: string;
  /** Whether the font program is in the file (a TrueType font file in its descriptor). */
  embedded: boolean;
}

/** The fonts of the pages and the text they show, one string per text operator, page after page. */
export async function pdfText(bytes: Uint8Array): Promise<{ lines: string[]; fonts: PdfFont[]; pages: string[][] }> {
  const doc = await PDFDocument.load(bytes);
  const fonts: PdfFont[] = [];
  const pages: string[][] = [];
  for (const page of doc.getPages()) {
    const fontDict = page.node.Resources()!.lookup(PDFName.of("Font"), PDFDict);
    const maps = new Map<string, Map<number, string> | null>();
    for (const [name, ref] of fontDict.entries()) {
      const font = doc.context.lookup(ref, PDFDict);
      const tu = font.lookup(PDFName.of("ToUnicode"));
      const resource = name.asString().slice(1);
      maps.set(resource, tu instanceof PDFRawStream ? toUnicode(bytesOf(tu)) : null);
      const descendant = font.lookup(PDFName.of("DescendantFonts"));
      const cid = descendant instanceof PDFArray ? doc.context.lookup(descendant.get(0), PDFDict) : undefined;
      const descriptor = (cid ?? font).lookup(PDFName.of("FontDescriptor"));
      if (fonts.some((f) => f.resource === resource)) continue;
      fonts.push({
        resource,
        baseFont: String(font.get(PDFName.of("BaseFont"))).slice(1),
        subtype: String(font.get(PDFName.of("Subtype"))).slice(1),
        embedded: descriptor instanceof PDFDict && descriptor.get(PDFName.of("FontFile2")) instanceof PDFRef,
      });
    }
    const contents = page.node.Contents();
    const streams =
      contents instanceof PDFArray
        ? contents.asArray().map((r) => doc.context.lookup(r) as PDFRawStream)
        : [contents as PDFRawStream];
    const lines: string[] = [];
    let map: Map<number, string> | null = null;
    for (const content of streams.map(bytesOf)) {
      for (const m of content.matchAll(/\/([^\s/]+)\s+[\d.]+\s+Tf|<([0-9A-Fa-f]*)>\s*Tj/g)) {
        if (m[1] !== undefined) map = maps.get(m[1]) ?? null;
        else if (map)
          lines.push((m[2]!.match(/.{4}/g) ?? []).map((g) => map!.get(parseInt(g, 16)) ?? "\uFFFD").join(""));
        else lines.push(Buffer.from(m[2]!, "hex").toString("latin1"));
      }
    }
    pages.push(lines);
  }
  return { lines: pages.flat(), fonts, pages };
}
