"use client";

import { formText } from "@/lib/forms/form-text";
import { ActionError } from "@/components/ui/action-error";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { z } from "zod";
import { ApiError, postJson } from "@/lib/api/fetch-json";
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

const ZFields = z.array(z.object({ path: z.string(), message: z.string() }));

/** The server's message for one field of a refused rule (a 400's field errors). */
function fieldError(error: Error | null, path: string): string | null {
  if (!(error instanceof ApiError) || error.status !== 400) return null;
  const fields = ZFields.safeParse(error.details);
  return fields.success ? (fields.data.find((f) => f.path === path)?.message ?? null) : null;
}

/** "" stays absent (the server says what is missing); anything else is sent as a number. */
function numberField(f: FormData, key: string): number | undefined {
  const text = formText(f, key);
  return text === "" ? undefined : Number(text);
}

function NumberField({
  label,
  name,
  error,
  hint,
}: {
  label: string;
  name: string;
  error: string | null;
  hint: string;
}) {
  const id = `rule-${name}`;
  return (
    <div className="text-sm">
      <label htmlFor={id} className="mb-1 block font-medium">
        {label}
      </label>
      <input
        id={id}
        name={name}
        type="number"
        min={0}
        step="any"
        inputMode="decimal"
        className={inputClass}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-hint${error ? ` ${id}-error` : ""}`}
      />
      <p id={`${id}-hint`} className="mt-1 text-xs text-slate-600 dark:text-slate-400">
        {hint}
      </p>
      {error ? (
        <p id={`${id}-error`} className="mt-1 text-xs text-red-700 dark:text-red-300">
          {error}
        </p>
      ) : null}
    </div>
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
  const [target, setTarget] = useState<"findings" | "anomalies">("findings");
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
    const common = { channelId, name: formText(f, "name"), ouIds: all("ouIds") };
    save.mutate(
      target === "anomalies"
        ? {
            ...common,
            target,
            anomalyMinImpactUsd: numberField(f, "anomalyMinImpactUsd"),
            anomalyMinPercent: numberField(f, "anomalyMinPercent"),
          }
        : {
            ...common,
            target,
            checkIds: all("checkIds"),
            categories: all("categories"),
            severities: all("severities"),
          },
      {
        onSuccess: () => {
          form.reset();
          setTarget("findings");
        },
      },
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
      <fieldset className="text-sm md:col-span-4">
        <legend className="mb-1 font-medium">Alert on</legend>
        <label className="mr-4">
          <input
            type="radio"
            name="target"
            value="findings"
            checked={target === "findings"}
            onChange={() => setTarget("findings")}
          />{" "}
          New findings
        </label>
        <label>
          <input
            type="radio"
            name="target"
            value="anomalies"
            checked={target === "anomalies"}
            onChange={() => setTarget("anomalies")}
          />{" "}
          Cost anomalies
        </label>
      </fieldset>
      {target === "anomalies" ? (
        <>
          <NumberField
            label="Minimum impact (USD)"
            name="anomalyMinImpactUsd"
            hint="Spend above the expected range; 0 alerts on every anomaly."
            error={fieldError(save.error, "anomalyMinImpactUsd")}
          />
          <NumberField
            label="Minimum above expected (%)"
            name="anomalyMinPercent"
            hint="Optional: leave empty for no percentage floor."
            error={fieldError(save.error, "anomalyMinPercent")}
          />
        </>
      ) : (
        <>
          <Multi label="Checks (none = any)" name="checkIds" options={plain(options.checkIds)} />
          <Multi label="Categories" name="categories" options={plain(options.categories)} />
          <Multi label="Severities" name="severities" options={plain(options.severities)} />
        </>
      )}
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
