// The kinds of evidence file accepted, by the type read from their bytes; shared by the upload
// checks (server) and the pages that show files (PDF and images inline, the others as downloads).
// `zip`: a zip container, whose directory is checked for bombs and macros before it is kept.
export const ALLOWED_TYPES: Record<string, { ext: string; inline: boolean; zip?: boolean }> = {
  "application/pdf": { ext: "pdf", inline: true },
  "image/jpeg": { ext: "jpg", inline: true },
  "image/png": { ext: "png", inline: true },
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": { ext: "xlsx", inline: false, zip: true },
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": { ext: "docx", inline: false, zip: true },
};

/** Whether a stored file of this type is shown in the page (PDF, JPEG, PNG). */
export function isPreviewable(mime: string): boolean {
  return ALLOWED_TYPES[mime]?.inline === true;
}
