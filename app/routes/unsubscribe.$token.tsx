import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { turnOffReminders } from "../../db/queries/account";
import { getDb } from "~/lib/db.server";
import { readForm } from "~/lib/request-body.server";
import { unsubscribeTarget } from "~/lib/unsubscribe-page.server";
import { useT } from "~/lib/use-t";

// Public: the link in every reminder (app/lib/mail/unsubscribe.server.ts). A GET only shows whose
// reminders it turns off and a button, so a mail scanner following links changes nothing; the POST
// turns them off, from this page or as a mail program's one-click unsubscribe (RFC 8058: a POST
// with the body List-Unsubscribe=One-Click, no session, no Origin; app/server/security.ts lets a
// post without Origin through). A token we did not sign answers 404 with a page that says so.

type PageData = { state: "invalid" } | { state: "ask" | "already" | "done"; maskedEmail: string };

export async function loader({ params }: LoaderFunctionArgs) {
  const target = await unsubscribeTarget(params.token);
  if (!target) return data<PageData>({ state: "invalid" }, 404);
  return data<PageData>({ state: target.reminders ? "ask" : "already", maskedEmail: target.maskedEmail });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const target = await unsubscribeTarget(params.token);
  if (!target) return data<PageData>({ state: "invalid" }, 404);
  // The body says nothing we need (the token names the account), but it must be a form.
  await readForm(request);
  await turnOffReminders(await getDb(), target.userId);
  return data<PageData>({ state: "done", maskedEmail: target.maskedEmail });
}

export default function Unsubscribe() {
  const t = useT();
  const loaded = useLoaderData<PageData>();
  const page = useActionData<PageData>() ?? loaded;
  const busy = useNavigation().state === "submitting";
  if (page.state === "invalid")
    return (
      <section className="narrow">
        <h1>{t("unsubscribe.invalid.title")}</h1>
        <p>{t("unsubscribe.invalid.body")}</p>
      </section>
    );
  return (
    <section className="narrow">
      <h1>{t("unsubscribe.title")}</h1>
      <p>{t("unsubscribe.for", { email: page.maskedEmail })}</p>
      {page.state === "ask" ? (
        <>
          <p>{t("unsubscribe.explain")}</p>
          <Form method="post">
            <input type="hidden" name="List-Unsubscribe" value="One-Click" />
            <button type="submit" disabled={busy}>
              {t("unsubscribe.button")}
            </button>
          </Form>
        </>
      ) : (
        <div className="alert alert--info" role="status">
          {t(page.state === "done" ? "unsubscribe.done" : "unsubscribe.already")}
        </div>
      )}
    </section>
  );
}
