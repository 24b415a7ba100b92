import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { requireViewer, roleHome, refusePost } from "~/lib/guards.server";

export const action = refusePost;

// After sign-in: each role has its own home.
export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  return redirect(roleHome(viewer) ?? "/login");
}
