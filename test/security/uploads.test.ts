import ExcelJS from "exceljs";
import JSZip from "jszip";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { randomUUID } from "node:crypto";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PDFDocument } from "pdf-lib";
import { afterAll, describe, expect, it } from "vitest";
import { translate } from "../../app/i18n";
import {
  cleanFileName,
  evidenceUploader,
  refusalMessage,
  partFileName,
  sweepPartialUploads,
  type UploadRefusal,
} from "../../app/lib/uploads.server";
import { freshDb } from "../db/support";

// Issue 9, item 7: evidence uploads. File names with "=", ";", quotes or non-ASCII characters
// upload; zip bombs (by declared size or by ratio) and Office files with macros are refused with a
// reason in both languages; bidirectional controls are stripped from names; the start-up sweep
// removes every half-written upload and every stored file that no evidence row references.

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
function uploadDir() {
  const d = mkdtempSync(join(tmpdir(), "paritrana-sec-uploads-"));
  dirs.push(d);
  return d;
}

async function pdfBytes() {
  const doc = await PDFDocument.create();
  doc.addPage().drawText("Bukti dukung");
  return Buffer.from(await doc.save());
}

const CONTENT_TYPES = (main: string, extra = "") =>
  `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="${main}"/>${extra}</Types>`;
const DOCX_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";
const DOCM_MAIN = "application/vnd.ms-word.document.macroEnabled.main+xml";

/** A DOCX (deflated, as Word writes it) with extra entries. */
async function docx(extra: Record<string, Buffer | string> = {}, main = DOCX_MAIN) {
  const zip = new JSZip();
  zip.file("[Content_Types].xml", CONTENT_TYPES(main));
  zip.file(
    "word/document.xml",
    `<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body/></w:document>`,
  );
  for (const [name, data] of Object.entries(extra)) zip.file(name, data);
  return Buffer.from(await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
}

/** An XLSX made by exceljs, with extra entries. */
async function xlsxWith(extra: Record<string, Buffer>) {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("Iuran").addRow(["Bulan", "Dibayar"]);
  const zip = await JSZip.loadAsync(Buffer.from(await wb.xlsx.writeBuffer()));
  for (const [name, data] of Object.entries(extra)) zip.file(name, data);
  return Buffer.from(await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
}

/** Rewrites the uncompressed size that the central directory declares for one entry (the data stays as it is). */
function declareSize(zip: Buffer, entry: string, size: number) {
  const out = Buffer.from(zip);
  const eocd = out.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let at = out.readUInt32LE(eocd + 16);
  for (let i = 0; i < out.readUInt16LE(eocd + 10); i++) {
    const nameLength = out.readUInt16LE(at + 28);
    if (out.toString("utf8", at + 46, at + 46 + nameLength) === entry) {
      out.writeUInt32LE(size, at + 24);
      return out;
    }
    at += 46 + nameLength + out.readUInt16LE(at + 30) + out.readUInt16LE(at + 32);
  }
  throw new Error(`no entry ${entry}`);
}

function multipart(files: { name: string; bytes: Buffer }[], fields: Record<string, string> = {}) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  for (const f of files)
    form.append("file", new Blob([new Uint8Array(f.bytes)], { type: "application/octet-stream" }), f.name);
  return new Request("http://localhost/upload", { method: "POST", body: form });
}

async function upload(files: { name: string; bytes: Buffer }[]) {
  const dir = uploadDir();
  const up = evidenceUploader({ dir, maxBytes: 20 * 1024 * 1024 });
  await up.parse(multipart(files));
  return { dir, files: up.files };
}

/** Only the accepted files are on disk, and nothing half-written. */
function expectOnlyAccepted(dir: string, files: { storageName?: string }[]) {
  expect(
    readdirSync(dir)
      .filter((n) => n !== "tmp")
      .sort(),
  ).toEqual(files.flatMap((f) => (f.storageName ? [f.storageName] : [])).sort());
  expect(readdirSync(join(dir, "tmp"))).toEqual([]);
}

describe("file names with =, ;, quotes and non-ASCII characters", () => {
  it("upload as a browser sends them, with the name kept for display", async () => {
    const pdf = await pdfBytes();
    const names = [
      "laporan=final.pdf",
      "a;b.pdf",
      "\"kutip\" 'tunggal'.pdf",
      "Laporan–Ł.pdf",
      "x=1; y=2; filename=z.pdf",
    ];
    const { dir, files } = await upload(names.map((name) => ({ name, bytes: pdf })));
    expect(files.map((f) => [f.name, f.ok])).toEqual(names.map((n) => [n, true]));
    expectOnlyAccepted(dir, files);
  });

  it("upload from a hand-written body: backslash-escaped quotes and an RFC 5987 filename*", async () => {
    const pdf = await pdfBytes();
    const boundary = "----paritrana-test";
    const part = (disposition: string) =>
      Buffer.concat([
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; ${disposition}\r\nContent-Type: application/pdf\r\n\r\n`,
        ),
        pdf,
        Buffer.from("\r\n"),
      ]);
    const body = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="criterion"\r\n\r\nadministrasi;a=b\r\n`),
      part(`name="file"; filename="a\\"b;c=d.pdf"`),
      part(`name="file"; filename*=UTF-8''Laporan%E2%80%93%C5%81%3Dakhir.pdf`),
      Buffer.from(`--${boundary}--\r\n`),
    ]);
    const dir = uploadDir();
    const up = evidenceUploader({ dir, maxBytes: 1024 * 1024 });
    const form = await up.parse(
      new Request("http://localhost/", {
        method: "POST",
        body,
        headers: { "Content-Type": `multipart/form-data; boundary=${boundary}` },
      }),
    );
    expect(form.get("criterion")).toBe("administrasi;a=b");
    expect(up.files.map((f) => [f.name, f.ok])).toEqual([
      ['a"b;c=d.pdf', true],
      ["Laporan–Ł=akhir.pdf", true],
    ]);
  });
});

