import ExcelJS from "exceljs";
import JSZip from "jszip";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createHash } from "node:crypto";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PDFDocument } from "pdf-lib";
import { afterAll, describe, expect, it } from "vitest";
import { uploadMaxBytes } from "../../app/lib/config.server";
import {
  cleanFileName,
  contentDisposition,
  evidenceResponse,
  evidenceUploader,
  MAX_FILES_PER_REQUEST,
  storedPath,
  UploadTooLargeError,
} from "../../app/lib/uploads.server";

// The upload checks on real files: a PDF made with pdf-lib, a PNG, an XLSX made with exceljs, a
// DOCX zip, and things that must be refused (a Windows executable renamed to .pdf, a zip that is
// not an Office document, an empty file, a file over the limit).

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
function uploadDir() {
  const d = mkdtempSync(join(tmpdir(), "paritrana-uploads-"));
  dirs.push(d);
  return d;
}

async function pdfBytes(text = "Bukti dukung") {
  const doc = await PDFDocument.create();
  doc.addPage().drawText(text);
  return Buffer.from(await doc.save());
}
const PNG = Buffer.from(
  "89504e470d0a1a0a0000000d4948445200000001000000010806000000" +
    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082",
  "hex",
);
async function xlsxBytes() {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("Iuran").addRow(["Bulan", "Dibayar"]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
async function docxBytes() {
  const zip = new JSZip();
  zip.file(
    "[Content_Types].xml",
    `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
  );
  zip.file(
    "word/document.xml",
    `<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body/></w:document>`,
  );
  return Buffer.from(await zip.generateAsync({ type: "nodebuffer" }));
}
async function plainZip() {
  const zip = new JSZip();
  zip.file("notes.txt", "bukan dokumen office");
  return Buffer.from(await zip.generateAsync({ type: "nodebuffer" }));
}
// The start of a Windows PE executable (MZ header, PE signature at 0x80).
const EXE = (() => {
  const b = Buffer.alloc(512);
  b.write("MZ", 0, "latin1");
  b.writeUInt32LE(0x80, 0x3c);
  b.write("PE\0\0", 0x80, "latin1");
  b.writeUInt16LE(0x14c, 0x84);
  return b;
})();

function multipart(files: { name: string; bytes: Buffer; type?: string }[], fields: Record<string, string> = {}) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  for (const f of files)
    form.append("file", new Blob([new Uint8Array(f.bytes)], { type: f.type ?? "application/octet-stream" }), f.name);
  return new Request("http://localhost/upload", { method: "POST", body: form });
}

describe("evidence uploads", () => {
  it("accepts PDF, PNG, XLSX and DOCX by their bytes, with size and SHA-256, and keeps the text fields", async () => {
    const dir = uploadDir();
    const pdf = await pdfBytes();
    const files = [
      { name: "Laporan iuran 2023.pdf", bytes: pdf },
      { name: "foto.png", bytes: PNG },
      { name: "rekap.xlsx", bytes: await xlsxBytes() },
      // The name says .txt; the bytes say DOCX: the bytes win.
      { name: "surat.txt", bytes: await docxBytes() },
    ];
    const up = evidenceUploader({ dir, maxBytes: 1024 * 1024 });
    const form = await up.parse(multipart(files, { criterion: "administration", intent: "upload" }));
    expect(form.get("criterion")).toBe("administration");
    expect(form.get("intent")).toBe("upload");
    expect(up.files.map((f) => [f.name, f.ok, f.mime])).toEqual([
      ["Laporan iuran 2023.pdf", true, "application/pdf"],
      ["foto.png", true, "image/png"],
      ["rekap.xlsx", true, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
      ["surat.txt", true, "application/vnd.openxmlformats-officedocument.wordprocessingml.document"],
    ]);
    const first = up.files[0];
    expect(first.size).toBe(pdf.length);
    expect(first.sha256).toBe(createHash("sha256").update(pdf).digest("hex"));
    expect(first.storageName).toMatch(/^[0-9a-f-]{36}\.pdf$/);
    expect(readFileSync(storedPath(dir, first.storageName!)!)).toEqual(pdf);
    // Only the four stored files remain; no temporary files.
    expect(
      readdirSync(dir)
        .filter((n) => n !== "tmp")
        .sort(),
    ).toEqual(up.files.map((f) => f.storageName).sort());
    expect(readdirSync(join(dir, "tmp"))).toEqual([]);
  });

  it("refuses a renamed executable, a plain zip, an empty file and a file over the limit, leaving nothing behind", async () => {
    const dir = uploadDir();
    const up = evidenceUploader({ dir, maxBytes: 64 * 1024 });
    const big = Buffer.concat([await pdfBytes(), Buffer.alloc(200 * 1024, 7)]);
    await up.parse(
      multipart([
        { name: "setup.pdf", bytes: EXE, type: "application/pdf" },
        { name: "arsip.docx", bytes: await plainZip() },
        { name: "kosong.pdf", bytes: Buffer.alloc(0) },
        { name: "besar.pdf", bytes: big },
        { name: "ok.pdf", bytes: await pdfBytes() },
      ]),
    );
    expect(up.files.map((f) => [f.name, f.ok, f.reason])).toEqual([
      ["setup.pdf", false, "wrong_type"],
      ["arsip.docx", false, "wrong_type"],
      ["kosong.pdf", false, "empty"],
      ["besar.pdf", false, "too_big"],
      ["ok.pdf", true, undefined],
    ]);
    expect(readdirSync(dir).filter((n) => n !== "tmp")).toEqual([up.files[4].storageName]);
    expect(readdirSync(join(dir, "tmp"))).toEqual([]);
    await up.discard();
    expect(readdirSync(dir).filter((n) => n !== "tmp")).toEqual([]);
  });

  it("a file input left empty is no file at all", async () => {
    const dir = uploadDir();
    const up = evidenceUploader({ dir, maxBytes: 1024 });
    const form = new FormData();
    form.append("criterion", "budget");
    form.append("file", new Blob([]), "");
    await up.parse(new Request("http://localhost/", { method: "POST", body: form }));
    expect(up.files).toEqual([]);
  });

  // nosniff and the framing rules are set on every response in one place (app/server/security.ts).
  it("serves files with the stored type, inline only for PDF and images, and a safe name", async () => {
    const dir = uploadDir();
    const up = evidenceUploader({ dir, maxBytes: 1024 * 1024 });
    await up.parse(
      multipart([
        { name: "a.pdf", bytes: await pdfBytes() },
        { name: "b.xlsx", bytes: await xlsxBytes() },
      ]),
    );
    const [pdf, xlsx] = up.files;
    const r1 = (await evidenceResponse(dir, {
      storage_name: pdf.storageName!,
      mime: pdf.mime!,
      original_name: 'Laporan "Iuran"; 2023 ✓.pdf',
      size: pdf.size!,
    }))!;
    expect(r1.headers.get("Content-Type")).toBe("application/pdf");
    expect(r1.headers.get("Content-Disposition")).toBe(
      `inline; filename="Laporan _Iuran__ 2023 .pdf"; filename*=UTF-8''Laporan%20%22Iuran%22%3B%202023%20%E2%9C%93.pdf`,
    );
    expect(
      Buffer.from(await r1.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe("%PDF-");
    const r2 = (await evidenceResponse(dir, {
      storage_name: xlsx.storageName!,
      mime: xlsx.mime!,
      original_name: "rekap.xlsx",
      size: xlsx.size!,
    }))!;
    expect(r2.headers.get("Content-Disposition")).toMatch(/^attachment; filename="rekap.xlsx"/);
    // Missing bytes and forged storage names give no response.
    expect(
      await evidenceResponse(dir, {
        storage_name: "../../etc/passwd",
        mime: "application/pdf",
        original_name: "x",
        size: 1,
      }),
    ).toBeNull();
    expect(
      await evidenceResponse(dir, {
        storage_name: "00000000-0000-0000-0000-000000000000.pdf",
        mime: "application/pdf",
        original_name: "x",
        size: 1,
      }),
    ).toBeNull();
  });

  it("cleans display names and encodes them for headers", () => {
    expect(cleanFileName("C:\\Users\\hr\\Laporan.pdf")).toBe("Laporan.pdf");
    expect(cleanFileName("a\u0000b\n.pdf")).toBe("ab.pdf");
    expect(cleanFileName("")).toBe("berkas");
    expect(contentDisposition("attachment", "Ümit\r\n.docx")).not.toMatch(/[\r\n]/);
  });
});

describe("UPLOAD_MAX_MB", () => {
  it("is read in megabytes, and a value that is not a positive number is refused with a message", () => {
    expect(uploadMaxBytes(undefined)).toBe(20 * 1024 * 1024);
    expect(uploadMaxBytes("2.5")).toBe(Math.round(2.5 * 1024 * 1024));
    for (const bad of ["abc", "0", "-1", "", "Infinity"])
      expect(() => uploadMaxBytes(bad), bad).toThrow(/UPLOAD_MAX_MB/);
  });
});

describe("limits", () => {
  it("refuses a request with more files than MAX_FILES_PER_REQUEST, and keeps none of them", async () => {
    const dir = uploadDir();
    const pdf = await pdfBytes();
    const request = multipart(
      Array.from({ length: MAX_FILES_PER_REQUEST + 1 }, (_, i) => ({
        name: `f${i}.pdf`,
        bytes: pdf,
        type: "application/pdf",
      })),
    );
    const uploader = evidenceUploader({ dir, maxBytes: 1024 * 1024 });
    await expect(uploader.parse(request)).rejects.toBeInstanceOf(UploadTooLargeError);
    expect(readdirSync(dir).filter((n) => n !== "tmp")).toEqual([]);
    expect(readdirSync(join(dir, "tmp"))).toEqual([]);
  });
});
