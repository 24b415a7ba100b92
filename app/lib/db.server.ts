import { createDb, type Db } from "../../db/client";

// One database handle per server process (kept on globalThis so dev reloads reuse it).
const g = globalThis as typeof globalThis & { __paritranaDb?: Promise<Db> };

export function getDb(): Promise<Db> {
  return (g.__paritranaDb ??= createDb());
}
