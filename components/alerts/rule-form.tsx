"use client";

import { formText } from "@/lib/forms/form-text";
import { ActionError } from "@/components/ui/action-error";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { FormEvent } from "react";
import { z } from "zod";
import { postJson } from "@/lib/api/fetch-json";
import { buttonClass, inputClass } from "./styles";

export interface RuleOptions {
  checkIds: string[];
  categories: readonly string[];
  severities: readonly string[];
  ous: { id: string; path: string }[];
}

function Multi({
  label,
  name,
  options,
}: {
  label: string;
  name: string;
  options: { value: string; label: string }[];
}) {
  return (
    <label className="text-sm">
      <span className="mb-1 block font-medium">{label}</span>
      <select multiple name={name} className={`h-28 ${inputClass}`}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}

const plain = (xs: readonly string[]) => xs.map((x) => ({ value: x, label: x }));

export function RuleForm({
  channelId,
  channelName,
  options,
}: {
  channelId: string;
  channelName: string;
  options: RuleOptions;
}) {
  const qc = useQueryClient();
  const save = useMutation({
    mutationFn: (body: unknown) =>
      postJson("/api/v1/alerts/rules", z.object({ id: z.string() }), body),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ["alerts"] }),
  });
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const f = new FormData(form);
    const all = (k: string) => f.getAll(k).map(String);
    save.mutate(
      {
        channelId,
        name: formText(f, "name"),
        checkIds: all("checkIds"),
        categories: all("categories"),
        severities: all("severities"),
        ouIds: all("ouIds"),
      },
      { onSuccess: () => form.reset() },
    );
  };
  return (
    <form
      onSubmit={submit}
      aria-label={`Add a rule to ${channelName}`}
      className="mt-3 grid gap-3 rounded-lg bg-slate-50 p-3 md:grid-cols-4 dark:bg-slate-950"
    >
      <label className="text-sm md:col-span-4">
        <span className="mb-1 block font-medium">Rule name</span>
        <input
          name="name"
          required
          className={inputClass}
          placeholder="e.g. critical findings in Prod"
        />
      </label>
      <Multi label="Checks (none = any)" name="checkIds" options={plain(options.checkIds)} />
      <Multi label="Categories" name="categories" options={plain(options.categories)} />
      <Multi label="Severities" name="severities" options={plain(options.severities)} />
      <Multi
        label="OU subtrees"
        name="ouIds"
        options={options.ous.map((o) => ({ value: o.id, label: o.path }))}
      />
      <div className="md:col-span-4">
        <button type="submit" disabled={save.isPending} className={buttonClass}>
          Add rule
        </button>
        <ActionError error={save.error} className="ml-3" />
      </div>
    </form>
  );
}
