"use client";

// Settings → Checks: every setting of the checks and KPIs, grouped, with its default, meaning and
// unit; a partial save (field errors beside their fields), "Reset to default", and "Re-evaluate now".
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { z } from "zod";
import { ActionError } from "@/components/ui/action-error";
import { Card, ErrorState, Skeleton } from "@/components/ui/card";
import { ApiError, fetchJson, postJson } from "@/lib/api/fetch-json";
import {
  ZCheckSettingsView,
  type TCheckSetting,
  type TCheckSettingsView,
  type TSettingValue,
} from "@/lib/api/check-settings";
import { SETTING_GROUPS } from "@/lib/domain/settings-metadata";
import { CheckSettingField, fromText, toText } from "./check-setting-field";
import { ReevaluateButton } from "./reevaluate-button";

const URL = "/api/v1/settings/checks";
const KEY = ["settings", "checks"];
const ZFields = z.array(z.object({ path: z.string(), message: z.string() }));

/** A 400's field errors by setting key (the first segment of each path). */
function fieldErrors(error: Error | null): Record<string, string> {
  if (!(error instanceof ApiError) || error.status !== 400) return {};
  const fields = ZFields.safeParse(error.details);
  if (!fields.success) return {};
  const out: Record<string, string> = {};
  for (const f of fields.data) {
    const [key, ...rest] = f.path.split(".");
    if (!key) continue;
    out[key] ??= rest.length ? `${rest.join(".")}: ${f.message}` : f.message;
  }
  return out;
}

export function CheckSettingsPanel() {
  const client = useQueryClient();
  const view = useQuery({ queryKey: KEY, queryFn: () => fetchJson(URL, ZCheckSettingsView) });
  const [saved, setSaved] = useState<string | null>(null);
  const accept = (next: TCheckSettingsView, message: string) => {
    client.setQueryData(KEY, next);
    setSaved(message);
  };

  return (
    <div className="space-y-6">
      <Card title="When changes apply">
        <p className="mb-3 text-sm text-slate-600 dark:text-slate-400">
          Changes apply at the next evaluation: the next collection run, or &ldquo;Re-evaluate
          now&rdquo;, which runs the checks and KPIs again on the evidence already stored, without
          calling AWS. Every change is recorded in the audit trail.
        </p>
        <ReevaluateButton />
      </Card>
      {view.isError ? (
        <ErrorState
          message={`Could not load the check settings: ${view.error.message}`}
          onRetry={() => void view.refetch()}
        />
      ) : !view.data ? (
        <Skeleton className="h-96 w-full" />
      ) : (
        <CheckSettingsForm
          key={JSON.stringify(view.data.settings.map((s) => s.value))}
          view={view.data}
          saved={saved}
          onSaved={accept}
          onEdit={() => setSaved(null)}
        />
      )}
    </div>
  );
}

function CheckSettingsForm({
  view,
  saved,
  onSaved,
  onEdit,
}: {
  view: TCheckSettingsView;
  saved: string | null;
  onSaved: (next: TCheckSettingsView, message: string) => void;
  onEdit: () => void;
}) {
  const [drafts, setDrafts] = useState<Record<string, string>>(() =>
    Object.fromEntries(view.settings.map((s) => [s.key, toText(s.value)])),
  );
  const changed = view.settings.filter((s) => drafts[s.key] !== toText(s.value));
  const save = useMutation({
    mutationFn: () => {
      const change: Record<string, TSettingValue> = {};
      for (const s of changed) change[s.key] = fromText(drafts[s.key] ?? "", s.default);
      return postJson(URL, ZCheckSettingsView, change, "PUT");
    },
    onSuccess: (next) => onSaved(next, `Saved ${changed.map((s) => s.label).join(", ")}. ${APPLY}`),
  });
  const reset = useMutation({
    mutationFn: (s: TCheckSetting) => postJson(URL, ZCheckSettingsView, { [s.key]: null }, "PUT"),
    onSuccess: (next, s) => onSaved(next, `${s.label} is back to its default. ${APPLY}`),
  });
  const errors = fieldErrors(save.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (changed.length) save.mutate();
  };

  return (
    <form onSubmit={submit} className="space-y-6" aria-label="Check settings">
      {SETTING_GROUPS.map((group) => {
        const settings = view.settings.filter((s) => s.group === group);
        return settings.length ? (
          <Card key={group} title={group}>
            {settings.map((s) => (
              <CheckSettingField
                key={s.key}
                setting={s}
                text={drafts[s.key] ?? ""}
                error={errors[s.key]}
                onChange={(text) => {
                  onEdit();
                  setDrafts({ ...drafts, [s.key]: text });
                }}
                onReset={() => reset.mutate(s)}
                resetting={reset.isPending}
              />
            ))}
          </Card>
        ) : null;
      })}
      <div className="sticky bottom-0 flex flex-wrap items-center gap-3 rounded-xl border border-slate-200 bg-white p-3 dark:border-slate-800 dark:bg-slate-900">
        <button
          type="submit"
          disabled={!changed.length || save.isPending}
          className="rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-700 disabled:cursor-not-allowed disabled:opacity-60"
        >
          {save.isPending ? "Saving…" : "Save changes"}
        </button>
        <span className="text-sm text-slate-600 dark:text-slate-400">
          {changed.length
            ? `${changed.length} unsaved ${changed.length === 1 ? "change" : "changes"}`
            : "No unsaved changes"}
        </span>
        <p role="status" className="text-sm text-green-800 dark:text-green-300">
          {saved}
        </p>
        <ActionError error={save.error ?? reset.error} block className="w-full" />
      </div>
    </form>
  );
}

const APPLY = "It applies at the next evaluation.";
