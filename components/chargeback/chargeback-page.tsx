"use client";

import { useQuery } from "@tanstack/react-query";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { ErrorState, Skeleton } from "@/components/ui/card";
import { fetchJson } from "@/lib/api/fetch-json";
import { ZChargebackView } from "@/lib/api/chargeback";
import { AdjustmentsTable } from "./adjustments-table";
import { AllocationOrderCard } from "./allocation-order-card";
import { ChargePolicyCard } from "./charge-policy-card";
import { CostCenterTable } from "./cost-center-table";
import { MonthBar } from "./month-bar";
import { OuDefaultsCard } from "./ou-defaults-card";
import { PeriodCard } from "./period-card";
import { PoolsCard } from "./pools-card";
import { ReconciliationCard } from "./reconciliation-card";
import { RulesPanel } from "./rules-panel";

export interface ChargebackAbilities {
  closePeriods: boolean;
  writeRules: boolean;
  writeSettings: boolean;
  /** Previews show the whole organization: unscoped callers only. */
  preview: boolean;
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

export function ChargebackPage({ can }: { can: ChargebackAbilities }) {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const requested = params.get("month") ?? "";
  const month = MONTH.test(requested) ? requested : null;
  const expanded = params.get("cc");
  const q = useQuery({
    queryKey: ["chargeback", month ?? "latest"],
    queryFn: () =>
      fetchJson(`/api/v1/chargeback${month ? `?month=${month}` : ""}`, ZChargebackView),
  });

  const setParam = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value === null) next.delete(key);
    else next.set(key, value);
    router.replace(`${pathname}${next.size ? `?${next}` : ""}`, { scroll: false });
  };
  const view = q.data;

  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-2xl font-semibold tracking-tight">Chargeback</h1>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          Each month&apos;s cost by cost center, with shared costs split by rule, reconciled to the
          organization&apos;s total to the cent.
        </p>
      </header>
      {q.isError ? (
        <ErrorState
          message={`Could not load the chargeback: ${q.error.message}`}
          onRetry={() => void q.refetch()}
        />
      ) : null}
      <MonthBar view={view} onMonth={(m) => setParam("month", m.slice(0, 7))} />
      {view?.state === "empty" ? (
        <p className="rounded-xl border border-slate-200 bg-white p-8 text-center text-sm text-slate-600 dark:border-slate-800 dark:bg-slate-900 dark:text-slate-400">
          No cost data yet. Run a collection to load spend.
        </p>
      ) : (
        <>
          <div className="grid gap-4 lg:grid-cols-3">
            {view ? (
              <>
                <PeriodCard view={view} canClose={can.closePeriods} />
                <ReconciliationCard view={view} />
                <AllocationOrderCard view={view} canEdit={can.writeSettings} />
              </>
            ) : (
              [0, 1, 2].map((i) => <Skeleton key={i} className="h-44 w-full" />)
            )}
          </div>
          {view ? (
            <ChargePolicyCard view={view} canEdit={can.writeSettings} />
          ) : (
            <Skeleton className="h-40 w-full" />
          )}
          {view ? (
            <CostCenterTable
              view={view}
              expanded={expanded}
              onExpand={(cc) => setParam("cc", cc)}
            />
          ) : (
            <Skeleton className="h-96 w-full" />
          )}
          {view && view.adjustments.length ? <AdjustmentsTable view={view} /> : null}
          {view && view.pools.length ? <PoolsCard view={view} /> : null}
        </>
      )}
      {view?.month ? (
        <RulesPanel month={view.month} canWrite={can.writeRules} canPreview={can.preview} />
      ) : null}
      {can.preview ? <OuDefaultsCard canEdit={can.writeRules} /> : null}
    </div>
  );
}
