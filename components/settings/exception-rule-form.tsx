"use client";

import { useMutation } from "@tanstack/react-query";
import { useId, useState, type FormEvent } from "react";
import { z } from "zod";
import { ActionError } from "@/components/ui/action-error";
import { ApiError, postJson } from "@/lib/api/fetch-json";
import type { TExceptionRule } from "@/lib/api/exception-rules";
import type { FindingFilterOptions } from "@/lib/api/findings";

const FIELD =
  "mt-1 block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm dark:border-slate-700 dark:bg-slate-950";
const BUTTON =
  "rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-700 disabled:opacity-60";
const ZSaved = z.object({ id: z.string() });

type TTarget = "organization" | "ou" | "account";
const TARGETS: readonly { value: TTarget; label: string }[] = [
  { value: "organization", label: "The whole organization" },
  { value: "ou", label: "An OU and everything under it" },
  { value: "account", label: "One account" },
];
interface TDraft {
  name: string;
  checkId: string;
  target: TTarget;
  ouId: string;
  accountId: string;
  resourcePattern: string;
  reason: string;
  owner: string;
  lapse: "expires" | "review";
  date: string;
}

function draftOf(rule: TExceptionRule | null, canTargetOrganization: boolean): TDraft {
  if (!rule)
    return {
      name: "",
      checkId: "",
      target: canTargetOrganization ? "organization" : "ou",
      ouId: "",
      accountId: "",
      resourcePattern: "",
      reason: "",
      owner: "",
      lapse: "expires",
      date: "",
    };
  return {
    name: rule.name,
    checkId: rule.checkId,
    target: rule.accountId ? "account" : rule.ouId ? "ou" : "organization",
    ouId: rule.ouId ?? "",
    accountId: rule.accountId ?? "",
    resourcePattern: rule.resourcePattern ?? "",
    reason: rule.reason,
    owner: rule.owner,
    lapse: rule.expiresAt ? "expires" : "review",
    date: (rule.expiresAt ?? rule.reviewAt ?? "").slice(0, 10),
  };
}

/** The server's field errors, by field: a zod 400 (`fields`) or a named error with `{ fields }`. */
function fieldErrors(error: Error | null): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const ZFields = z.array(z.object({ path: z.string(), message: z.string() }));
  const direct = ZFields.safeParse(error.details);
  const nested = z.object({ fields: ZFields }).safeParse(error.details);
  const fields = direct.success ? direct.data : nested.success ? nested.data.fields : [];
  return Object.fromEntries(fields.map((f) => [f.path, f.message]));
}

