import type { Metadata } from "next";
import { Suspense } from "react";
import { CostShowback } from "@/components/costs/cost-showback";
import { Skeleton } from "@/components/ui/card";
import { requirePage } from "@/lib/server/http/page";
import { can } from "@/lib/auth/roles";

export const metadata: Metadata = { title: "Cost showback" };

export default async function CostsPage() {
  const principal = await requirePage("dashboard:read");
  return (
    // useSearchParams needs a Suspense boundary above it.
    <Suspense fallback={<Skeleton className="h-96 w-full" />}>
      <CostShowback
        canExport={can(principal.role, "export")}
        canShareViews={can(principal.role, "views:share")}
      />
    </Suspense>
  );
}
