import type { Metadata } from "next";
import { RunsView } from "@/components/runs/runs-view";
import { requirePage } from "@/lib/server/http/page";
import { can } from "@/lib/auth/roles";
import { isOrgAdmin } from "@/lib/server/authorize";

export const metadata: Metadata = { title: "Collection runs" };

export default async function RunsPage() {
  const principal = await requirePage("data:read");
  return (
    <RunsView
      canTrigger={can(principal.role, "runs:trigger")}
      canReevaluate={isOrgAdmin(principal)}
    />
  );
}
