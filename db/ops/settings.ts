import { DEFAULT_DATABASE_URL } from "../client";
import { uploadDirFromEnv } from "../seed/evidence";
import { OpsError } from "./manifest";

/** Where the data lives, read from the same settings as the server (README: Configuration). */
export interface DataPlace {
  databaseUrl: string;
  uploadDir: string;
}

export function dataPlaceFromEnv(env: NodeJS.ProcessEnv = process.env): DataPlace {
  return { databaseUrl: env.DATABASE_URL ?? DEFAULT_DATABASE_URL, uploadDir: uploadDirFromEnv() };
}

export type DatabaseKind = "sqlite" | "postgres";

export function databaseKind(url: string): DatabaseKind {
  return /^postgres(ql)?:\/\//.test(url) ? "postgres" : "sqlite";
}

/** The SQLite file of a `file:` URL or plain path (as db/client.ts opens it). */
export function sqlitePath(url: string): string {
  const path = url.replace(/^file:/, "");
  if (path === ":memory:") throw new OpsError("DATABASE_URL is :memory:, which has nothing to back up or restore into");
  return path;
}
