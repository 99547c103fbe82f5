"use client";

import { ActionError } from "@/components/ui/action-error";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { ColumnDef } from "@tanstack/react-table";
import { useState } from "react";
import { z } from "zod";
import { DataTable } from "@/components/tables/data-table";
import { Card, ErrorState, Skeleton } from "@/components/ui/card";
import { fetchJson, postJson } from "@/lib/api/fetch-json";
import {
  ZChargebackOptions,
  ZRuleList,
  type TChargebackOptions,
  type TRuleList,
} from "@/lib/api/chargeback";
import { formatMonth } from "@/lib/format/money";
import { METHOD_LABEL } from "./labels";
import { RuleEditor, type EditorStart } from "./rule-editor";
import { dangerButtonClass, inputClass, mutedText, secondaryButtonClass } from "./styles";

type Rule = TRuleList["rules"][number];
const STATUS = {
  active: "bg-emerald-100 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200",
  scheduled: "bg-sky-100 text-sky-800 dark:bg-sky-950 dark:text-sky-200",
  retired: "bg-slate-200 text-slate-700 dark:bg-slate-800 dark:text-slate-300",
} as const;

function describe(r: Rule, options: TChargebackOptions | undefined) {
  const account = (id: string) => options?.accounts.find((a) => a.id === id)?.name ?? id;
  const ou = (id: string) => options?.ous.find((o) => o.id === id)?.path ?? id;
  const v = r.current;
  const source = [
    v.sourceAccounts.length ? `accounts ${v.sourceAccounts.map(account).join(", ")}` : "",
    v.sourceServices.length
      ? `${v.sourceAccounts.length ? "services" : "service"} ${v.sourceServices.join(", ")}${v.sourceAccounts.length ? " in them" : " in any account"}`
      : "",
  ]
    .filter(Boolean)
    .join("; ");
  const targets = v.targets
    .map(
      (t) =>
        `${t.kind === "ou" ? `OU ${ou(t.id)}` : t.id}${t.percent !== undefined ? ` ${t.percent}%` : ""}`,
    )
    .join(", ");
  return { source, targets };
}

function Retire({ rule, first, onDone }: { rule: Rule; first: string; onDone: () => void }) {
  const qc = useQueryClient();
  const [from, setFrom] = useState(first.slice(0, 7));
  const m = useMutation({
    mutationFn: () =>
      postJson(`/api/v1/chargeback/rules/${rule.ruleKey}/retire`, z.unknown(), { from }, "POST"),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: ["chargeback-rules"] });
      await qc.invalidateQueries({ queryKey: ["chargeback"] });
      onDone();
    },
  });
  return (
    <div
      className="mt-2 flex flex-wrap items-end gap-2"
      role="group"
      aria-label={`Retire ${rule.current.name}`}
    >
      <label className="flex flex-col gap-1 text-xs">
        Stops applying from
        <input
          type="month"
          className={inputClass}
          min={first.slice(0, 7)}
          value={from}
          onChange={(e) => setFrom(e.target.value)}
        />
      </label>
      <button
        type="button"
        className={dangerButtonClass}
        disabled={m.isPending}
        onClick={() => m.mutate()}
      >
        Confirm retire
      </button>
      <button type="button" className={secondaryButtonClass} onClick={onDone}>
        Cancel
      </button>
      <ActionError error={m.error} className="w-full" block />
    </div>
  );
}

