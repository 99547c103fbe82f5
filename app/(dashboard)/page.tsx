import type { Metadata } from "next";
import { Suspense } from "react";
import { OverviewDashboard } from "@/components/overview/overview-dashboard";
import { WallDisplay } from "@/components/overview/wall-display";
import { requirePage } from "@/lib/server/http/page";
import { can } from "@/lib/auth/roles";
import { Skeleton } from "@/components/ui/card";

export const metadata: Metadata = { title: "Overview" };

export default async function OverviewPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const principal = await requirePage("dashboard:read");
  const wall = (await searchParams).display === "wall";
  return (
    // The period and refresh interval live in the URL, read with useSearchParams, which needs a boundary.
    <Suspense fallback={<Skeleton className="h-96 w-full" />}>
      {wall ? (
        <WallDisplay />
      ) : (
        <OverviewDashboard canOpenFindings={can(principal.role, "data:read")} />
      )}
    </Suspense>
  );
}
