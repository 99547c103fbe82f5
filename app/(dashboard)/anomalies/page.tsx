import type { Metadata } from "next";
import { Suspense } from "react";
import { AnomaliesPanel } from "@/components/anomalies/anomalies-panel";
import { SavedViewsMenu } from "@/components/saved-views/saved-views-menu";
import { can } from "@/lib/auth/roles";
import { requirePage } from "@/lib/server/http/page";

export const metadata: Metadata = { title: "Cost anomalies" };

export default async function AnomaliesPage() {
  const principal = await requirePage("data:read");
  return (
    <div className="space-y-6">
      <header className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Cost anomalies</h1>
          <p className="text-sm text-slate-600 dark:text-slate-400">
            Daily spend per account and service that left its expected range: spikes, level shifts,
            new services and slow drifts, checked after every collection.
          </p>
        </div>
        <SavedViewsMenu page="anomalies" canShare={can(principal.role, "views:share")} />
      </header>
      <Suspense>
        <AnomaliesPanel canDecide={can(principal.role, "anomalies:decide")} />
      </Suspense>
    </div>
  );
}
