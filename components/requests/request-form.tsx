"use client";

import { formText } from "@/lib/forms/form-text";
import { ActionError } from "@/components/ui/action-error";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { FormEvent } from "react";
import { Card } from "@/components/ui/card";
import { postJson } from "@/lib/api/fetch-json";
import { ENVIRONMENTS, ZRequestView } from "@/lib/api/requests";

const input =
  "w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 dark:border-slate-700 dark:bg-slate-950";

function Text({
  label,
  name,
  type = "text",
  required = true,
  hint,
}: {
  label: string;
  name: string;
  type?: string;
  required?: boolean;
  hint?: string;
}) {
  return (
    <label className="text-sm">
      <span className="mb-1 block font-medium">{label}</span>
      <input
        name={name}
        type={type}
        required={required}
        className={input}
        placeholder={hint}
        step={type === "number" ? "0.01" : undefined}
        min={type === "number" ? "0" : undefined}
      />
    </label>
  );
}

export function RequestForm({ ous }: { ous: { id: string; path: string }[] }) {
  const qc = useQueryClient();
  const create = useMutation({
    mutationFn: (body: unknown) => postJson("/api/v1/requests", ZRequestView, body),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ["requests"] }),
  });
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const f = new FormData(form);
    const s = (k: string) => formText(f, k);
    create.mutate(
      {
        name: s("name"),
        purpose: s("purpose"),
        environment: s("environment"),
        targetOuId: s("targetOuId"),
        owner: s("owner"),
        costCenter: s("costCenter"),
        monthlyBudget: s("monthlyBudget") ? Number(s("monthlyBudget")) : null,
      },
      { onSuccess: () => form.reset() },
    );
  };
  return (
    <Card title="Request a new AWS account">
      <form
        onSubmit={submit}
        aria-label="Request a new AWS account"
        className="grid gap-3 md:grid-cols-3"
      >
        <Text label="Account name" name="name" hint="e.g. payments-staging" />
        <label className="text-sm">
          <span className="mb-1 block font-medium">Environment</span>
          <select name="environment" className={input}>
            {ENVIRONMENTS.map((e) => (
              <option key={e}>{e}</option>
            ))}
          </select>
        </label>
        <label className="text-sm">
          <span className="mb-1 block font-medium">Target OU</span>
          <select name="targetOuId" required className={input}>
            {ous.map((o) => (
              <option key={o.id} value={o.id}>
                {o.path}
              </option>
            ))}
          </select>
        </label>
        <Text label="Owner (email)" name="owner" type="email" />
        <Text label="Cost center" name="costCenter" />
        <Text
          label="Monthly budget (USD, optional)"
          name="monthlyBudget"
          type="number"
          required={false}
        />
        <label className="text-sm md:col-span-3">
          <span className="mb-1 block font-medium">Purpose</span>
          <textarea name="purpose" required rows={2} className={input} />
        </label>
        <div className="md:col-span-3">
          <button
            type="submit"
            disabled={create.isPending}
            className="rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-700 disabled:opacity-60"
          >
            {create.isPending ? "Submitting…" : "Submit request"}
          </button>
          <ActionError error={create.error} className="ml-3" />
        </div>
      </form>
    </Card>
  );
}