describe("zip bombs", () => {
  it("refuses a DOCX whose directory declares 1.5 GiB, keeping nothing", async () => {
    const bomb = declareSize(
      await docx({ "word/media/image1.bin": Buffer.alloc(4096, 1) }),
      "word/media/image1.bin",
      1.5 * 1024 ** 3,
    );
    const { dir, files } = await upload([
      { name: "bom.docx", bytes: bomb },
      { name: "biasa.docx", bytes: await docx() },
    ]);
    expect(files.map((f) => [f.name, f.ok, f.reason])).toEqual([
      ["bom.docx", false, "expands_too_much"],
      ["biasa.docx", true, undefined],
    ]);
    expectOnlyAccepted(dir, files);
  });

  it("refuses a container whose entries add up to more than 200 MB though none is that large", async () => {
    let bomb = await docx({ "word/media/a.bin": Buffer.alloc(4096, 1), "word/media/b.bin": Buffer.alloc(4096, 2) });
    bomb = declareSize(declareSize(bomb, "word/media/a.bin", 120 * 1024 * 1024), "word/media/b.bin", 120 * 1024 * 1024);
    const { files } = await upload([{ name: "dua.docx", bytes: bomb }]);
    expect(files.map((f) => f.reason)).toEqual(["expands_too_much"]);
  });

  it("refuses a container that really expands more than 100 times (4 MB of zeros, deflated)", async () => {
    const bomb = await docx({ "word/media/blank.bin": Buffer.alloc(4 * 1024 * 1024) });
    expect(bomb.length).toBeLessThan(40 * 1024);
    const { dir, files } = await upload([{ name: "kosong.docx", bytes: bomb }]);
    expect(files.map((f) => [f.ok, f.reason])).toEqual([[false, "expands_too_much"]]);
    expectOnlyAccepted(dir, files);
  });
});

describe("Office files with macros", () => {
  it("refuses a DOCX or XLSX carrying vbaProject.bin under any path and any case, and a macro-enabled type", async () => {
    const vba = Buffer.from("d0cf11e0a1b11ae1", "hex");
    const { dir, files } = await upload([
      { name: "surat.docx", bytes: await docx({ "word/vbaProject.bin": vba }) },
      { name: "lain.docx", bytes: await docx({ "customXml/deep/VBAPROJECT.BIN": vba }) },
      { name: "makro.docx", bytes: await docx({}, DOCM_MAIN) },
      { name: "rekap.xlsx", bytes: await xlsxWith({ "xl/vbaProject.bin": vba }) },
    ]);
    expect(files.map((f) => [f.name, f.ok, f.reason])).toEqual([
      ["surat.docx", false, "macros"],
      ["lain.docx", false, "macros"],
      ["makro.docx", false, "macros"],
      ["rekap.xlsx", false, "macros"],
    ]);
    expectOnlyAccepted(dir, files);
  });
});

