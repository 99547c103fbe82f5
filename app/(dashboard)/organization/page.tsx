import type { Metadata } from "next";
import { Suspense } from "react";
import { OrgExplorer } from "@/components/org-tree/org-explorer";
import { requirePage } from "@/lib/server/http/page";
import { can } from "@/lib/auth/roles";

export const metadata: Metadata = { title: "Organization" };

export default async function OrganizationPage() {
  const principal = await requirePage("dashboard:read");
  return (
    // useSearchParams needs a Suspense boundary; the explorer renders its own skeletons.
    <Suspense fallback={null}>
      <OrgExplorer canOpenAccounts={can(principal.role, "data:read")} />
    </Suspense>
  );
}
