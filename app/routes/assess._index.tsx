import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { countAssignments } from "../../db/queries/assignments";
import { getDb } from "~/lib/db.server";
import { requirePanelMember } from "~/lib/guards.server";
import { useT } from "~/lib/use-t";
import { formatNumber } from "~/i18n/format";

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requirePanelMember(request);
  return { assigned: await countAssignments(await getDb(), viewer.user.id) };
}

export default function AssessHome() {
  const t = useT();
  const { assigned } = useLoaderData<typeof loader>();
  return (
    <section>
      <h1>{t("assess.home.title")}</h1>
      <p>{t("assess.home.intro")}</p>
      <p>{t("assess.home.assigned", { count: formatNumber(assigned) })}</p>
    </section>
  );
}
