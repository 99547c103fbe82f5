"use client";

import { useQuery } from "@tanstack/react-query";
import type { ColumnDef } from "@tanstack/react-table";
import Decimal from "decimal.js";
import { DataTable } from "@/components/tables/data-table";
import { Card, ErrorState, Skeleton, Stat } from "@/components/ui/card";
import { fetchJson } from "@/lib/api/fetch-json";
import {
  ZCommitmentsResponse,
  type TCommitmentAccountView,
  type TCommitmentsResponse,
  type TExpiringCommitmentView,
} from "@/lib/api/commitments";
import { formatMoney, formatMonth } from "@/lib/format/money";
import { CommitmentTrendChart } from "./commitment-trend-chart";

const KIND_LABEL = {
  savings_plan: "Savings Plan",
  reserved_instance: "Reserved Instance",
} as const;
const pctText = (v: string | null) => (v === null ? "–" : `${Number(v).toFixed(1)}%`);
const dateFmt = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: "UTC" });

const expiringColumns: ColumnDef<TExpiringCommitmentView>[] = [
  {
    id: "commitment",
    header: "Commitment",
    enableSorting: false,
    cell: ({ row: { original: e } }) => (
      <span title={e.commitmentId}>
        {KIND_LABEL[e.kind]}
        {e.description ? ` · ${e.description}` : ""}
      </span>
    ),
  },
  {
    id: "account",
    header: "Owner account",
    enableSorting: false,
    cell: ({ row: { original: e } }) => `${e.accountName} (${e.accountId})`,
  },
  {
    id: "commitment-amount",
    header: "Monthly commitment",
    enableSorting: false,
    meta: { align: "right" },
    cell: ({ row }) => formatMoney(row.original.commitment, { cents: true }),
  },
  {
    id: "ends",
    header: "Ends",
    enableSorting: false,
    meta: { align: "right" },
    cell: ({ row: { original: e } }) => (
      <span data-testid="expiry-days">
        {dateFmt.format(new Date(e.endsAt))} · in {e.daysLeft} days
      </span>
    ),
  },
];

const accountColumns: ColumnDef<TCommitmentAccountView>[] = [
  {
    id: "account",
    header: "Account",
    enableSorting: false,
    cell: ({ row: { original: a } }) => `${a.accountName} (${a.accountId})`,
  },
  {
    id: "sp",
    header: "Savings Plans coverage",
    enableSorting: false,
    meta: { align: "right" },
    cell: ({ row }) => pctText(row.original.spCoveragePct),
  },
  {
    id: "ri",
    header: "RI coverage (hours)",
    enableSorting: false,
    meta: { align: "right" },
    cell: ({ row }) => pctText(row.original.riCoveragePct),
  },
  {
    id: "on-demand",
    header: "On-demand spend that could be covered",
    enableSorting: false,
    meta: { align: "right" },
    cell: ({ row }) => (
      <span data-testid="account-on-demand">
        {formatMoney(row.original.onDemandCost, { cents: true })}
      </span>
    ),
  },
];

function StatusNotices({ status }: { status: TCommitmentsResponse["status"] }) {
  const problems = status.filter((s) => s.status === "denied" || s.status === "error");
  if (!problems.length) return null;
  return (
    <div
      role="status"
      className="rounded-xl border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900 dark:border-amber-900 dark:bg-amber-950 dark:text-amber-100"
      data-testid="commitments-status"
    >
      {problems.map((s) => (
        <p key={s.kind}>
          {s.kind === "savings_plan" ? "Savings Plans" : "Reserved Instances"}:{" "}
          {s.status === "denied"
            ? "no data / not permitted — the collector's role may not read them (ce:GetSavingsPlans*, ce:GetReservation*), or the organization has none."
            : "the last run could not read them; figures shown are from earlier runs."}
          {s.message ? (
            <span className="text-amber-800 dark:text-amber-200"> ({s.message})</span>
          ) : null}
        </p>
      ))}
    </div>
  );
}

