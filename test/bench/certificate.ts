// npm run bench — the certificate PDF (Noto Sans subsets, signatories) against a bare pdf-lib
// page that writes the same lines in a standard font (no embedding): the price of a Unicode
// certificate, and its CPU per request (a resource route: it should stay near ~50 ms).
// Not a test: it prints figures, it asserts nothing.
import { PDFDocument, StandardFonts } from "pdf-lib";
import { certificatePdf, type CertificateText } from "../../app/lib/certificate.server";

const text: CertificateText = {
  title: "Piagam Penghargaan",
  givenTo: "diberikan kepada",
  organisation: "PT Mahakam Energi — ‘Karya’ Sejahtera",
  region: "Kota Samarinda, Kalimantan Timur",
  award: "Juara I",
  category: "Perusahaan besar",
  edition: "Paritrana Award 2023 — Provinsi Kalimantan Timur",
  date: "1 Desember 2026",
  signatories: [
    { name: "Dr. H. Akmal Malik, M.Si.", title: "Gubernur Kalimantan Timur" },
    { name: "Rudi Hartono Sinaga", title: "Kepala Kantor Wilayah BPJS Ketenagakerjaan Kalimantan" },
  ],
  verifyLabel: "Keaslian piagam ini dapat diperiksa di:",
  verifyUrl: "http://localhost:3000/verify/abc123",
  draftMark: null,
};

async function baseline(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const page = pdf.addPage([841.89, 595.28]);
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const lines = [text.title, text.givenTo, "PT Mahakam Energi - 'Karya' Sejahtera", text.region, text.award];
  lines.push(text.category, "Paritrana Award 2023 - Provinsi Kalimantan Timur", text.date, text.verifyLabel);
  for (const s of text.signatories) lines.push(s.name, s.title);
  lines.forEach((l, i) => page.drawText(l, { x: 60, y: 540 - i * 30, size: 14, font }));
  return pdf.save();
}

async function cpuMs(run: () => Promise<Uint8Array>, n: number): Promise<number> {
  const start = process.cpuUsage();
  for (let i = 0; i < n; i++) await run();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000 / n;
}

const n = 30;
await certificatePdf(text); // the first parses the fonts once per process
await baseline();
// Interleaved rounds, so that both see the same machine.
const app: number[] = [];
const bare: number[] = [];
for (let round = 0; round < 3; round++) {
  app.push(await cpuMs(() => certificatePdf(text), n));
  bare.push(await cpuMs(baseline, n));
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
console.log(
  `certificate PDF: ${median(app).toFixed(1)} ms CPU each, baseline (standard font, no embedding) ` +
    `${median(bare).toFixed(1)} ms: ${(median(app) / median(bare)).toFixed(1)}×`,
);
