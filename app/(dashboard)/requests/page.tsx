import type { Metadata } from "next";
import { Suspense } from "react";
import { RequestsPanel } from "@/components/requests/requests-panel";
import { requirePageContext } from "@/lib/server/http/page";
import { listOuOptions } from "@/lib/server/org/list-ou-options";

export const metadata: Metadata = { title: "Account requests" };

export default async function RequestsPage() {
  const { db, principal } = await requirePageContext("self:manage");
  const ous = await listOuOptions(db, principal.scope);
  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-2xl font-semibold tracking-tight">Account requests</h1>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          Request a new AWS account; an admin approves it, OrgLens creates it in the requested OU
          (when account creation is on) or links it when it appears, and it turns compliant at its
          first clean audit.
        </p>
      </header>
      <Suspense>
        <RequestsPanel ous={ous} />
      </Suspense>
    </div>
  );
}
