import yauzl, { type Entry } from "yauzl";

// XLSX and DOCX are zip containers. Before one is kept, its central directory (the list of entries
// at the end of the file, with the sizes each entry declares) is read with yauzl; nothing is
// inflated. A container that declares more than 200 MB in all, or more than 100 times its own size,
// is a zip bomb for whoever opens it (an assessor's Excel); one that carries a VBA project holds
// macros. The declared sizes are what Office itself trusts when it allocates.

/** Largest total uncompressed size a container may declare. */
export const ZIP_MAX_EXPANDED_BYTES = 200 * 1024 * 1024;
/** Largest ratio of declared uncompressed size to the file's own size. */
export const ZIP_MAX_RATIO = 100;
/** Below this expanded size the ratio is not judged (a small file of repeated text is harmless). */
const RATIO_FLOOR_BYTES = 1024 * 1024;
/** More entries than any real document has; reading millions of directory records is itself an attack. */
const MAX_ENTRIES = 10_000;
/** The VBA project of a macro-enabled Office file (and its signature), under any folder, any case. */
const MACRO_ENTRY = /(^|\/)vbaproject(signature)?\.bin$/i;

export type ZipVerdict = "ok" | "expands_too_much" | "macros" | "broken";

export function checkZip(path: string): Promise<ZipVerdict> {
  return new Promise((resolve) => {
    yauzl.open(path, { lazyEntries: true, autoClose: true, strictFileNames: false }, (error, zip) => {
      if (error || !zip) return resolve("broken");
      const finish = (verdict: ZipVerdict) => {
        zip.close();
        resolve(verdict);
      };
      if (zip.entryCount > MAX_ENTRIES) return finish("expands_too_much");
      let expanded = 0;
      zip.on("entry", (entry: Entry) => {
        if (MACRO_ENTRY.test(entry.fileName)) return finish("macros");
        expanded += entry.uncompressedSize;
        if (expanded > ZIP_MAX_EXPANDED_BYTES) return finish("expands_too_much");
        zip.readEntry();
      });
      zip.on("end", () =>
        finish(expanded > RATIO_FLOOR_BYTES && expanded > ZIP_MAX_RATIO * zip.fileSize ? "expands_too_much" : "ok"),
      );
      zip.on("error", () => finish("broken"));
      zip.readEntry();
    });
  });
}
