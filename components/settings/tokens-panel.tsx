"use client";

import { ActionError } from "@/components/ui/action-error";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Card, ErrorState, Skeleton } from "@/components/ui/card";
import { fetchJson, postJson } from "@/lib/api/fetch-json";
import { ZApiTokenList, ZCreatedToken } from "@/lib/api/settings";
import { z } from "zod";

const dateFmt = (iso: string | null) => (iso ? new Date(iso).toLocaleDateString("en-US", { year: "numeric", month: "short", day: "numeric" }) : "—");
const timeFmt = (iso: string | null) => (iso ? new Date(iso).toLocaleString("en-US", { year: "numeric", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit" }) : "never");

export function TokensPanel() {
  const qc = useQueryClient();
  const tokens = useQuery({ queryKey: ["tokens"], queryFn: () => fetchJson("/api/tokens", ZApiTokenList) });
  const [name, setName] = useState("");
  const [days, setDays] = useState(90);
  const create = useMutation({
    mutationFn: () => postJson("/api/tokens", ZCreatedToken, { name, expiresInDays: days }),
    onSuccess: () => {
      setName("");
      void qc.invalidateQueries({ queryKey: ["tokens"] });
    },
  });
  const revoke = useMutation({
    mutationFn: (id: string) => fetchJson(`/api/tokens/${id}`, z.object({ revoked: z.boolean() }), { method: "DELETE" }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ["tokens"] }),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate();
  };

  return (
    <div className="space-y-6">
      <Card title="Create a personal access token">
        <p className="mb-3 text-sm text-slate-600 dark:text-slate-400">
          Tokens are read-only and never have more than your role and scope: if you lose access, so do your tokens. They are sent as <code className="rounded bg-slate-100 px-1 dark:bg-slate-800">Authorization: Bearer …</code> to the JSON API under <code className="rounded bg-slate-100 px-1 dark:bg-slate-800">/api/v1/</code>.
        </p>
        <form onSubmit={submit} className="flex flex-wrap items-end gap-3">
          <label className="text-sm">
            <span className="mb-1 block font-medium">Name</span>
            <input value={name} onChange={(e) => setName(e.target.value)} required maxLength={100} placeholder="e.g. Power BI refresh" className="w-64 rounded-md border border-slate-300 bg-white px-2 py-1.5 dark:border-slate-700 dark:bg-slate-950" />
          </label>
          <label className="text-sm">
            <span className="mb-1 block font-medium">Expires in (days)</span>
            <input type="number" min={1} max={365} value={days} onChange={(e) => setDays(Number(e.target.value))} className="w-28 rounded-md border border-slate-300 bg-white px-2 py-1.5 dark:border-slate-700 dark:bg-slate-950" />
          </label>
          <button type="submit" disabled={create.isPending} className="rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-700 disabled:opacity-60">
            {create.isPending ? "Creating…" : "Create token"}
          </button>
        </form>
        <ActionError error={create.error} className="mt-3" block />
        {create.data ? (
          <div className="mt-4 rounded-md border border-emerald-300 bg-emerald-50 p-3 text-sm dark:border-emerald-800 dark:bg-emerald-950">
            <p className="font-medium">Copy this token now: it will not be shown again.</p>
            <code data-testid="new-token" className="mt-2 block break-all rounded bg-white px-2 py-1 font-mono text-xs dark:bg-slate-900">
              {create.data.secret}
            </code>
          </div>
        ) : null}
      </Card>

      <Card title={tokens.data?.everyone ? "All users' tokens" : "Your tokens"}>
        {tokens.data?.everyone ? <p className="mb-3 text-sm text-slate-600 dark:text-slate-400">As an admin of the whole organization you see and can revoke every user&apos;s tokens.</p> : null}
        {tokens.isError ? <ErrorState message={tokens.error.message} onRetry={() => void tokens.refetch()} /> : null}
        {!tokens.data ? (
          <Skeleton className="h-24 w-full" />
        ) : tokens.data.tokens.length === 0 ? (
          <p className="text-sm text-slate-600 dark:text-slate-400">No tokens yet.</p>
        ) : (
          <table className="w-full text-left text-sm">
            <thead className="text-xs uppercase text-slate-600 dark:text-slate-400">
              <tr>
                <th className="py-2">Name</th>
                {tokens.data.everyone ? <th>Owner</th> : null}
                <th>Prefix</th>
                <th>Role</th>
                <th>Created</th>
                <th>Expires</th>
                <th>Last used</th>
                <th>Status</th>
                <th>
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {tokens.data.tokens.map((t) => {
                const expired = new Date(t.expiresAt) <= new Date();
                const status = t.revokedAt ? "revoked" : expired ? "expired" : "active";
                return (
                  <tr key={t.id} className="border-t border-slate-100 dark:border-slate-800">
                    <td className="py-2 font-medium">{t.name}</td>
                    {tokens.data.everyone ? <td>{t.ownerEmail}</td> : null}
                    <td className="font-mono text-xs">{t.prefix}…</td>
                    <td>{t.role}</td>
                    <td>{dateFmt(t.createdAt)}</td>
                    <td>{dateFmt(t.expiresAt)}</td>
                    <td>{timeFmt(t.lastUsedAt)}</td>
                    <td>{status}</td>
                    <td className="text-right">
                      {status === "active" ? (
                        <button type="button" onClick={() => revoke.mutate(t.id)} disabled={revoke.isPending} className="text-sm text-red-700 underline dark:text-red-300" aria-label={tokens.data.everyone ? `Revoke token ${t.name} of ${t.ownerEmail}` : `Revoke token ${t.name}`}>
                          Revoke
                        </button>
                      ) : null}
                      {revoke.variables === t.id ? <ActionError error={revoke.error} className="ml-2" /> : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </Card>
    </div>
  );
}
