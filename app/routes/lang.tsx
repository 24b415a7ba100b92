import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { isLocale } from "~/i18n";
import { localeCookie } from "~/lib/locale.server";
import { safeRedirect } from "~/lib/redirect";

// Public: anyone may switch the language; the choice is remembered in a cookie.
export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData();
  const lang = form.get("lang");
  const to = safeRedirect(form.get("redirectTo"));
  if (!isLocale(lang)) return redirect(to);
  return redirect(to, { headers: { "Set-Cookie": await localeCookie.serialize(lang) } });
}

export function loader() {
  return redirect("/");
}