export function ExceptionRuleForm({
  rule,
  options,
  canTargetOrganization,
  onSaved,
  onCancel,
}: {
  rule: TExceptionRule | null;
  options: FindingFilterOptions;
  canTargetOrganization: boolean;
  onSaved: () => void;
  onCancel?: () => void;
}) {
  const id = useId();
  const [d, setD] = useState<TDraft>(() => draftOf(rule, canTargetOrganization));
  const set = <K extends keyof TDraft>(k: K, v: TDraft[K]) => setD((p) => ({ ...p, [k]: v }));
  const save = useMutation({
    mutationFn: () => {
      const body = {
        name: d.name,
        checkId: d.checkId,
        accountId: d.target === "account" ? d.accountId : null,
        ouId: d.target === "ou" ? d.ouId : null,
        resourcePattern: d.resourcePattern,
        reason: d.reason,
        owner: d.owner,
        expiresAt: d.lapse === "expires" ? d.date : null,
        reviewAt: d.lapse === "review" ? d.date : null,
      };
      return rule
        ? postJson(`/api/v1/exception-rules/${rule.id}`, ZSaved, body, "PUT")
        : postJson("/api/v1/exception-rules", ZSaved, body);
    },
    onSuccess: () => {
      if (!rule) setD(draftOf(null, canTargetOrganization));
      onSaved();
    },
  });
  const errors = fieldErrors(save.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  const err = (field: string) =>
    errors[field] ? (
      <span
        id={`${id}-${field}-error`}
        className="mt-1 block text-xs text-red-700 dark:text-red-300"
      >
        {errors[field]}
      </span>
    ) : null;
  const described = (field: string) => (errors[field] ? `${id}-${field}-error` : undefined);

  return (
    <form
      onSubmit={submit}
      className="grid gap-3 md:grid-cols-2"
      aria-label={rule ? `Edit rule ${rule.name}` : "New exception rule"}
    >
      <label className="text-sm">
        <span className="font-medium">Name</span>
        <input
          value={d.name}
          onChange={(e) => set("name", e.target.value)}
          className={FIELD}
          placeholder="breakglass-roles"
          aria-invalid={Boolean(errors.name)}
          aria-describedby={described("name")}
        />
        {err("name")}
      </label>
      <label className="text-sm">
        <span className="font-medium">Check</span>
        <select
          value={d.checkId}
          onChange={(e) => set("checkId", e.target.value)}
          className={FIELD}
          aria-invalid={Boolean(errors.checkId)}
          aria-describedby={described("checkId")}
        >
          <option value="">Choose a check…</option>
          {options.checks.map((c) => (
            <option key={c.id} value={c.id}>
              {c.title} ({c.id})
            </option>
          ))}
        </select>
        {err("checkId")}
      </label>
      <fieldset className="text-sm md:col-span-2">
        <legend className="font-medium">Applies to</legend>
        <div className="mt-1 flex flex-wrap gap-4">
          {TARGETS.filter((t) => canTargetOrganization || t.value !== "organization").map(
            ({ value, label }) => (
              <label key={value} className="flex items-center gap-1.5">
                <input
                  type="radio"
                  name={`${id}-target`}
                  checked={d.target === value}
                  onChange={() => set("target", value)}
                />
                {label}
              </label>
            ),
          )}
        </div>
      </fieldset>
      {d.target === "ou" ? (
        <label className="text-sm">
          <span className="font-medium">OU</span>
          <select
            value={d.ouId}
            onChange={(e) => set("ouId", e.target.value)}
            className={FIELD}
            aria-invalid={Boolean(errors.ouId)}
            aria-describedby={described("ouId")}
          >
            <option value="">Choose an OU…</option>
            {options.ous.map((o) => (
              <option key={o.id} value={o.id}>
                {o.path}
              </option>
            ))}
          </select>
          {err("ouId")}
        </label>
      ) : null}
      {d.target === "account" ? (
        <label className="text-sm">
          <span className="font-medium">Account id</span>
          <input
            value={d.accountId}
            onChange={(e) => set("accountId", e.target.value)}
            className={FIELD}
            inputMode="numeric"
            placeholder="123456789012"
            aria-invalid={Boolean(errors.accountId)}
            aria-describedby={described("accountId")}
          />
          {err("accountId")}
        </label>
      ) : null}
      {d.target === "organization" && errors.accountId ? (
        <p className="text-sm text-red-700 dark:text-red-300">{errors.accountId}</p>
      ) : null}
      <label className="text-sm md:col-span-2">
        <span className="font-medium">Resource pattern (optional)</span>
        <input
          value={d.resourcePattern}
          onChange={(e) => set("resourcePattern", e.target.value)}
          className={`${FIELD} font-mono`}
          placeholder="arn:aws:iam::*:role/breakglass-*"
          aria-invalid={Boolean(errors.resourcePattern)}
          aria-describedby={`${id}-pattern-help ${described("resourcePattern") ?? ""}`.trim()}
        />
        <span
          id={`${id}-pattern-help`}
          className="mt-1 block text-xs text-slate-600 dark:text-slate-400"
        >
          <code>*</code> matches any run of characters, <code>?</code> one character; the whole
          resource must match. Empty: every resource.
        </span>
        {err("resourcePattern")}
      </label>
      <label className="text-sm md:col-span-2">
        <span className="font-medium">Reason</span>
        <textarea
          value={d.reason}
          onChange={(e) => set("reason", e.target.value)}
          className={FIELD}
          rows={2}
          aria-invalid={Boolean(errors.reason)}
          aria-describedby={described("reason")}
        />
        {err("reason")}
      </label>
      <label className="text-sm">
        <span className="font-medium">Owner</span>
        <input
          value={d.owner}
          onChange={(e) => set("owner", e.target.value)}
          className={FIELD}
          placeholder="team or e-mail"
          aria-invalid={Boolean(errors.owner)}
          aria-describedby={described("owner")}
        />
        {err("owner")}
      </label>
      <div className="text-sm">
        <label>
          <span className="font-medium">Ends</span>
          <select
            value={d.lapse}
            onChange={(e) => set("lapse", e.target.value === "review" ? "review" : "expires")}
            className={FIELD}
          >
            <option value="expires">Expires on (then the findings count again)</option>
            <option value="review">No expiry, review by</option>
          </select>
        </label>
        <label className="mt-2 block">
          <span className="sr-only">{d.lapse === "expires" ? "Expiry date" : "Review date"}</span>
          <input
            type="date"
            value={d.date}
            onChange={(e) => set("date", e.target.value)}
            className={FIELD}
            aria-invalid={Boolean(errors.expiresAt ?? errors.reviewAt)}
            aria-describedby={described("expiresAt") ?? described("reviewAt")}
          />
        </label>
        {err("expiresAt")}
        {err("reviewAt")}
      </div>
      <div className="flex items-center gap-3 md:col-span-2">
        <button type="submit" disabled={save.isPending} className={BUTTON}>
          {save.isPending ? "Saving…" : rule ? "Save rule" : "Create rule"}
        </button>
        {onCancel ? (
          <button type="button" onClick={onCancel} className="text-sm underline">
            Cancel
          </button>
        ) : null}
        <ActionError error={Object.keys(errors).length ? null : save.error} />
        {Object.keys(errors).length ? (
          <span role="alert" className="text-sm text-red-700 dark:text-red-300">
            Check the highlighted fields.
          </span>
        ) : null}
      </div>
    </form>
  );
}
