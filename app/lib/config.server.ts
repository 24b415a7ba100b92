import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";

/** Settings from the environment, with the defaults documented in the README. */
export const config = {
  dataDir: resolve(process.env.DATA_DIR ?? "data"),
  get uploadDir() {
    return resolve(process.env.UPLOAD_DIR ?? join(this.dataDir, "uploads"));
  },
  /** Largest evidence file, in bytes (UPLOAD_MAX_MB, default 20). */
  uploadMaxBytes: uploadMaxBytes(process.env.UPLOAD_MAX_MB),
  secureCookies: process.env.COOKIE_SECURE === "1",
};

/**
 * The address people outside use (PUBLIC_URL, e.g. https://paritrana.example.go.id), for links
 * that leave the system: invitations and the verification URL printed on certificates. Never the
 * request's Host header, which a client chooses. Production (NODE_ENV=production) has no default:
 * the server refuses to start without it; elsewhere it is http://localhost:PORT.
 */
export function publicBase(env: NodeJS.ProcessEnv = process.env): string {
  const setting = env.PUBLIC_URL?.trim();
  if (!setting) {
    if (env.NODE_ENV === "production") {
      throw new Error(
        "PUBLIC_URL must be set in production, e.g. PUBLIC_URL=https://paritrana.example.go.id: invitation links and certificates are made from it",
      );
    }
    return `http://localhost:${env.PORT ?? 3000}`;
  }
  let url: URL;
  try {
    url = new URL(setting);
  } catch {
    throw new Error(`PUBLIC_URL must be an absolute http(s) address, not "${setting}"`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:")
    throw new Error(`PUBLIC_URL must start with http:// or https://, not "${setting}"`);
  return `${url.origin}${url.pathname.replace(/\/+$/, "")}`;
}

/** An absolute link to a path of this site, for links that leave it (see publicBase). */
export function publicUrl(path: string): string {
  return `${publicBase()}${path}`;
}

/** UPLOAD_MAX_MB in bytes; a value that is not a positive number stops the server with a message. */
export function uploadMaxBytes(setting: string | undefined): number {
  const mb = Number(setting ?? 20);
  if (setting?.trim() === "" || !Number.isFinite(mb) || mb <= 0) {
    throw new Error(`UPLOAD_MAX_MB must be a positive number of megabytes (for example 20), not "${setting}"`);
  }
  return Math.round(mb * 1024 * 1024);
}

let secret: string | undefined;
/** SESSION_SECRET, or a random secret generated once and kept in data/session-secret. */
export function sessionSecret(): string {
  if (secret) return secret;
  if (process.env.SESSION_SECRET) return (secret = process.env.SESSION_SECRET);
  const file = join(config.dataDir, "session-secret");
  if (!existsSync(file)) {
    mkdirSync(config.dataDir, { recursive: true });
    writeFileSync(file, randomBytes(32).toString("hex"), { mode: 0o600, flag: "wx" });
  }
  return (secret = readFileSync(file, "utf8").trim());
}
