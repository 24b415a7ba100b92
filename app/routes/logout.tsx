import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { signOut } from "~/lib/guards.server";

// Signing out needs no role: it only ends the caller's own session (POST only).
export async function action({ request }: ActionFunctionArgs) {
  return redirect("/login?signedOut=1", { headers: await signOut(request) });
}

export function loader() {
  return redirect("/");
}
