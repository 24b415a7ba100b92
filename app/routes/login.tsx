import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { Field, FormErrorSummary } from "~/components/Field";
import { parseForm, type FieldErrors } from "~/lib/forms";
import { getViewer, roleHome } from "~/lib/guards.server";
import { getT } from "~/lib/locale.server";
import { getDb } from "~/lib/db.server";
import { attemptLogin } from "~/lib/login.server";
import { clientAddress } from "~/lib/throttle.server";
import { safeRedirect } from "~/lib/redirect";
import { getSession, sessions } from "~/lib/session.server";
import { useT } from "~/lib/use-t";
import { readForm } from "~/lib/request-body.server";
import { noteRequestUser } from "~/lib/request-scope.server";

const LoginForm = z.object({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.email({ error: "login.emailInvalid" })),
  password: z.string({ error: "login.passwordRequired" }).min(1, { error: "login.passwordRequired" }),
  redirectTo: z.string().optional(),
});

// Public page. A signed-in user is sent on to their home.
export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await getViewer(request);
  const url = new URL(request.url);
  if (viewer) {
    const home = roleHome(viewer);
    if (home) throw redirect(safeRedirect(url.searchParams.get("redirectTo"), home));
  }
  return {
    redirectTo: url.searchParams.get("redirectTo") ?? "",
    signedOut: url.searchParams.has("signedOut"),
    noRole: Boolean(viewer),
  };
}

type ActionData = { errors: FieldErrors; values: Record<string, string>; message?: string };

export async function action({ request, context }: ActionFunctionArgs) {
  const { t } = await getT(request);
  const form = await readForm(request);
  const parsed = parseForm(LoginForm, form, t);
  if (!parsed.ok)
    return data<ActionData>({ errors: parsed.errors, values: parsed.values, message: t("common.formErrors") }, 400);
  const { email, password, redirectTo } = parsed.data;
  const result = await attemptLogin(await getDb(), { email, password, address: clientAddress(context) });
  if (!result.ok) {
    const message =
      result.reason === "throttled" ? t("login.throttled", { seconds: result.retryAfterSeconds }) : t("login.failed");
    return data<ActionData>(
      { errors: {}, values: { email, redirectTo: redirectTo ?? "" }, message },
      { status: result.reason === "throttled" ? 429 : 401 },
    );
  }
  // A fresh session id on every sign-in (no fixation).
  const old = await getSession(request);
  await sessions().destroySession(old);
  const session = await sessions().getSession();
  session.set("userId", result.userId);
  // The log line of a successful sign-in names who signed in.
  noteRequestUser(result.userId);
  return redirect(safeRedirect(redirectTo, "/home"), {
    headers: { "Set-Cookie": await sessions().commitSession(session) },
  });
}

export default function Login() {
  const t = useT();
  const { redirectTo, signedOut, noRole } = useLoaderData<typeof loader>();
  const action = useActionData<ActionData>();
  const busy = useNavigation().state === "submitting";
  return (
    <section className="narrow">
      <h1>{t("login.title")}</h1>
      {signedOut && !action ? (
        <p role="status" className="alert alert--info">
          {t("login.signedOut")}
        </p>
      ) : null}
      {noRole ? <p className="alert alert--warn">{t("login.noRole")}</p> : null}
      <FormErrorSummary message={action?.message} />
      <Form method="post" noValidate>
        <input type="hidden" name="redirectTo" value={action?.values.redirectTo ?? redirectTo} />
        <Field
          name="email"
          type="email"
          autoComplete="username"
          label={t("login.email")}
          defaultValue={action?.values.email}
          error={action?.errors.email}
          required
        />
        <Field
          name="password"
          type="password"
          autoComplete="current-password"
          label={t("login.password")}
          error={action?.errors.password}
          required
        />
        <button type="submit" className="primary" disabled={busy}>
          {t("login.submit")}
        </button>
      </Form>
      <p className="muted">
        <Link to="/register">{t("portal.register.title")}</Link>
      </p>
    </section>
  );
}
