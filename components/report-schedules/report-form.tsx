"use client";

// Create or edit a scheduled report. The server validates (zod + scope): its field errors are shown
// next to the field they name, its other errors under the form.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { z } from "zod";
import { buttonClass, inputClass } from "@/components/alerts/styles";
import { ActionError } from "@/components/ui/action-error";
import { ApiError, postJson } from "@/lib/api/fetch-json";
import {
  WEEKDAYS,
  ZReportView,
  type TReportList,
  type TReportView,
} from "@/lib/api/report-schedules";
import { formText } from "@/lib/forms/form-text";

const ZFields = z.array(z.object({ path: z.string(), message: z.string() }));

function fieldErrors(error: Error | null): Map<string, string> {
  if (!(error instanceof ApiError)) return new Map();
  const parsed = ZFields.safeParse(error.details);
  if (!parsed.success) return new Map();
  // "recipients.0" → "recipients": the message belongs to the field as a whole.
  return new Map(parsed.data.map((f) => [f.path.split(".")[0] ?? f.path, f.message]));
}

function FieldError({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <span id={id} role="alert" className="mt-1 block text-sm text-red-700 dark:text-red-300">
      {message}
    </span>
  );
}

export function ReportForm({
  options,
  report,
  onDone,
}: {
  options: TReportList;
  report?: TReportView;
  onDone?: () => void;
}) {
  const qc = useQueryClient();
  const [cadence, setCadence] = useState(report?.cadence ?? "weekly");
  const save = useMutation({
    mutationFn: (body: unknown) =>
      report
        ? postJson(`/api/v1/reports/schedules/${report.id}`, ZReportView, body, "PATCH")
        : postJson("/api/v1/reports/schedules", ZReportView, body),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ["report-schedules"] });
      onDone?.();
    },
  });
  const errors = fieldErrors(save.error);
  const prefix = report ? `report-${report.id}` : "report-new";
  const described = (field: string) =>
    errors.has(field)
      ? { "aria-invalid": true, "aria-describedby": `${prefix}-${field}-error` }
      : {};

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const f = new FormData(form);
    const recipients = formText(f, "recipients")
      .split(/[\s,;]+/)
      .filter(Boolean);
    save.mutate(
      {
        name: formText(f, "name"),
        cadence,
        weekday: cadence === "weekly" ? Number(formText(f, "weekday")) : null,
        channelId: formText(f, "channelId"),
        recipients,
        ouIds: f.getAll("ouIds").map(String),
        enabled: f.get("enabled") === "on",
      },
      { onSuccess: () => (report ? undefined : form.reset()) },
    );
  };

  return (
    <form
      onSubmit={submit}
      aria-label={report ? `Edit report ${report.name}` : "New report"}
      className="grid gap-3 rounded-lg bg-slate-50 p-3 md:grid-cols-3 dark:bg-slate-950"
      noValidate
    >
      <label className="text-sm md:col-span-3">
        <span className="mb-1 block font-medium">Name</span>
        <input
          name="name"
          defaultValue={report?.name}
          className={inputClass}
          placeholder="e.g. Leadership weekly"
          {...described("name")}
        />
        <FieldError id={`${prefix}-name-error`} message={errors.get("name")} />
      </label>
      <label className="text-sm">
        <span className="mb-1 block font-medium">Cadence</span>
        <select
          name="cadence"
          value={cadence}
          onChange={(e) => setCadence(e.target.value === "monthly" ? "monthly" : "weekly")}
          className={inputClass}
        >
          <option value="weekly">Weekly (the 7 days before the send day)</option>
          <option value="monthly">Monthly (the last full month, sent on the 1st)</option>
        </select>
      </label>
      {cadence === "weekly" ? (
        <label className="text-sm">
          <span className="mb-1 block font-medium">Sent on (UTC)</span>
          <select
            name="weekday"
            defaultValue={String(report?.weekday ?? 1)}
            className={inputClass}
            {...described("weekday")}
          >
            {WEEKDAYS.map((d, i) => (
              <option key={d} value={i}>
                {d}
              </option>
            ))}
          </select>
          <FieldError id={`${prefix}-weekday-error`} message={errors.get("weekday")} />
        </label>
      ) : (
        <div />
      )}
      <label className="text-sm">
        <span className="mb-1 block font-medium">Channel</span>
        <select
          name="channelId"
          defaultValue={report?.channelId ?? ""}
          className={inputClass}
          {...described("channelId")}
        >
          <option value="">Choose a channel…</option>
          {options.channels.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name} ({c.type}
              {c.enabled ? "" : ", disabled"})
            </option>
          ))}
        </select>
        <FieldError id={`${prefix}-channelId-error`} message={errors.get("channelId")} />
      </label>
      <label className="text-sm md:col-span-2">
        <span className="mb-1 block font-medium">
          Recipients (email channels; blank = the channel&apos;s)
        </span>
        <input
          name="recipients"
          defaultValue={report?.recipients.join(", ")}
          className={inputClass}
          placeholder="cfo@example.com, bu-lead@example.com"
          {...described("recipients")}
        />
        <FieldError id={`${prefix}-recipients-error`} message={errors.get("recipients")} />
      </label>
      <label className="text-sm">
        <span className="mb-1 block font-medium">
          Scope: OUs{options.canScopeOrganization ? " (none = whole organization)" : ""}
        </span>
        <select
          multiple
          name="ouIds"
          defaultValue={report?.ouIds}
          className={`h-28 ${inputClass}`}
          {...described("ouIds")}
        >
          {options.ous.map((o) => (
            <option key={o.id} value={o.id}>
              {o.path}
            </option>
          ))}
        </select>
        <FieldError id={`${prefix}-ouIds-error`} message={errors.get("ouIds")} />
      </label>
      <div className="flex flex-wrap items-center gap-3 md:col-span-3">
        <label className="flex items-center gap-1 text-sm">
          <input type="checkbox" name="enabled" defaultChecked={report?.enabled ?? true} /> Enabled
        </label>
        <button type="submit" disabled={save.isPending} className={buttonClass}>
          {save.isPending ? "Saving…" : report ? "Save report" : "Create report"}
        </button>
        {errors.size === 0 ? <ActionError error={save.error} /> : null}
      </div>
    </form>
  );
}
