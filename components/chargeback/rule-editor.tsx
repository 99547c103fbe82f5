"use client";

import { ActionError } from "@/components/ui/action-error";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type ChangeEvent } from "react";
import { z } from "zod";
import { ZRulePreview, type TChargebackOptions } from "@/lib/api/chargeback";
import {
  RULE_METHODS,
  type TRuleDraft,
  type TRuleMethod,
  type TRuleTarget,
} from "@/lib/domain/allocation/rules";
import { formatMonth } from "@/lib/format/money";
import { METHOD_LABEL } from "./labels";
import { RulePreviewResult } from "./rule-preview-result";
import { postJson } from "@/lib/api/fetch-json";
import { buttonClass, inputClass, mutedText, secondaryButtonClass } from "./styles";
import { TargetsEditor } from "./targets-editor";

export type EditorStart =
  | { mode: "new"; validFrom: string }
  | { mode: "edit"; ruleKey: string; draft: TRuleDraft; validFrom: string };

const selected = (e: ChangeEvent<HTMLSelectElement>) =>
  [...e.target.selectedOptions].map((o) => o.value);

/** A draft rule: preview it against the month on screen, then (admins) save it from a month on. */
export function RuleEditor({
  start,
  month,
  firstEditable,
  options,
  canSave,
  onDone,
}: {
  start: EditorStart;
  month: string;
  firstEditable: string;
  options: TChargebackOptions;
  canSave: boolean;
  onDone: () => void;
}) {
  const qc = useQueryClient();
  const init =
    start.mode === "edit"
      ? start.draft
      : {
          name: "",
          sourceAccounts: [],
          sourceServices: [],
          method: "proportional" as const,
          targets: [],
        };
  const [name, setName] = useState(init.name);
  const [accounts, setAccounts] = useState<string[]>(init.sourceAccounts);
  const [services, setServices] = useState<string[]>(init.sourceServices);
  const [method, setMethod] = useState<TRuleMethod>(init.method);
  const [targets, setTargets] = useState<TRuleTarget[]>(init.targets);
  const [validFrom, setValidFrom] = useState(start.validFrom.slice(0, 7));
  const rule = {
    name,
    sourceAccounts: accounts,
    sourceServices: services,
    method,
    targets: targets.map((t) => (method === "fixed" ? t : { kind: t.kind, id: t.id })),
  };
  const replacesRuleKey = start.mode === "edit" ? start.ruleKey : undefined;

  const preview = useMutation({
    mutationFn: () =>
      postJson(
        "/api/v1/chargeback/rules/preview",
        ZRulePreview,
        {
          month,
          rule,
          replacesRuleKey,
        },
        "POST",
      ),
  });
  const save = useMutation({
    mutationFn: () =>
      start.mode === "edit"
        ? postJson(
            `/api/v1/chargeback/rules/${start.ruleKey}`,
            z.unknown(),
            {
              rule,
              validFrom,
            },
            "PUT",
          )
        : postJson("/api/v1/chargeback/rules", z.unknown(), { rule, validFrom }, "POST"),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: ["chargeback-rules"] });
      await qc.invalidateQueries({ queryKey: ["chargeback"] });
      onDone();
    },
  });
  const title =
    start.mode === "edit"
      ? `Edit “${init.name}” (saved as a new version)`
      : canSave
        ? "New shared-cost rule"
        : "Try a shared-cost rule";

  return (
    <form
      className="my-4 space-y-4 rounded-lg border border-indigo-200 bg-indigo-50/40 p-4 dark:border-indigo-900 dark:bg-indigo-950/30"
      aria-label={title}
      onSubmit={(e) => {
        e.preventDefault();
        preview.mutate();
      }}
    >
      <h3 className="font-medium">{title}</h3>
      <div className="grid gap-4 md:grid-cols-2">
        <label className="flex flex-col gap-1 text-sm">
          Name
          <input
            className={inputClass}
            value={name}
            onChange={(e) => setName(e.target.value)}
            required
            maxLength={120}
          />
        </label>
        <fieldset className="text-sm">
          <legend className="mb-1">Split</legend>
          <div className="flex flex-wrap gap-3">
            {RULE_METHODS.map((m) => (
              <label key={m} className="flex items-center gap-1">
                <input
                  type="radio"
                  name="method"
                  value={m}
                  checked={method === m}
                  onChange={() => setMethod(m)}
                />
                {METHOD_LABEL[m]}
              </label>
            ))}
          </div>
        </fieldset>
        <label className="flex flex-col gap-1 text-sm">
          Shared accounts (all their cost, or only the services below)
          <select
            multiple
            size={6}
            className={inputClass}
            value={accounts}
            onChange={(e) => setAccounts(selected(e))}
          >
            {options.accounts.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name} ({a.id})
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1 text-sm">
          Shared services (in any account, or only in the accounts picked)
          <select
            multiple
            size={6}
            className={inputClass}
            value={services}
            onChange={(e) => setServices(selected(e))}
          >
            {options.services.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
      </div>
      <TargetsEditor targets={targets} method={method} options={options} onChange={setTargets} />
      <p className={`text-xs ${mutedText}`}>Ctrl/⌘-click selects several accounts or services.</p>
      <div className="flex flex-wrap items-end gap-3">
        <button type="submit" className={secondaryButtonClass} disabled={preview.isPending}>
          {preview.isPending ? "Computing…" : `Preview for ${formatMonth(month)}`}
        </button>
        {canSave ? (
          <>
            <label className="flex flex-col gap-1 text-xs">
              Applies from
              <input
                type="month"
                className={inputClass}
                min={firstEditable.slice(0, 7)}
                value={validFrom}
                onChange={(e) => setValidFrom(e.target.value)}
                required
              />
            </label>
            <button
              type="button"
              className={buttonClass}
              disabled={save.isPending}
              onClick={() => save.mutate()}
            >
              {start.mode === "edit" ? "Save new version" : "Save rule"}
            </button>
          </>
        ) : null}
        <button type="button" className={secondaryButtonClass} onClick={onDone}>
          Close
        </button>
      </div>
      <ActionError error={preview.error} block />
      <ActionError error={save.error} block />
      {preview.data ? <RulePreviewResult preview={preview.data} /> : null}
    </form>
  );
}
