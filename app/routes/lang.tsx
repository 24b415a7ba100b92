import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { rememberLocale } from "../../db/queries/account";
import { isLocale } from "~/i18n";
import { getDb } from "~/lib/db.server";
import { getViewer } from "~/lib/guards.server";
import { localeCookie } from "~/lib/locale.server";
import { safeRedirect } from "~/lib/redirect";
import { readForm } from "~/lib/request-body.server";

// Public: anyone may switch the language; the choice is remembered in a cookie. A signed-in
// person's account remembers it too: their mail is written in the language they use.
export async function action({ request }: ActionFunctionArgs) {
  const form = await readForm(request);
  const lang = form.get("lang");
  const to = safeRedirect(form.get("redirectTo"));
  if (!isLocale(lang)) return redirect(to);
  const viewer = await getViewer(request);
  if (viewer) await rememberLocale(await getDb(), viewer.user.id, lang);
  return redirect(to, { headers: { "Set-Cookie": await localeCookie.serialize(lang) } });
}

export function loader() {
  return redirect("/");
}
