import { AsyncLocalStorage } from "node:async_hooks";

// One HTTP request's scope, so that what every loader of a page reads alike (the session, the
// signed-in user and memberships) is read once per request. Remix gives each loader its own copy
// of the Request, so the scope cannot hang on the request: the server (app/server/main.ts) enters
// it around the Remix handler, and the readers memoise in it. Without a scope (tests calling a
// loader directly, `remix vite:dev`) nothing is memoised.
//
// The server and the built app each bundle their own copy of this module: the storage lives on
// globalThis so that both use the same one.

/**
 * What the request's log line tells about it besides method, path and status, filled in while it
 * runs (app/server/logger.ts reads it when the answer is sent): never a token, a cookie or a body.
 */
export interface RequestFacts {
  requestId?: string;
  /** The signed-in user, once a guard has read the session (app/lib/guards.server.ts). */
  userId?: number;
}

interface Scope {
  memos: Map<string, Promise<unknown>>;
  facts: RequestFacts;
}
const g = globalThis as typeof globalThis & { __paritranaRequestScope?: AsyncLocalStorage<Scope> };
const storage = (g.__paritranaRequestScope ??= new AsyncLocalStorage<Scope>());

/** Runs fn (and everything it awaits) in a fresh request scope. */
export function runInRequestScope<T>(fn: () => T, facts: RequestFacts = {}): T {
  return storage.run({ memos: new Map(), facts }, fn);
}

/**
 * Express middleware: the rest of the request runs in its own scope, whose facts are also kept in
 * res.locals.requestFacts for the request log (written after the scope has ended).
 */
export function requestScope(req: { id?: unknown }, res: { locals: Record<string, unknown> }, next: () => void) {
  const facts: RequestFacts = { requestId: typeof req.id === "string" ? req.id : undefined };
  res.locals.requestFacts = facts;
  runInRequestScope(next, facts);
}

/** This request's facts for the log, or undefined outside a request scope. */
export function requestFacts(): RequestFacts | undefined {
  return storage.getStore()?.facts;
}

/** Records the signed-in user of this request for its log line. */
export function noteRequestUser(userId: number) {
  const facts = storage.getStore()?.facts;
  if (facts) facts.userId = userId;
}

/**
 * The value of load() for this key, loaded once per request scope (a failed load is forgotten, so
 * that the next reader tries again). Outside a scope, load() every time.
 */
export function oncePerRequest<T>(key: string, load: () => Promise<T>): Promise<T> {
  const scope = storage.getStore()?.memos;
  if (!scope) return load();
  let value = scope.get(key) as Promise<T> | undefined;
  if (!value) {
    value = load();
    scope.set(key, value);
    value.catch(() => scope.get(key) === value && scope.delete(key));
  }
  return value;
}

/** Forgets what this request memoised (after a write that changes it, e.g. the session). */
export function forgetRequestMemos() {
  storage.getStore()?.memos.clear();
}