describe("names with bidirectional controls", () => {
  it("are stripped of every bidi and other control character", () => {
    expect(cleanFileName("invoice\u202Efdp.exe")).toBe("invoicefdp.exe");
    const controls = [
      "\u202A",
      "\u202B",
      "\u202C",
      "\u202D",
      "\u202E",
      "\u2066",
      "\u2067",
      "\u2068",
      "\u2069",
      "\u200E",
      "\u200F",
      "\u061C",
      "\u0085",
      "\u009B",
      "\u0007",
      "\u007F",
      "\u2028",
    ];
    expect(cleanFileName(`a${controls.join("")}b.pdf`)).toBe("ab.pdf");
    expect(cleanFileName("Laporan–Ł.pdf")).toBe("Laporan–Ł.pdf");
  });

  it("are stripped from the names of uploaded files", async () => {
    const { files } = await upload([{ name: "laporan\u202Egnp.exe.pdf", bytes: await pdfBytes() }]);
    expect(files.map((f) => [f.name, f.ok])).toEqual([["laporangnp.exe.pdf", true]]);
  });
});

describe("refusal reasons", () => {
  it("each reason is told in both languages, with its limit", () => {
    const reasons: UploadRefusal[] = ["too_big", "wrong_type", "empty", "expands_too_much", "macros"];
    for (const reason of reasons) {
      const [id, en] = (["id", "en"] as const).map((locale) =>
        refusalMessage((key, params) => translate(locale, key, params), reason, 20),
      );
      expect(id, reason).toMatch(/^ditolak: /);
      expect(en, reason).toMatch(/^refused: /);
    }
    const en = (reason: UploadRefusal) => refusalMessage((key, params) => translate("en", key, params), reason, 20);
    expect(en("expands_too_much")).toContain("200 MB");
    expect(en("expands_too_much")).toContain("100");
    expect(en("macros")).toMatch(/macro/i);
    expect(new Set(reasons.map(en)).size).toBe(reasons.length);
  });
});

describe("start-up and shutdown sweep", () => {
  it("removes its own half-written uploads, anyone's old ones and old stored files without an evidence row, and nothing else", async () => {
    const { db } = await freshDb({ seed: true });
    const dir = uploadDir();
    mkdirSync(join(dir, "tmp"));
    const rows = (await db.selectFrom("evidence_files").select("storage_name").execute()).map((r) => r.storage_name);
    expect(rows.length).toBeGreaterThan(2);
    const hoursAgo = (path: string, h: number) =>
      utimesSync(path, new Date(Date.now() - h * 3_600_000), new Date(Date.now() - h * 3_600_000));
    const kept = [rows[0], rows[1], "catatan.txt", "LAPORAN.PDF", "bukan-uuid.pdf"];
    const orphans = [`${randomUUID()}.pdf`, `${randomUUID()}.docx`];
    // An unrecorded file a few seconds old may be one another instance is about to record.
    const youngOrphan = `${randomUUID()}.pdf`;
    for (const name of [...kept, ...orphans, youngOrphan]) writeFileSync(join(dir, name), "x");
    for (const name of [...kept, ...orphans]) hoursAgo(join(dir, name), 2);
    mkdirSync(join(dir, `${randomUUID()}.png`)); // a folder with a storage-like name is not a file of ours
    const own = partFileName();
    const othersNow = `0000beef-${randomUUID()}.part`; // another instance is receiving it now
    const othersOld = `0000beef-${randomUUID()}.part`; // left by an instance that crashed
    for (const name of [own, othersNow, othersOld, "lain.txt"]) writeFileSync(join(dir, "tmp", name), "x");
    hoursAgo(join(dir, "tmp", othersOld), 2);

    await sweepPartialUploads(dir, db);

    expect(readdirSync(join(dir, "tmp")).sort()).toEqual([othersNow, "lain.txt"].sort());
    for (const name of [...kept, youngOrphan]) expect(existsSync(join(dir, name)), name).toBe(true);
    for (const name of orphans) expect(existsSync(join(dir, name)), name).toBe(false);
    expect(readdirSync(dir).length).toBe(kept.length + 3); // kept files, the young one, tmp and the folder
  });

  it("is harmless on a missing upload folder", async () => {
    const { db } = await freshDb();
    await expect(sweepPartialUploads(join(uploadDir(), "nowhere"), db)).resolves.toBeUndefined();
  });
});
