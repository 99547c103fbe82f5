"use client";

// Settings → Reports: scheduled digests (list, create, edit, delete), a preview of the exact email in
// a sandboxed frame (no scripts, no same-origin access), and "Send now".
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { z } from "zod";
import { linkButtonClass } from "@/components/alerts/styles";
import { Card, ErrorState, Skeleton } from "@/components/ui/card";
import { ActionError } from "@/components/ui/action-error";
import { fetchJson } from "@/lib/api/fetch-json";
import {
  WEEKDAYS,
  ZReportList,
  ZReportPreview,
  ZReportSendResult,
  type TReportList,
  type TReportView,
} from "@/lib/api/report-schedules";
import { ReportForm } from "./report-form";

const ZDeleted = z.object({ deleted: z.boolean() });

const cadenceText = (r: TReportView) =>
  r.cadence === "weekly" ? `Weekly, ${WEEKDAYS[r.weekday ?? 1] ?? ""}s` : "Monthly, on the 1st";

function ReportCard({ report, options }: { report: TReportView; options: TReportList }) {
  const qc = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [previewOpen, setPreviewOpen] = useState(false);
  const preview = useQuery({
    queryKey: ["report-schedules", report.id, "preview"],
    queryFn: () => fetchJson(`/api/v1/reports/schedules/${report.id}/preview`, ZReportPreview),
    enabled: previewOpen,
  });
  const send = useMutation({
    mutationFn: () =>
      fetchJson(`/api/v1/reports/schedules/${report.id}/send`, ZReportSendResult, {
        method: "POST",
      }),
  });
  const remove = useMutation({
    mutationFn: () =>
      fetchJson(`/api/v1/reports/schedules/${report.id}`, ZDeleted, { method: "DELETE" }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ["report-schedules"] }),
  });
  return (
    <Card>
      <div
        className="flex flex-wrap items-baseline justify-between gap-2"
        data-report-id={report.id}
      >
        <div>
          <h3 className="font-medium">
            {report.name}
            {report.enabled ? null : (
              <span className="ml-2 text-sm font-normal text-slate-600 dark:text-slate-400">
                (disabled)
              </span>
            )}
          </h3>
          <p className="text-sm text-slate-600 dark:text-slate-400">
            {cadenceText(report)} · {report.scopeLabel} · to {report.channelName} (
            {report.channelType}
            {report.recipients.length ? `: ${report.recipients.join(", ")}` : ""})
            {report.lastSentPeriod ? ` · last scheduled send: ${report.lastSentPeriod}` : ""}
          </p>
        </div>
        <div className="flex flex-wrap items-center gap-3">
          <button
            type="button"
            className={linkButtonClass}
            aria-expanded={previewOpen}
            onClick={() => setPreviewOpen((v) => !v)}
          >
            {previewOpen ? "Hide preview" : "Preview"}
          </button>
          <button
            type="button"
            className={linkButtonClass}
            disabled={send.isPending}
            onClick={() => send.mutate()}
            aria-label={`Send now: ${report.name}`}
          >
            {send.isPending ? "Sending…" : "Send now"}
          </button>
          {send.data ? (
            <span role="status" className="text-sm">
              {send.data.status === "sent"
                ? `Sent (${send.data.period})`
                : `Failed: ${send.data.error ?? "unknown error"}`}
            </span>
          ) : null}
          <button
            type="button"
            className={linkButtonClass}
            aria-expanded={editing}
            onClick={() => setEditing((v) => !v)}
          >
            {editing ? "Cancel edit" : "Edit"}
          </button>
          <button
            type="button"
            className="text-sm text-red-700 underline dark:text-red-300"
            disabled={remove.isPending}
            onClick={() => remove.mutate()}
            aria-label={`Delete report ${report.name}`}
          >
            Delete
          </button>
          <ActionError error={send.error ?? remove.error} />
        </div>
      </div>
      {editing ? (
        <div className="mt-3">
          <ReportForm options={options} report={report} onDone={() => setEditing(false)} />
        </div>
      ) : null}
      {previewOpen ? (
        <div className="mt-3 space-y-2">
          {preview.isPending ? (
            <Skeleton className="h-96" />
          ) : preview.isError ? (
            <ErrorState message={preview.error.message} onRetry={() => void preview.refetch()} />
          ) : (
            <>
              <p className="text-sm text-slate-600 dark:text-slate-400">
                Subject: <span className="font-medium">{preview.data.subject}</span> · period{" "}
                {preview.data.period.label}
              </p>
              <iframe
                title={`Preview of ${report.name}`}
                sandbox=""
                srcDoc={preview.data.html}
                className="h-[36rem] w-full rounded-md border border-slate-200 bg-white dark:border-slate-700"
              />
            </>
          )}
        </div>
      ) : null}
    </Card>
  );
}

export function ReportSchedulesPanel() {
  const q = useQuery({
    queryKey: ["report-schedules"],
    queryFn: () => fetchJson("/api/v1/reports/schedules", ZReportList),
  });
  return (
    <div className="space-y-6">
      <p className="text-sm text-slate-600 dark:text-slate-400">
        Weekly or monthly digests of spend and top movers, KPIs, budgets at risk, new high and
        critical findings and open cost anomalies, delivered through an alert channel. The worker (
        <code>npm run worker</code>) sends each period once; see docs/reports.md.
      </p>
      {q.isPending ? (
        <Skeleton className="h-40" />
      ) : q.isError ? (
        <ErrorState message={q.error.message} onRetry={() => void q.refetch()} />
      ) : (
        <>
          {q.data.reports.length === 0 ? (
            <p className="text-sm text-slate-600 dark:text-slate-400">No scheduled reports yet.</p>
          ) : (
            <div className="space-y-4">
              {q.data.reports.map((r) => (
                <ReportCard key={r.id} report={r} options={q.data} />
              ))}
            </div>
          )}
          <Card title="New report">
            {q.data.channels.length === 0 ? (
              <p className="text-sm text-slate-600 dark:text-slate-400">
                Reports are delivered through alert channels: add one under Settings → Alerts first.
              </p>
            ) : (
              <ReportForm options={q.data} />
            )}
          </Card>
        </>
      )}
    </div>
  );
}
