import { describe, expect, it } from "vitest";
import { certificatePdf, type CertificateText } from "../../app/lib/certificate.server";
import { pdfText } from "./pdf-text";

// The certificate speaks Unicode: names with an em dash, curly quotes and Latin Extended letters
// print as typed (pdf-lib's standard fonts printed "-", "'" and "?"), read back through the
// embedded font's ToUnicode map; the edition's signatories stand under their signature lines.

const base: CertificateText = {
  title: "Piagam Penghargaan",
  givenTo: "diberikan kepada",
  organisation: "PT Łódź Đồng — ‘Karya’ Mitra’s",
  region: "Kota Samarinda, Kalimantan Timur",
  award: "Juara I",
  category: "Perusahaan besar",
  edition: "Paritrana Award 2023 — Provinsi Kalimantan Timur",
  date: "1 Desember 2026",
  signatories: [],
  verifyLabel: "Keaslian piagam ini dapat diperiksa di:",
  verifyUrl: "http://localhost:3000/verify/abc123",
  draftMark: null,
};

describe("certificate PDF", () => {
  it("prints an em dash, curly quotes, ł and Đ as typed, in an embedded subset of Noto Sans", async () => {
    const pdf = await certificatePdf(base);
    const { lines, fonts } = await pdfText(pdf);
    expect(lines).toContain("PT Łódź Đồng — ‘Karya’ Mitra’s");
    expect(lines).toContain("Paritrana Award 2023 — Provinsi Kalimantan Timur");
    expect(lines.join("\n")).not.toContain("?");
    expect(fonts.length).toBeGreaterThan(0);
    for (const f of fonts) {
      expect(f.subtype, f.baseFont).toBe("Type0");
      expect(f.baseFont).toMatch(/^NotoSans-(Regular|Bold)\b/);
      expect(f.embedded, f.baseFont).toBe(true);
    }
    // Subsets keep the file small (each full font file is over 600 KB).
    expect(pdf.byteLength).toBeLessThan(60_000);
    expect(Buffer.from(pdf).toString("latin1")).toContain("(http://localhost:3000/verify/abc123)");
  });

  it("prints a signature line with each signatory's name and title, side by side", async () => {
    const signatories = [
      { name: "Dr. H. Akmal Malik, M.Si.", title: "Gubernur Kalimantan Timur" },
      { name: "Rudi Hartono Sinaga", title: "Kepala Kantor Wilayah BPJS Ketenagakerjaan Kalimantan" },
      { name: "Paweł Đặng", title: "Ketua Dewan Juri" },
    ];
    const { lines } = await pdfText(await certificatePdf({ ...base, signatories }));
    for (const s of signatories) expect(lines).toContain(s.name);
    // A long title may be set on two lines: read together they give the title.
    const text = lines.join(" ");
    for (const s of signatories) expect(text).toContain(s.title);
    const withoutSignatories = await pdfText(await certificatePdf(base));
    expect(withoutSignatories.lines.join(" ")).not.toContain("Gubernur");
  });

  it("reads each name back when certificates are made at the same time (the parsed fonts are shared)", async () => {
    const names = ["Paweł Łukasz — Đinh", "Rudi Hartono Sinaga", "CV ‘Dua’ Żółć", "Koperasi Ærø Ŝtefan"];
    const pdfs = await Promise.all(names.map((organisation) => certificatePdf({ ...base, organisation })));
    for (const [i, pdf] of pdfs.entries()) expect((await pdfText(pdf)).lines).toContain(names[i]);
  });
});
