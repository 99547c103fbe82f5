import type { Metadata } from "next";
import { Suspense } from "react";
import { FindingsView } from "@/components/findings/findings-view";
import { can } from "@/lib/auth/roles";
import { requirePageContext } from "@/lib/server/http/page";
import { listFindingFilterOptions } from "@/lib/server/findings/list-finding-filter-options";

export const metadata: Metadata = { title: "Findings" };

export default async function FindingsPage() {
  const { db, principal } = await requirePageContext("data:read");
  const options = await listFindingFilterOptions(db, principal.scope);
  return (
    <Suspense>
      <FindingsView
        options={options}
        canExport={can(principal.role, "export")}
        canAssign={can(principal.role, "findings:assign") && principal.kind === "user"}
        canShareViews={can(principal.role, "views:share")}
        me={principal.email}
      />
    </Suspense>
  );
}
