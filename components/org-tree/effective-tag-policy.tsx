"use client";

// The tag policy in force on an OU or account (after inheritance, @@assign, @@append and @@remove),
// one row per tag key, each value with the OU and policy it comes from.
import type { ColumnDef } from "@tanstack/react-table";
import { DataTable } from "@/components/tables/data-table";
import type {
  TEffectiveTagPolicyView,
  TEffectiveTagRuleView,
  TTagPolicyOrigin,
  TTagPolicyValue,
} from "@/lib/api/org";

/** "Root", an OU or account name, or a neutral phrase for an OU above the caller's view. */
export function originLabel(o: TTagPolicyOrigin): string {
  return o.targetName ?? "an OU above your view";
}

function Values({ values, none }: { values: readonly TTagPolicyValue[]; none: string }) {
  if (!values.length) return <span className="text-slate-500 dark:text-slate-400">{none}</span>;
  return (
    <ul className="space-y-0.5">
      {values.map((v) => (
        <li key={v.value}>
          <code className="text-xs">{v.value}</code>{" "}
          <span className="text-xs text-slate-500 dark:text-slate-400">
            · {originLabel(v.from)}
            {v.from.policies.length ? ` (${v.from.policies.join(", ")})` : ""}
          </span>
        </li>
      ))}
    </ul>
  );
}

const columns: ColumnDef<TEffectiveTagRuleView>[] = [
  {
    id: "key",
    header: "Tag key",
    accessorFn: (r) => r.key,
    meta: { sticky: true },
    cell: ({ row }) => <span className="font-medium">{row.original.tagKey}</span>,
  },
  {
    id: "values",
    header: "Allowed values",
    enableSorting: false,
    cell: ({ row }) => <Values values={row.original.values} none="any value" />,
  },
  {
    id: "enforced",
    header: "Enforced for",
    enableSorting: false,
    cell: ({ row }) => <Values values={row.original.enforcedFor} none="not enforced" />,
  },
  {
    id: "reported",
    header: "Reported when missing",
    enableSorting: false,
    cell: ({ row }) => <Values values={row.original.reportRequiredFor} none="—" />,
  },
  {
    id: "sources",
    header: "Defined by",
    enableSorting: false,
    cell: ({ row }) => (
      <ul className="space-y-0.5 text-xs">
        {row.original.sources.map((s, i) => (
          <li key={`${s.targetId ?? "hidden"}-${i}`}>
            {s.policies.join(", ")}{" "}
            <span className="text-slate-500 dark:text-slate-400">on {originLabel(s)}</span>
          </li>
        ))}
      </ul>
    ),
  },
];

export function EffectiveTagPolicy({
  policy,
  testId,
}: {
  policy: TEffectiveTagPolicyView;
  testId: string;
}) {
  const what =
    policy.target.kind === "account"
      ? "this account"
      : policy.target.kind === "root"
        ? "the organization root"
        : "this OU";
  if (!policy.rules.length) {
    return (
      <p className="mt-1 text-xs text-slate-500 dark:text-slate-400" data-testid={testId}>
        No tag policy applies to {what}.
      </p>
    );
  }
  return (
    <div className="mt-1 space-y-2">
      <DataTable
        data={policy.rules}
        columns={columns}
        caption={`Effective tag policy of ${policy.target.name}`}
        getRowId={(r) => r.key}
        initialSorting={[{ id: "key", desc: false }]}
        testId={testId}
      />
      {policy.ignored.length ? (
        <p className="text-xs text-amber-800 dark:text-amber-300">
          Ignored, because a parent policy does not allow the operator: {policy.ignored.join("; ")}.
        </p>
      ) : null}
    </div>
  );
}
