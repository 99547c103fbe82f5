"use client";

import { ActionError } from "@/components/ui/action-error";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { z } from "zod";
import { Card, ErrorState, Skeleton } from "@/components/ui/card";
import { fetchJson, postJson } from "@/lib/api/fetch-json";
import { ZAlertSettings, ZTestResult, type TAlertChannelView } from "@/lib/api/alerts";
import { ChannelForm } from "./channel-form";
import { DeliveriesTable } from "./deliveries-table";
import { RuleForm, type RuleOptions } from "./rule-form";
import { linkButtonClass } from "./styles";
import { formatMoneyCents } from "@/lib/format/money";

const ZDeleted = z.object({ deleted: z.boolean() });

function describeRule(r: TAlertChannelView["rules"][number], pathOf: Map<string, string>): string {
  const under = r.ouIds.length
    ? `under ${r.ouIds.map((id) => pathOf.get(id) ?? id).join(", ")}`
    : null;
  if (r.target === "anomalies")
    return [
      `cost anomalies with impact ≥ ${formatMoneyCents(r.anomalyMinImpactUsd ?? "0")}`,
      r.anomalyMinPercent !== null ? `≥ ${r.anomalyMinPercent}% above expected` : null,
      under,
    ]
      .filter(Boolean)
      .join("; ");
  const parts = [
    r.checkIds.length ? `checks ${r.checkIds.join(", ")}` : null,
    r.categories.length ? `categories ${r.categories.join(", ")}` : null,
    r.severities.length ? `severity ${r.severities.join(", ")}` : null,
    r.ouIds.length ? `under ${r.ouIds.map((id) => pathOf.get(id) ?? id).join(", ")}` : null,
  ].filter(Boolean);
  return parts.length ? parts.join("; ") : "every new finding";
}

function ChannelCard({ channel, options }: { channel: TAlertChannelView; options: RuleOptions }) {
  const qc = useQueryClient();
  const refresh = () => void qc.invalidateQueries({ queryKey: ["alerts"] });
  const test = useMutation({
    mutationFn: () =>
      fetchJson(`/api/v1/alerts/channels/${channel.id}/test`, ZTestResult, { method: "POST" }),
    onSettled: refresh,
  });
  const remove = useMutation({
    mutationFn: () =>
      fetchJson(`/api/v1/alerts/channels/${channel.id}`, ZDeleted, { method: "DELETE" }),
    onSuccess: refresh,
  });
  const toggle = useMutation({
    mutationFn: () =>
      postJson(
        `/api/v1/alerts/channels/${channel.id}`,
        z.object({ id: z.string() }),
        {
          name: channel.name,
          type: channel.type,
          enabled: !channel.enabled,
          config: channel.config,
        },
        "PATCH",
      ),
    onSuccess: refresh,
  });
  const removeRule = useMutation({
    mutationFn: (id: string) =>
      fetchJson(`/api/v1/alerts/rules/${id}`, ZDeleted, { method: "DELETE" }),
    onSuccess: refresh,
  });
  const pathOf = new Map(options.ous.map((o) => [o.id, o.path]));
  const target =
    typeof channel.config.url === "string"
      ? channel.config.url
      : Array.isArray(channel.config.to)
        ? channel.config.to.join(", ")
        : "";
  return (
    <Card>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h3 className="font-medium">
          {channel.name}{" "}
          <span className="text-sm font-normal text-slate-600 dark:text-slate-400">
            ({channel.type}
            {target ? ` → ${target}` : ""})
          </span>
        </h3>
        <div className="flex items-center gap-3">
          <label className="flex items-center gap-1 text-sm">
            <input
              type="checkbox"
              checked={channel.enabled}
              disabled={toggle.isPending}
              onChange={() => toggle.mutate()}
            />{" "}
            Enabled
          </label>
          <button
            type="button"
            className={linkButtonClass}
            disabled={test.isPending}
            onClick={() => test.mutate()}
            aria-label={`Send test to ${channel.name}`}
          >
            {test.isPending ? "Sending…" : "Send test"}
          </button>
          {test.data ? (
            <span role="status" className="text-sm">
              Test {test.data.status}
            </span>
          ) : null}
          <button
            type="button"
            className="text-sm text-red-700 underline dark:text-red-300"
            disabled={remove.isPending}
            onClick={() => remove.mutate()}
            aria-label={`Delete channel ${channel.name}`}
          >
            Delete
          </button>
          <ActionError error={test.error ?? remove.error ?? toggle.error ?? removeRule.error} />
        </div>
      </div>
      {channel.rules.length === 0 ? (
        <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">
          No rules yet: this channel receives nothing until a rule matches.
        </p>
      ) : (
        <ul className="mt-2 space-y-1 text-sm">
          {channel.rules.map((r) => (
            <li key={r.id} className="flex justify-between gap-2">
              <span data-testid="alert-rule">
                <span className="font-medium">{r.name}</span>: {describeRule(r, pathOf)}
              </span>
              <button
                type="button"
                className="text-red-700 underline dark:text-red-300"
                disabled={removeRule.isPending}
                onClick={() => removeRule.mutate(r.id)}
                aria-label={`Remove rule ${r.name}`}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <RuleForm channelId={channel.id} channelName={channel.name} options={options} />
    </Card>
  );
}

export function AlertsPanel({ options }: { options: RuleOptions }) {
  const q = useQuery({
    queryKey: ["alerts"],
    queryFn: () => fetchJson("/api/v1/alerts", ZAlertSettings),
  });
  return (
    <div className="space-y-6">
      <p className="text-sm text-slate-600 dark:text-slate-400">
        After each collection run, findings opened or reopened by that run are sent to every channel
        with a matching rule, once per channel, with up to 3 attempts on server or network errors.
      </p>
      <ChannelForm />
      {q.isError ? <ErrorState message={q.error.message} onRetry={() => void q.refetch()} /> : null}
      {!q.data ? (
        <Skeleton className="h-40 w-full" />
      ) : (
        <>
          <section aria-label="Channels" className="space-y-4">
            {q.data.channels.length === 0 ? (
              <p className="text-sm text-slate-600 dark:text-slate-400">No channels yet.</p>
            ) : null}
            {q.data.channels.map((c) => (
              <ChannelCard key={c.id} channel={c} options={options} />
            ))}
          </section>
          <DeliveriesTable deliveries={q.data.deliveries} />
        </>
      )}
    </div>
  );
}
