"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { fetchJson, postJson } from "@/lib/api/fetch-json";
import { MAX_MUTE_DAYS, ZMuteBody, type TFindingDetail } from "@/lib/api/findings";
import { z } from "zod";
import { formatDate, formatDateTime } from "./badges";

const DAY_MS = 86_400_000;
const isoDay = (d: Date) => d.toISOString().slice(0, 10);
const ZAck = z.object({ id: z.string() });

/** Mute (reason + expiry) or unmute; the server re-checks the permission and the limits. */
export function MutePanel({ finding }: { finding: TFindingDetail }) {
  const client = useQueryClient();
  const today = new Date();
  const [reason, setReason] = useState("");
  const [until, setUntil] = useState(isoDay(new Date(today.getTime() + 90 * DAY_MS)));
  const [formError, setFormError] = useState<string | null>(null);

  const done = () => {
    void client.invalidateQueries({ queryKey: ["finding", finding.id] });
    void client.invalidateQueries({ queryKey: ["findings"] });
  };
  const mute = useMutation({
    mutationFn: (body: { reason: string; until: string }) =>
      postJson(`/api/v1/findings/${finding.id}/mute`, ZAck, body),
    onSuccess: () => {
      setReason("");
      done();
    },
  });
  const unmute = useMutation({
    mutationFn: () => fetchJson(`/api/v1/findings/${finding.id}/mute`, ZAck, { method: "DELETE" }),
    onSuccess: done,
  });

  if (finding.mutedUntil) {
    return (
      <div className="space-y-2 text-sm" data-testid="mute-state">
        <p>
          <span className="font-medium">Muted until {formatDateTime(finding.mutedUntil)}</span> by{" "}
          {finding.mutedBy ?? "unknown"}.
        </p>
        <blockquote className="border-l-2 border-violet-400 pl-3 text-slate-700 dark:text-slate-300">
          {finding.muteReason}
        </blockquote>
        <p className="text-xs text-slate-600 dark:text-slate-400">
          It is listed under “Muted” and left out of the open counts until then.
        </p>
        {finding.canMute ? (
          <button
            type="button"
            onClick={() => unmute.mutate()}
            disabled={unmute.isPending}
            className="rounded-md border border-slate-300 px-3 py-1.5 font-medium dark:border-slate-700"
          >
            {unmute.isPending ? "Unmuting…" : "Unmute"}
          </button>
        ) : null}
        {unmute.isError ? (
          <p role="alert" className="text-red-700 dark:text-red-300">
            {unmute.error.message}
          </p>
        ) : null}
      </div>
    );
  }
  if (!finding.canMute)
    return (
      <p className="text-sm text-slate-600 dark:text-slate-400">
        {finding.status === "open"
          ? "Analysts and admins can mute this finding."
          : "Only open findings can be muted."}
      </p>
    );

  return (
    <form
      className="space-y-3 text-sm"
      onSubmit={(e) => {
        e.preventDefault();
        const parsed = ZMuteBody.safeParse({ reason, until });
        if (!parsed.success)
          return setFormError(parsed.error.issues.map((i) => i.message).join(" "));
        setFormError(null);
        mute.mutate({ reason: reason.trim(), until });
      }}
    >
      <p className="text-slate-600 dark:text-slate-400">
        Accept the risk for a limited time: the finding stays listed but stops counting. It is
        recorded in the history and the audit log.
      </p>
      <label className="block font-medium">
        Reason
        <textarea
          required
          minLength={3}
          maxLength={1000}
          rows={3}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          placeholder="e.g. Break-glass user approved by security until the SSO migration (ticket SEC-123)"
          className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 font-normal dark:border-slate-700 dark:bg-slate-900"
        />
      </label>
      <label className="block font-medium">
        Muted until (end of day, UTC; at most {MAX_MUTE_DAYS} days)
        <input
          type="date"
          required
          value={until}
          min={isoDay(new Date(today.getTime() + DAY_MS))}
          max={isoDay(new Date(today.getTime() + MAX_MUTE_DAYS * DAY_MS))}
          onChange={(e) => setUntil(e.target.value)}
          className="mt-1 block rounded-md border border-slate-300 bg-white px-2 py-1.5 font-normal dark:border-slate-700 dark:bg-slate-900"
        />
      </label>
      {until ? (
        <p className="text-xs text-slate-600 dark:text-slate-400">
          It counts again after {formatDate(`${until}T12:00:00Z`)}.
        </p>
      ) : null}
      {formError || mute.isError ? (
        <p role="alert" className="text-red-700 dark:text-red-300">
          {formError ?? mute.error?.message}
        </p>
      ) : null}
      <button
        type="submit"
        disabled={mute.isPending}
        className="rounded-md bg-indigo-600 px-3 py-1.5 font-medium text-white hover:bg-indigo-700 disabled:opacity-60"
      >
        {mute.isPending ? "Muting…" : "Mute finding"}
      </button>
    </form>
  );
}
