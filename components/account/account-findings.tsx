"use client";

import type { ColumnDef } from "@tanstack/react-table";
import { DataTable } from "@/components/tables/data-table";
import type { TAccountDetail } from "@/lib/api/accounts";
import { formatDate } from "./format";
import { Badge, Empty, Section } from "./section";

type Finding = TAccountDetail["findings"][number];

const SEVERITY_TONE: Record<string, "bad" | "warn" | "neutral"> = {
  critical: "bad",
  high: "bad",
  medium: "warn",
};

function columns(asOf: string): ColumnDef<Finding>[] {
  return [
    {
      id: "severity",
      header: "Severity",
      enableSorting: false,
      cell: ({ row: { original: f } }) => (
        <Badge tone={f.status === "open" ? (SEVERITY_TONE[f.severity] ?? "neutral") : "neutral"}>
          {f.severity}
        </Badge>
      ),
    },
    {
      id: "finding",
      header: "Finding",
      enableSorting: false,
      meta: { cellClassName: "" },
      cell: ({ row: { original: f } }) => (
        <>
          <p>{f.title}</p>
          <p className="text-xs text-slate-500 dark:text-slate-400">
            {f.checkId} · {f.category}
          </p>
        </>
      ),
    },
    {
      id: "status",
      header: "Status",
      enableSorting: false,
      cell: ({ row: { original: f } }) => {
        const muted = f.mutedUntil !== null && f.mutedUntil > asOf;
        return (
          <>
            {f.status === "open" ? "Open" : `Resolved ${formatDate(f.resolvedAt, "")}`}
            {muted ? (
              <p
                className="text-xs text-slate-500 dark:text-slate-400"
                title={f.muteReason ?? undefined}
              >
                Muted until {formatDate(f.mutedUntil)}
              </p>
            ) : null}
            {f.exceptedBy !== null ? (
              <p className="text-xs text-slate-500 dark:text-slate-400">
                Excepted by rule “{f.exceptedBy}”
              </p>
            ) : null}
            {f.stale ? (
              <p className="text-xs text-amber-700 dark:text-amber-300">
                Last known (account not audited)
              </p>
            ) : null}
          </>
        );
      },
    },
    {
      id: "firstSeen",
      header: "First seen",
      enableSorting: false,
      cell: ({ row }) => formatDate(row.original.firstSeenAt),
    },
  ];
}

/** Open findings first (most severe first), then resolved ones. */
export function AccountFindings({
  findings,
  asOf,
}: {
  findings: readonly Finding[];
  asOf: string;
}) {
  const open = findings.filter((f) => f.status === "open");
  return (
    <Section
      id="findings-title"
      title="Findings"
      count={open.length}
      note={`${open.length} open, ${findings.length - open.length} resolved`}
    >
      {findings.length === 0 ? (
        <Empty>No findings for this account. Checks run with every collection.</Empty>
      ) : (
        <DataTable
          testId="account-findings"
          caption="Findings"
          data={[...findings]}
          columns={columns(asOf)}
          getRowId={(f) => f.id}
          align="top"
          rowClassName={(f) => (f.status === "open" ? "" : "text-slate-500 dark:text-slate-400")}
        />
      )}
    </Section>
  );
}
