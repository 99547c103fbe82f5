import Link from "next/link";
import type { TAccountInventoryQuery, TAccountInventoryRow } from "@/lib/api/accounts";
import { formatMoney } from "@/lib/format/money";

export const COLUMNS: readonly {
  sort: TAccountInventoryQuery["sort"];
  label: string;
  right?: boolean;
}[] = [
  { sort: "name", label: "Account" },
  { sort: "ouPath", label: "OU" },
  { sort: "environment", label: "Environment" },
  { sort: "owner", label: "Owner" },
  { sort: "costCenter", label: "Cost center" },
  { sort: "spend", label: "Spend", right: true },
  { sort: "change", label: "Change", right: true },
  { sort: "findings", label: "Open findings" },
  { sort: "audit", label: "Audit" },
];

const SEVERITY = [
  { key: "critical", short: "C", cls: "bg-red-100 text-red-800 dark:bg-red-950 dark:text-red-200" },
  {
    key: "high",
    short: "H",
    cls: "bg-orange-100 text-orange-900 dark:bg-orange-950 dark:text-orange-200",
  },
  {
    key: "medium",
    short: "M",
    cls: "bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-200",
  },
  {
    key: "low",
    short: "L",
    cls: "bg-slate-100 text-slate-800 dark:bg-slate-800 dark:text-slate-100",
  },
] as const;

const AUDIT_CLS: Record<TAccountInventoryRow["audit"], string> = {
  audited: "text-emerald-700 dark:text-emerald-300",
  failed: "font-medium text-red-700 dark:text-red-300",
  skipped: "text-slate-600 dark:text-slate-400",
  never: "text-slate-600 dark:text-slate-400",
};

const pct = new Intl.NumberFormat("en-US", { maximumFractionDigits: 1, signDisplay: "exceptZero" });
const muted = "text-slate-600 dark:text-slate-400";

export function AccountRow({
  row,
  index,
  height,
}: {
  row: TAccountInventoryRow;
  index: number;
  height: number;
}) {
  const open = SEVERITY.filter((s) => row.findings[s.key] > 0);
  return (
    <tr
      aria-rowindex={index}
      style={{ height }}
      className="border-t border-slate-100 dark:border-slate-800"
      data-account-id={row.id}
    >
      <td className="whitespace-nowrap px-3">
        <Link
          href={`/accounts/${row.id}`}
          className="font-medium text-indigo-700 hover:underline dark:text-indigo-300"
        >
          {row.name}
        </Link>{" "}
        <span className={`tabular text-xs ${muted}`}>{row.id}</span>
        {row.status !== "ACTIVE" ? (
          <span className={`ml-1 text-xs ${muted}`}>({row.status.toLowerCase()})</span>
        ) : null}
      </td>
      <td className="max-w-64 truncate px-3" title={row.ouPath}>
        {row.ouPath}
      </td>
      <td className="px-3">{row.environment ?? <span className={muted}>—</span>}</td>
      <td className="max-w-56 truncate px-3" title={row.owner ?? undefined}>
        {row.owner ?? <span className={muted}>—</span>}
      </td>
      <td className="whitespace-nowrap px-3">
        {row.costCenter ?? <span className={muted}>—</span>}
      </td>
      <td className="tabular whitespace-nowrap px-3 text-right">{formatMoney(row.spend)}</td>
      <td className="tabular whitespace-nowrap px-3 text-right">
        {row.changePct === null ? (
          <span className={muted}>new</span>
        ) : (
          `${pct.format(row.changePct)}%`
        )}
      </td>
      <td className="whitespace-nowrap px-3">
        {open.length === 0 ? (
          <span className={muted}>none</span>
        ) : (
          <span className="flex gap-1">
            {open.map((s) => (
              <span
                key={s.key}
                className={`rounded px-1.5 py-0.5 text-xs font-medium ${s.cls}`}
                title={`${row.findings[s.key]} ${s.key}`}
              >
                <span aria-hidden>{s.short}</span>
                <span className="sr-only">{s.key}</span> {row.findings[s.key]}
              </span>
            ))}
          </span>
        )}
      </td>
      <td className={`whitespace-nowrap px-3 ${AUDIT_CLS[row.audit]}`}>{row.audit}</td>
    </tr>
  );
}
