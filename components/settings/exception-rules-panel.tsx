"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { ColumnDef } from "@tanstack/react-table";
import Link from "next/link";
import { useState } from "react";
import { z } from "zod";
import { ActionError } from "@/components/ui/action-error";
import { Card, ErrorState, Skeleton } from "@/components/ui/card";
import { DataTable } from "@/components/tables/data-table";
import { fetchJson } from "@/lib/api/fetch-json";
import { ZExceptionRuleList, type TExceptionRule } from "@/lib/api/exception-rules";
import type { FindingFilterOptions } from "@/lib/api/findings";
import { ExceptionRuleForm } from "./exception-rule-form";
import { ExceptionRulesYaml } from "./exception-rules-yaml";

const KEY = ["exception-rules"];
const TAG = "inline-block rounded px-1.5 py-0.5 text-xs font-medium ring-1";
const STATE_BADGE: Record<TExceptionRule["state"], { label: string; cls: string } | null> = {
  active: null,
  expiring: {
    label: "Expiring soon",
    cls: "bg-amber-50 text-amber-900 ring-amber-300 dark:bg-amber-950 dark:text-amber-200 dark:ring-amber-800",
  },
  lapsed: {
    label: "Lapsed",
    cls: "bg-slate-100 text-slate-800 ring-slate-300 dark:bg-slate-800 dark:text-slate-200 dark:ring-slate-600",
  },
  "review-due": {
    label: "Review due",
    cls: "bg-sky-50 text-sky-900 ring-sky-200 dark:bg-sky-950 dark:text-sky-200 dark:ring-sky-800",
  },
};
const day = (iso: string | null) => iso?.slice(0, 10) ?? "";

export function ExceptionRulesPanel({ options }: { options: FindingFilterOptions }) {
  const qc = useQueryClient();
  const list = useQuery({
    queryKey: KEY,
    queryFn: () => fetchJson("/api/v1/exception-rules", ZExceptionRuleList),
  });
  const refresh = () => void qc.invalidateQueries();
  const [editing, setEditing] = useState<string | null>(null);
  const canOrg = list.data?.canTargetOrganization ?? false;
  const editingRule = list.data?.rules.find((r) => r.id === editing) ?? null;

  const columns: ColumnDef<TExceptionRule>[] = [
    {
      id: "name",
      header: "Rule",
      accessorKey: "name",
      cell: ({ row: { original: r } }) => (
        <div>
          <div className="font-medium">{r.name}</div>
          <div className="text-xs text-slate-600 dark:text-slate-400">{r.checkTitle}</div>
        </div>
      ),
    },
    {
      id: "target",
      header: "Applies to",
      enableSorting: false,
      cell: ({ row: { original: r } }) => (
        <div className="text-xs">
          {r.accountId
            ? `Account ${r.accountName ?? ""} ${r.accountId}`
            : r.ouId
              ? `OU ${r.ouPath ?? r.ouId} (and below)`
              : "Whole organization"}
          {r.resourcePattern ? (
            <div className="font-mono text-slate-600 dark:text-slate-400">{r.resourcePattern}</div>
          ) : null}
        </div>
      ),
    },
    {
      id: "reason",
      header: "Reason / owner",
      enableSorting: false,
      cell: ({ row: { original: r } }) => (
        <div className="max-w-72 text-xs">
          <p>{r.reason}</p>
          <p className="text-slate-600 dark:text-slate-400">Owner: {r.owner}</p>
        </div>
      ),
    },
    {
      id: "ends",
      header: "Ends",
      enableSorting: false,
      cell: ({ row: { original: r } }) => {
        const badge = STATE_BADGE[r.state];
        return (
          <div className="text-xs">
            {r.expiresAt ? `Expires ${day(r.expiresAt)}` : `Review by ${day(r.reviewAt)}`}
            {badge ? (
              <div className="mt-1">
                <span className={`${TAG} ${badge.cls}`} data-testid="rule-state">
                  {badge.label}
                </span>
              </div>
            ) : null}
          </div>
        );
      },
    },
    {
      id: "covered",
      header: "Findings excepted",
      accessorKey: "covered",
      meta: { align: "right" },
      cell: ({ row: { original: r } }) => (
        <Link
          href={`/findings?status=excepted&check=${encodeURIComponent(r.checkId)}`}
          className="tabular underline"
          data-testid="rule-covered"
        >
          {r.covered}
        </Link>
      ),
    },
    {
      id: "actions",
      header: "Actions",
      enableSorting: false,
      cell: ({ row: { original: r } }) => (
        <RuleActions rule={r} onEdit={() => setEditing(r.id)} onDeleted={refresh} />
      ),
    },
  ];

  return (
    <div className="space-y-6">
      <Card title="Exception rules">
        <p className="mb-3 text-sm text-slate-600 dark:text-slate-400">
          A rule excepts the findings of one check in an account, an OU subtree or the whole
          organization (optionally only resources matching a pattern). Excepted findings stay listed
          on the findings page, but are not counted in the KPIs and not alerted. A rule with an
          expiry lapses on that day; one without has a review date. See docs/exceptions.md.
        </p>
        {list.isError ? (
          <ErrorState message={list.error.message} onRetry={() => void list.refetch()} />
        ) : !list.data ? (
          <Skeleton className="h-24 w-full" />
        ) : (
          <DataTable
            data={list.data.rules}
            columns={columns}
            caption="Exception rules"
            getRowId={(r) => r.id}
            rowTestId="exception-rule-row"
            emptyMessage="No exception rules yet: create one below or import a YAML file."
          />
        )}
      </Card>

      {editingRule ? (
        <Card title={`Edit ${editingRule.name}`}>
          <ExceptionRuleForm
            key={editingRule.id}
            rule={editingRule}
            options={options}
            canTargetOrganization={canOrg}
            onSaved={() => {
              setEditing(null);
              refresh();
            }}
            onCancel={() => setEditing(null)}
          />
        </Card>
      ) : null}

      {list.data ? (
        <Card title="New exception rule">
          <ExceptionRuleForm
            rule={null}
            options={options}
            canTargetOrganization={canOrg}
            onSaved={refresh}
          />
        </Card>
      ) : null}

      <ExceptionRulesYaml onImported={refresh} />
    </div>
  );
}

function RuleActions({
  rule,
  onEdit,
  onDeleted,
}: {
  rule: TExceptionRule;
  onEdit: () => void;
  onDeleted: () => void;
}) {
  const [confirming, setConfirming] = useState(false);
  const remove = useMutation({
    mutationFn: () =>
      fetchJson(`/api/v1/exception-rules/${rule.id}`, z.object({ id: z.string() }), {
        method: "DELETE",
      }),
    onSuccess: onDeleted,
  });
  return (
    <div className="flex flex-wrap items-center gap-2 text-sm">
      {confirming ? (
        <>
          <span>Delete {rule.name}? Its findings count again.</span>
          <button
            type="button"
            className="font-medium text-red-700 underline dark:text-red-300"
            onClick={() => remove.mutate()}
            disabled={remove.isPending}
          >
            Confirm delete
          </button>
          <button type="button" className="underline" onClick={() => setConfirming(false)}>
            Keep
          </button>
        </>
      ) : (
        <>
          <button type="button" className="underline" onClick={onEdit}>
            Edit<span className="sr-only"> {rule.name}</span>
          </button>
          <button type="button" className="underline" onClick={() => setConfirming(true)}>
            Delete<span className="sr-only"> {rule.name}</span>
          </button>
        </>
      )}
      <ActionError error={remove.error} />
    </div>
  );
}
