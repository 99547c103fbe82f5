import type { Metadata } from "next";
import { Suspense } from "react";
import { OverviewDashboard } from "@/components/overview/overview-dashboard";
import { requirePage } from "@/lib/auth/page-guard";
import { can } from "@/lib/auth/roles";
import { Skeleton } from "@/components/ui/card";

export const metadata: Metadata = { title: "Overview" };

export default async function OverviewPage() {
  const principal = await requirePage("dashboard:read");
  return (
    // The period lives in the URL: the dashboard reads it with useSearchParams, which needs a boundary.
    <Suspense fallback={<Skeleton className="h-96 w-full" />}>
      <OverviewDashboard canOpenFindings={can(principal.role, "data:read")} />
    </Suspense>
  );
}
