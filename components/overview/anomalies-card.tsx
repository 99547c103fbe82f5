import Link from "next/link";
import { Card, Skeleton } from "@/components/ui/card";
import type { TOverview } from "@/lib/api/overview";
import { formatMoney } from "@/lib/format/money";

/** Open cost anomalies in the caller's OUs: how many and their impact, linking to the Anomalies page. */
export function AnomaliesCard({
  open,
  linkable,
}: {
  open: TOverview["openAnomalies"] | undefined;
  linkable: boolean;
}) {
  const label = `${open?.count.toLocaleString("en-US") ?? 0} open`;
  return (
    <Card title="Cost anomalies">
      {!open ? (
        <Skeleton className="h-12 w-full" />
      ) : (
        <p className="text-sm">
          <span className="tabular text-2xl font-semibold" data-testid="overview-open-anomalies">
            {linkable ? (
              <Link
                href="/anomalies"
                className="text-indigo-700 underline underline-offset-2 dark:text-indigo-300"
              >
                {label}
              </Link>
            ) : (
              label
            )}
          </span>{" "}
          <span className="text-slate-600 dark:text-slate-400">
            {open.count === 0
              ? "daily spend stayed within its expected range"
              : `${formatMoney(open.impact)} above the expected spend`}
          </span>
        </p>
      )}
    </Card>
  );
}
