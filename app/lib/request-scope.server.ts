import { AsyncLocalStorage } from "node:async_hooks";

// One HTTP request's scope, so that what every loader of a page reads alike (the session, the
// signed-in user and memberships) is read once per request. Remix gives each loader its own copy
// of the Request, so the scope cannot hang on the request: the server (app/server/main.ts) enters
// it around the Remix handler, and the readers memoise in it. Without a scope (tests calling a
// loader directly, `remix vite:dev`) nothing is memoised.
//
// The server and the built app each bundle their own copy of this module: the storage lives on
// globalThis so that both use the same one.

type Scope = Map<string, Promise<unknown>>;
const g = globalThis as typeof globalThis & { __paritranaRequestScope?: AsyncLocalStorage<Scope> };
const storage = (g.__paritranaRequestScope ??= new AsyncLocalStorage<Scope>());

/** Runs fn (and everything it awaits) in a fresh request scope. */
export function runInRequestScope<T>(fn: () => T): T {
  return storage.run(new Map(), fn);
}

/** Express middleware: the rest of the request runs in its own scope. */
export function requestScope(_req: unknown, _res: unknown, next: () => void) {
  runInRequestScope(next);
}

/**
 * The value of load() for this key, loaded once per request scope (a failed load is forgotten, so
 * that the next reader tries again). Outside a scope, load() every time.
 */
export function oncePerRequest<T>(key: string, load: () => Promise<T>): Promise<T> {
  const scope = storage.getStore();
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
  storage.getStore()?.clear();
}
