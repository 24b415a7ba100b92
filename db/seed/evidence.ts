import { createHash } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Db } from "../client";

// Demo evidence: a small generated PDF per required criterion of every submitted entry (and one
// for organisation A's draft), so that assessors have something to open. Storage names are
// derived from the entry and criterion, so seeding again into the same folder overwrites.

/** The upload folder as the server sees it (same rule as app/lib/config.server.ts). */
export function uploadDirFromEnv(): string {
  return resolve(process.env.UPLOAD_DIR ?? join(process.env.DATA_DIR ?? "data", "uploads"));
}

/** A one-page PDF with a few lines of text (Helvetica, WinAnsi: ASCII only). */
export function minimalPdf(lines: string[]): Buffer {
  const esc = (s: string) => s.replace(/[^\x20-\x7e]/g, "?").replace(/([\\()])/g, "\\$1");
  const text = lines.map((l, i) => `BT /F1 ${i === 0 ? 16 : 11} Tf 56 ${780 - i * 22} Td (${esc(l)}) Tj ET`).join("\n");
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    `<< /Length ${Buffer.byteLength(text, "latin1")} >>\nstream\n${text}\nendstream`,
  ];
  let out = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(Buffer.byteLength(out, "latin1"));
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, "latin1");
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("")}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, "latin1");
}

function seedStorageName(entryId: number, criterion: string): string {
  const h = createHash("sha256").update(`paritrana-seed:${entryId}:${criterion}`).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}.pdf`;
}

/**
 * Adds the demo evidence rows; the files are written only when `uploadDir` is given (tests of
 * the data layer get the rows without touching the disk).
 */
export async function seedEvidence(
  db: Db,
  { uploadDir, draftSlugs = [] }: { uploadDir?: string; draftSlugs?: string[] },
) {
  const entries = await db
    .selectFrom("entries as e")
    .innerJoin("organisations as o", "o.id", "e.organisation_id")
    .innerJoin("editions as ed", "ed.id", "e.edition_id")
    .select(["e.id", "e.status", "e.category_id", "e.submitted_at", "o.name", "ed.year"])
    .orderBy("e.id")
    .execute();
  const draftEntries = new Set<number>();
  for (const slug of draftSlugs) {
    const row = await db
      .selectFrom("memberships as m")
      .innerJoin("users as u", "u.id", "m.user_id")
      .innerJoin("entries as e", "e.organisation_id", "m.organisation_id")
      .select("e.id")
      .where("u.email", "=", `peserta@${slug}.paritrana.test`)
      .executeTakeFirst();
    if (row) draftEntries.add(row.id);
  }
  const criteria = await db
    .selectFrom("criteria as c")
    .innerJoin("rubrics as r", "r.id", "c.rubric_id")
    .select(["r.category_id", "c.key", "c.name_id"])
    .where("c.evidence_required", "=", 1)
    .orderBy("c.position")
    .execute();
  for (const e of entries) {
    const isDraftDemo = draftEntries.has(e.id);
    if (e.status !== "submitted" && !isDraftDemo) continue;
    const mine = criteria.filter((c) => c.category_id === e.category_id);
    for (const c of isDraftDemo ? mine.slice(0, 1) : mine)
      await storeEvidence(db, {
        uploadDir,
        entryId: e.id,
        criterion: c,
        organisation: e.name,
        year: e.year,
        at: e.submitted_at ?? new Date().toISOString(),
      });
  }
}

/** One demo PDF for a criterion of an entry: its row, and the file when `uploadDir` is given. */
export async function storeEvidence(
  db: Db,
  a: {
    uploadDir?: string;
    entryId: number;
    criterion: { key: string; name_id: string };
    organisation: string;
    year: number;
    at: string;
  },
) {
  const bytes = minimalPdf([
    `Bukti dukung: ${a.criterion.name_id}`,
    a.organisation,
    `Tahun penilaian ${a.year}`,
    "Dokumen contoh untuk demo Paritrana Award (fiktif).",
  ]);
  const storageName = seedStorageName(a.entryId, a.criterion.key);
  if (a.uploadDir) {
    mkdirSync(a.uploadDir, { recursive: true });
    writeFileSync(join(a.uploadDir, storageName), bytes);
  }
  await db
    .insertInto("evidence_files")
    .values({
      entry_id: a.entryId,
      criterion_key: a.criterion.key,
      original_name: `${a.criterion.key}-${a.year}.pdf`,
      storage_name: storageName,
      mime: "application/pdf",
      size: bytes.length,
      sha256: createHash("sha256").update(bytes).digest("hex"),
      uploaded_by: null,
      uploaded_at: a.at,
    })
    .execute();
}
