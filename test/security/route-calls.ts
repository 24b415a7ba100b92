import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { sessions } from "~/lib/session.server";

// Calling a route's loader or action as the browser does (a form post with a session cookie), for
// the security tests that go through the real routes without a server.

process.env.SESSION_SECRET ??= "route-calls-test-secret";

type Handler = (args: ActionFunctionArgs & LoaderFunctionArgs) => Promise<unknown>;

/** The session cookie of a signed-in user, as the browser sends it. */
export async function cookieOf(userId: number) {
  const session = await sessions().getSession();
  session.set("userId", userId);
  return (await sessions().commitSession(session)).split(";")[0]!;
}

/** Calls a route's loader or action; thrown responses (redirects, 403, 404) are returned. */
export async function call(
  handler: unknown,
  path: string,
  params: Record<string, string>,
  opts: { form?: Record<string, string>; userId?: number } = {},
) {
  const headers: Record<string, string> = opts.userId ? { Cookie: await cookieOf(opts.userId) } : {};
  const request = new Request(
    `http://paritrana.test${path}`,
    opts.form ? { method: "POST", body: new URLSearchParams(opts.form), headers } : { headers },
  );
  try {
    return await (handler as Handler)({ request, params, context: {} });
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

/** The HTTP status of what a loader or action answered. */
export function statusOf(res: unknown): number {
  if (res instanceof Response) return res.status;
  const r = res as { type?: string; init?: { status?: number } | null };
  return r?.type === "DataWithResponseInit" ? (r.init?.status ?? 200) : 200;
}

/** The data a loader or action answered. */
export function dataOf(res: unknown): Record<string, unknown> {
  const r = res as { type?: string; data?: unknown };
  return (r?.type === "DataWithResponseInit" ? r.data : r) as Record<string, unknown>;
}