function LastMonth({ data }: { data: TCommitmentsResponse }) {
  const month = data.lastMonth;
  const rows = data.months.filter((m) => m.month === month);
  const sp = rows.find((m) => m.kind === "savings_plan");
  const ri = rows.find((m) => m.kind === "reserved_instance");
  const sum = (f: "onDemandCost" | "unused" | "used" | "commitment") =>
    rows.reduce((a, m) => a.plus(m[f]), new Decimal(0));
  const commitment = sum("commitment");
  const utilization = commitment.gt(0) ? sum("used").div(commitment).mul(100).toFixed(2) : null;
  return (
    <div className="grid gap-3 sm:grid-cols-2 xl:grid-cols-5">
      <Stat
        label="Savings Plans coverage"
        value={pctText(sp?.coveragePct ?? null)}
        testId="stat-sp-coverage"
        hint="Covered share of eligible spend"
      />
      <Stat
        label="RI coverage"
        value={pctText(ri?.coveragePct ?? null)}
        testId="stat-ri-coverage"
        hint="Reserved share of running hours"
      />
      <Stat
        label="Commitment utilization"
        value={pctText(utilization)}
        testId="stat-utilization"
        hint="Used share of Savings Plans and RI commitments"
      />
      <Stat
        label="On-demand spend that could be covered"
        value={formatMoney(sum("onDemandCost").toFixed(), { cents: true })}
        testId="stat-on-demand"
      />
      <Stat
        label="Unused commitment cost"
        value={formatMoney(sum("unused").toFixed(), { cents: true })}
        testId="stat-unused"
      />
    </div>
  );
}

export function CommitmentsPage() {
  const q = useQuery({
    queryKey: ["commitments", 12],
    queryFn: () => fetchJson("/api/v1/commitments?months=12", ZCommitmentsResponse),
  });
  if (q.isError) return <ErrorState message={q.error.message} onRetry={() => void q.refetch()} />;
  if (!q.data)
    return (
      <div className="space-y-4" aria-busy="true">
        <Skeleton className="h-24 w-full" />
        <Skeleton className="h-64 w-full" />
      </div>
    );
  const data = q.data;
  return (
    <div className="space-y-6">
      <StatusNotices status={data.status} />
      {!data.months.length ? (
        <Card>
          <p className="text-sm text-slate-600 dark:text-slate-400" data-testid="commitments-empty">
            No Savings Plans or Reserved Instances data for the accounts you can see yet. It is
            collected from Cost Explorer with every run.
          </p>
        </Card>
      ) : (
        <>
          <p className="text-sm text-slate-600 dark:text-slate-400">
            {data.lastMonth
              ? `Last full month: ${formatMonth(data.lastMonth)}.`
              : "No full month yet."}{" "}
            Coverage counts for the account whose usage it covers; a commitment, its utilization and
            its unused cost for the account that bought it.
          </p>
          {data.lastMonth ? <LastMonth data={data} /> : null}
          <Card title="Coverage and utilization by month">
            <CommitmentTrendChart months={data.months} />
          </Card>
        </>
      )}
      <Card title="Commitments expiring soon">
        <ul
          className="mb-3 flex flex-wrap gap-4 text-sm"
          aria-label="Commitments expiring by window"
        >
          {([30, 60, 90] as const).map((w) => (
            <li key={w}>
              Within {w} days:{" "}
              <span className="tabular font-semibold" data-testid={`expiring-${w}`}>
                {data.expiringCounts[w]}
              </span>
            </li>
          ))}
        </ul>
        <DataTable
          testId="expiring-table"
          caption="Savings Plans and Reserved Instances ending within 90 days"
          data={data.expiring}
          columns={expiringColumns}
          getRowId={(e) => e.commitmentId}
          emptyMessage="No commitment ends within 90 days."
        />
      </Card>
      {data.accounts.length ? (
        <Card
          title={`Accounts by on-demand spend (${data.lastMonth ? formatMonth(data.lastMonth) : ""})`}
        >
          <DataTable
            testId="commitment-accounts"
            caption="Coverage per account and the eligible spend that ran on demand"
            data={data.accounts}
            columns={accountColumns}
            getRowId={(a) => a.accountId}
            rowIdAttribute="data-account"
          />
        </Card>
      ) : null}
    </div>
  );
}
