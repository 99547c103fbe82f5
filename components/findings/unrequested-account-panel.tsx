"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { z } from "zod";
import { ActionError } from "@/components/ui/action-error";
import { Skeleton } from "@/components/ui/card";
import { fetchJson, postJson } from "@/lib/api/fetch-json";
import type { TFindingDetail } from "@/lib/api/findings";
import { ZRequestList } from "@/lib/api/requests";

const BUTTON =
  "rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium disabled:opacity-60 dark:border-slate-700";

/**
 * ORG_ACCOUNT_UNREQUESTED's two ways out: link the account to the approved request it was created
 * for, or record it as a known account. Either resolves the finding at once.
 */
export function UnrequestedAccountPanel({ finding }: { finding: TFindingDetail }) {
  const accountId = finding.accountId ?? "";
  const qc = useQueryClient();
  const [requestId, setRequestId] = useState("");
  const requests = useQuery({
    queryKey: ["requests"],
    queryFn: () => fetchJson("/api/v1/requests", ZRequestList),
  });
  const done = () => {
    void qc.invalidateQueries({ queryKey: ["finding", finding.id] });
    void qc.invalidateQueries({ queryKey: ["findings"] });
    void qc.invalidateQueries({ queryKey: ["requests"] });
  };
  const link = useMutation({
    mutationFn: () => postJson(`/api/v1/requests/${requestId}/link`, z.unknown(), { accountId }),
    onSuccess: done,
  });
  const markKnown = useMutation({
    mutationFn: () =>
      postJson("/api/v1/known-accounts", z.unknown(), {
        accountId,
        name: finding.accountName ?? "",
        owner: "",
      }),
    onSuccess: done,
  });

  if (finding.status !== "open")
    return <p className="text-sm">Resolved: the account is linked to a request or known.</p>;
  if (requests.isError) return <ActionError block error={requests.error} />;
  if (!requests.data) return <Skeleton className="h-20 w-full" />;
  if (!requests.data.canDecide)
    return (
      <p className="text-sm text-slate-600 dark:text-slate-400">
        An admin can link this account to its account request or mark it as known.
      </p>
    );
  const waiting = requests.data.requests.filter(
    (r) => r.status === "approved" && !r.accountId && r.vending?.status !== "running",
  );
  return (
    <div className="space-y-4 text-sm">
      <form
        className="space-y-2"
        onSubmit={(e) => {
          e.preventDefault();
          if (requestId) link.mutate();
        }}
      >
        <label className="block">
          <span className="mb-1 block font-medium">Approved request</span>
          <select
            value={requestId}
            onChange={(e) => setRequestId(e.target.value)}
            className="w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 dark:border-slate-700 dark:bg-slate-950"
          >
            <option value="">
              {waiting.length ? "Choose a request…" : "No approved request is waiting"}
            </option>
            {waiting.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name} · {r.targetOuPath}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" disabled={!requestId || link.isPending} className={BUTTON}>
          {link.isPending ? "Linking…" : "Link to request"}
        </button>
        <ActionError block error={link.error} />
      </form>
      <div className="space-y-2 border-t border-slate-200 pt-3 dark:border-slate-800">
        <p className="text-slate-600 dark:text-slate-400">
          A legitimate account that needs no request (a vendor or break-glass account, say):
        </p>
        <button
          type="button"
          disabled={markKnown.isPending}
          onClick={() => markKnown.mutate()}
          className={BUTTON}
        >
          {markKnown.isPending ? "Saving…" : "Mark as known"}
        </button>
        <ActionError block error={markKnown.error} />
      </div>
    </div>
  );
}
