import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { isLocale } from "~/i18n";
import { localeCookie } from "~/lib/locale.server";
import { safeRedirect } from "~/lib/redirect";
import { readForm } from "~/lib/request-body.server";

// Public: anyone may switch the language; the choice is remembered in a cookie.
export async function action({ request }: ActionFunctionArgs) {
  const form = await readForm(request);
  const lang = form.get("lang");
  const to = safeRedirect(form.get("redirectTo"));
  if (!isLocale(lang)) return redirect(to);
  return redirect(to, { headers: { "Set-Cookie": await localeCookie.serialize(lang) } });
}

export function loader() {
  return redirect("/");
}
