"use client";

import type { ColumnDef } from "@tanstack/react-table";
import { DataTable } from "@/components/tables/data-table";
import { Card } from "@/components/ui/card";
import type { TChargebackView } from "@/lib/api/chargeback";
import { formatMoneyCents } from "@/lib/format/money";
import { BASIS_LABEL } from "./labels";

type CostCenter = TChargebackView["costCenters"][number];
type Charged = CostCenter["accounts"][number];

const money = (id: string, header: string, value: (a: Charged) => string): ColumnDef<Charged> => ({
  id,
  header,
  accessorFn: (a) => Number(value(a)),
  meta: { align: "right" },
  cell: ({ row }) => formatMoneyCents(value(row.original)),
});

const ACCOUNT_COLUMNS: ColumnDef<Charged>[] = [
  {
    id: "account",
    header: "Account",
    accessorFn: (a) => a.accountName,
    cell: ({ row: { original: a } }) =>
      a.accountId ? (
        <>
          <span className="font-medium">{a.accountName || "(unknown account)"}</span>{" "}
          <span className="tabular text-xs text-slate-600 dark:text-slate-400">{a.accountId}</span>
        </>
      ) : (
        <em>Shared cost without an account</em>
      ),
  },
  { id: "ou", header: "OU (in the month)", accessorFn: (a) => a.ouPath },
  {
    id: "basis",
    header: "How allocated",
    accessorFn: (a) => (a.basis ? BASIS_LABEL[a.basis] : "as issued"),
  },
  money("direct", "Direct", (a) => a.direct),
  money("shared", "Shared", (a) => a.shared),
  money("total", "Total", (a) => a.total),
];

/** Cost centers with direct, shared and total; a row opens to the accounts charged to it. */
export function CostCenterTable({
  view,
  expanded,
  onExpand,
}: {
  view: TChargebackView;
  expanded: string | null;
  onExpand: (cc: string | null) => void;
}) {
  const columns: ColumnDef<CostCenter>[] = [
    {
      id: "costCenter",
      header: "Cost center",
      footer: "Total",
      accessorFn: (cc) => cc.costCenter,
      cell: ({ row: { original: cc } }) => {
        const open = expanded === cc.costCenter;
        return (
          <button
            type="button"
            aria-expanded={open}
            className="flex items-center gap-1 font-medium hover:underline"
            onClick={() => onExpand(open ? null : cc.costCenter)}
          >
            <span aria-hidden className="inline-block w-3">
              {open ? "▾" : "▸"}
            </span>
            {cc.costCenter === "unallocated" ? <em>unallocated</em> : cc.costCenter}
          </button>
        );
      },
    },
    {
      id: "accounts",
      header: "Accounts",
      accessorFn: (cc) => cc.accounts.length,
      meta: { align: "right" },
      footer: () => view.costCenters.reduce((s, c) => s + c.accounts.length, 0),
    },
    {
      id: "direct",
      header: "Direct",
      accessorFn: (cc) => Number(cc.direct),
      meta: { align: "right" },
      cell: ({ row }) => formatMoneyCents(row.original.direct),
    },
    {
      id: "shared",
      header: "Shared allocated",
      accessorFn: (cc) => Number(cc.shared),
      meta: { align: "right" },
      cell: ({ row }) => formatMoneyCents(row.original.shared),
    },
    {
      id: "total",
      header: "Total",
      accessorFn: (cc) => Number(cc.total),
      meta: {
        align: "right",
        cellClassName: "whitespace-nowrap font-semibold",
        cellAttributes: { "data-testid": "cc-total" },
      },
      cell: ({ row }) => formatMoneyCents(row.original.total),
      footer: () => (
        <span data-testid="table-total">{formatMoneyCents(view.check.chargebackTotal)}</span>
      ),
    },
  ];
  return (
    <Card title={`Chargeback by cost center (${view.costCenters.length})`}>
      <DataTable
        data={view.costCenters}
        columns={columns}
        caption="Chargeback by cost center"
        getRowId={(cc) => cc.costCenter}
        rowIdAttribute="data-cost-center"
        testId="cost-center-table"
        renderSubRow={(cc) =>
          expanded === cc.costCenter ? (
            <DataTable
              data={cc.accounts}
              columns={ACCOUNT_COLUMNS}
              caption={`Accounts charged to ${cc.costCenter}`}
              getRowId={(a) => a.accountId || "none"}
              rowIdAttribute="data-account-id"
            />
          ) : null
        }
      />
    </Card>
  );
}
