"use client";

import { formText } from "@/lib/forms/form-text";
import { ActionError } from "@/components/ui/action-error";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { z } from "zod";
import { Card } from "@/components/ui/card";
import { fetchJson, postJson } from "@/lib/api/fetch-json";
import { BUDGET_SCOPES } from "@/lib/api/budgets";

const input =
  "w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 dark:border-slate-700 dark:bg-slate-950";
export interface ScopeOptions {
  accounts: { id: string; name: string }[];
  ous: { id: string; path: string }[];
  costCenters: string[];
}
const SCOPE_LABEL = { account: "Account", ou: "OU (subtree)", costCenter: "Cost center" } as const;

export function BudgetForm({ options }: { options: ScopeOptions }) {
  const qc = useQueryClient();
  const [scopeType, setScopeType] = useState<(typeof BUDGET_SCOPES)[number]>("account");
  const save = useMutation({
    mutationFn: (body: unknown) => postJson("/api/v1/budgets", z.object({ id: z.string() }), body),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ["budgets"] }),
  });
  const importAws = useMutation({
    mutationFn: () =>
      fetchJson("/api/v1/budgets/import-aws", z.object({ imported: z.number() }), {
        method: "POST",
      }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ["budgets"] }),
  });
  const scopeChoices =
    scopeType === "account"
      ? options.accounts.map((a) => ({ value: a.id, label: `${a.name} (${a.id})` }))
      : scopeType === "ou"
        ? options.ous.map((o) => ({ value: o.id, label: o.path }))
        : options.costCenters.map((c) => ({ value: c, label: c }));
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const f = new FormData(form);
    save.mutate(
      {
        name: formText(f, "name"),
        scopeType,
        scopeId: formText(f, "scopeId"),
        monthlyAmount: Number(f.get("amount")),
      },
      { onSuccess: () => form.reset() },
    );
  };
  return (
    <Card title="Define a monthly budget">
      <form
        onSubmit={submit}
        aria-label="Define a monthly budget"
        className="grid gap-3 md:grid-cols-4"
      >
        <label className="text-sm">
          <span className="mb-1 block font-medium">Name</span>
          <input name="name" required className={input} />
        </label>
        <label className="text-sm">
          <span className="mb-1 block font-medium">Applies to</span>
          <select
            value={scopeType}
            onChange={(e) => setScopeType(z.enum(BUDGET_SCOPES).parse(e.target.value))}
            className={input}
          >
            {BUDGET_SCOPES.map((s) => (
              <option key={s} value={s}>
                {SCOPE_LABEL[s]}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm">
          <span className="mb-1 block font-medium">{SCOPE_LABEL[scopeType]}</span>
          <select name="scopeId" required className={input}>
            {scopeChoices.map((c) => (
              <option key={c.value} value={c.value}>
                {c.label}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm">
          <span className="mb-1 block font-medium">Monthly amount (USD)</span>
          <input name="amount" type="number" min="1" step="0.01" required className={input} />
        </label>
        <div className="flex flex-wrap items-center gap-3 md:col-span-4">
          <button
            type="submit"
            disabled={save.isPending}
            className="rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-700 disabled:opacity-60"
          >
            Save budget
          </button>
          <button
            type="button"
            disabled={importAws.isPending}
            onClick={() => importAws.mutate()}
            className="rounded-md border border-slate-300 px-3 py-1.5 text-sm dark:border-slate-700"
          >
            Import AWS Budgets
          </button>
          {importAws.data ? (
            <span role="status" className="text-sm">
              {importAws.data.imported} imported
            </span>
          ) : null}
          <ActionError error={save.error ?? importAws.error} />
        </div>
      </form>
    </Card>
  );
}