/** Shared-cost rules: the list with versions; create, edit (a new version) and retire for admins; preview for analysts too. */
export function RulesPanel({
  month,
  canWrite,
  canPreview,
}: {
  month: string;
  canWrite: boolean;
  canPreview: boolean;
}) {
  const rules = useQuery({
    queryKey: ["chargeback-rules"],
    queryFn: () => fetchJson("/api/v1/chargeback/rules", ZRuleList),
  });
  const options = useQuery({
    queryKey: ["chargeback-options"],
    queryFn: () => fetchJson("/api/v1/chargeback/options", ZChargebackOptions),
    enabled: canPreview,
  });
  const [editing, setEditing] = useState<EditorStart | null>(null);
  const [retiring, setRetiring] = useState<string | null>(null);
  const first = rules.data?.firstEditableMonth ?? month;
  const text = (id: string, header: string, value: (r: Rule) => string): ColumnDef<Rule> => ({
    id,
    header,
    enableSorting: false,
    meta: { cellClassName: "text-xs" },
    cell: ({ row }) => value(row.original),
  });
  const columns: ColumnDef<Rule>[] = [
    {
      id: "rule",
      header: "Rule",
      enableSorting: false,
      cell: ({ row: { original: r } }) => (
        <span className="font-medium">
          {r.current.name}
          <span className="block text-xs font-normal text-slate-600 dark:text-slate-400">
            v{r.current.version}
            {r.versions.length > 1 ? ` (${r.versions.length} versions)` : ""}
          </span>
        </span>
      ),
    },
    {
      id: "status",
      header: "Status",
      enableSorting: false,
      cell: ({ row: { original: r } }) => (
        <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${STATUS[r.status]}`}>
          {r.status}
        </span>
      ),
    },
    text(
      "applies",
      "Applies",
      (r) =>
        `${formatMonth(r.current.validFrom)} – ${r.current.validTo ? formatMonth(r.current.validTo) : "open"}`,
    ),
    text("takes", "Takes", (r) => describe(r, options.data).source),
    text("split", "Split", (r) => METHOD_LABEL[r.current.method]),
    text("targets", "Targets", (r) => describe(r, options.data).targets),
    {
      id: "actions",
      header: "Actions",
      enableSorting: false,
      meta: { cellClassName: "whitespace-nowrap text-xs" },
      cell: ({ row: { original: r } }) =>
        canWrite && r.status !== "retired" ? (
          <>
            <button
              type="button"
              className="underline"
              onClick={() =>
                setEditing({
                  mode: "edit",
                  ruleKey: r.ruleKey,
                  draft: r.current,
                  validFrom: first > month ? first : month,
                })
              }
              aria-label={`Edit ${r.current.name}`}
            >
              Edit
            </button>{" "}
            <button
              type="button"
              className="ml-2 underline"
              onClick={() => setRetiring(r.ruleKey)}
              aria-label={`Retire ${r.current.name}`}
            >
              Retire
            </button>
            {retiring === r.ruleKey ? (
              <Retire rule={r} first={first} onDone={() => setRetiring(null)} />
            ) : null}
          </>
        ) : null,
    },
  ];
  return (
    <Card title="Shared-cost rules">
      <p className={`mb-3 ${mutedText}`}>
        A rule takes the cost of shared accounts and/or services and splits it over cost centers or
        OUs. Each change is a new version from a month on; closed months keep the version they were
        issued with.
      </p>
      {canPreview && !editing ? (
        <button
          type="button"
          className={secondaryButtonClass}
          onClick={() => setEditing({ mode: "new", validFrom: first })}
        >
          {canWrite ? "New rule" : "Try a rule (preview only)"}
        </button>
      ) : null}
      {editing && options.data ? (
        <RuleEditor
          key={editing.mode === "edit" ? editing.ruleKey : "new"}
          start={editing}
          month={month}
          firstEditable={first}
          options={options.data}
          canSave={canWrite}
          onDone={() => setEditing(null)}
        />
      ) : null}
      {rules.data?.redacted ? (
        <p className={`mb-3 ${mutedText}`}>
          Accounts, OUs and cost centers outside your part of the organization are left out of these
          rules.
        </p>
      ) : null}
      {rules.isError ? (
        <ErrorState
          message={`Could not load the rules: ${rules.error.message}`}
          onRetry={() => void rules.refetch()}
        />
      ) : null}
      {!rules.data ? (
        <Skeleton className="mt-3 h-24 w-full" />
      ) : rules.data.rules.length === 0 ? (
        <p className={`mt-3 ${mutedText}`}>
          No shared-cost rules yet: shared accounts are charged to their own cost center.
        </p>
      ) : (
        <div className="mt-3">
          <DataTable
            testId="rules-table"
            caption="Shared-cost rules"
            data={rules.data.rules}
            columns={columns}
            getRowId={(r) => r.ruleKey}
            rowIdAttribute="data-rule-key"
            align="top"
          />
        </div>
      )}
    </Card>
  );
}
