"use client";

import { ActionError } from "@/components/ui/action-error";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Card, ErrorState, Skeleton } from "@/components/ui/card";
import { fetchJson, postJson } from "@/lib/api/fetch-json";
import { ZApiTokenList, ZCreatedToken } from "@/lib/api/settings";
import { z } from "zod";
import type { ColumnDef } from "@tanstack/react-table";
import type { UseMutationResult } from "@tanstack/react-query";
import { DataTable } from "@/components/tables/data-table";
import { SecretOnce } from "./secret-once";

const dateFmt = (iso: string | null) =>
  iso
    ? new Date(iso).toLocaleDateString("en-US", { year: "numeric", month: "short", day: "numeric" })
    : "—";
const timeFmt = (iso: string | null) =>
  iso
    ? new Date(iso).toLocaleString("en-US", {
        year: "numeric",
        month: "short",
        day: "numeric",
        hour: "2-digit",
        minute: "2-digit",
      })
    : "never";

type Token = z.infer<typeof ZApiTokenList>["tokens"][number];
type Revoke = UseMutationResult<{ revoked: boolean }, Error, string>;

const statusOf = (t: Token) =>
  t.revokedAt ? "revoked" : new Date(t.expiresAt) <= new Date() ? "expired" : "active";

function tokenColumns(everyone: boolean, revoke: Revoke): ColumnDef<Token>[] {
  const plain = (
    id: string,
    header: string,
    value: (t: Token) => string,
    className = "",
  ): ColumnDef<Token> => ({
    id,
    header,
    enableSorting: false,
    cell: ({ row }) => <span className={className}>{value(row.original)}</span>,
  });
  return [
    plain("name", "Name", (t) => t.name, "font-medium"),
    ...(everyone ? [plain("owner", "Owner", (t) => t.ownerEmail)] : []),
    plain("prefix", "Prefix", (t) => `${t.prefix}…`, "font-mono text-xs"),
    plain("role", "Role", (t) => t.role),
    plain("created", "Created", (t) => dateFmt(t.createdAt)),
    plain("expires", "Expires", (t) => dateFmt(t.expiresAt)),
    plain("lastUsed", "Last used", (t) => timeFmt(t.lastUsedAt)),
    plain("status", "Status", statusOf),
    {
      id: "actions",
      header: () => <span className="sr-only">Actions</span>,
      enableSorting: false,
      meta: { align: "right" },
      cell: ({ row: { original: t } }) => (
        <>
          {statusOf(t) === "active" ? (
            <button
              type="button"
              onClick={() => revoke.mutate(t.id)}
              disabled={revoke.isPending}
              className="text-sm text-red-700 underline dark:text-red-300"
              aria-label={
                everyone ? `Revoke token ${t.name} of ${t.ownerEmail}` : `Revoke token ${t.name}`
              }
            >
              Revoke
            </button>
          ) : null}
          {revoke.variables === t.id ? <ActionError error={revoke.error} className="ml-2" /> : null}
        </>
      ),
    },
  ];
}

export function TokensPanel() {
  const qc = useQueryClient();
  const tokens = useQuery({
    queryKey: ["tokens"],
    queryFn: () => fetchJson("/api/tokens", ZApiTokenList),
  });
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
    mutationFn: (id: string) =>
      fetchJson(`/api/tokens/${id}`, z.object({ revoked: z.boolean() }), { method: "DELETE" }),
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
          Tokens are read-only and never have more than your role and scope: if you lose access, so
          do your tokens. They are sent as{" "}
          <code className="rounded bg-slate-100 px-1 dark:bg-slate-800">
            Authorization: Bearer …
          </code>{" "}
          to the JSON API under{" "}
          <code className="rounded bg-slate-100 px-1 dark:bg-slate-800">/api/v1/</code>.
        </p>
        <form onSubmit={submit} className="flex flex-wrap items-end gap-3">
          <label className="text-sm">
            <span className="mb-1 block font-medium">Name</span>
            <input
              value={name}
              onChange={(e) => setName(e.target.value)}
              required
              maxLength={100}
              placeholder="e.g. Power BI refresh"
              className="w-64 rounded-md border border-slate-300 bg-white px-2 py-1.5 dark:border-slate-700 dark:bg-slate-950"
            />
          </label>
          <label className="text-sm">
            <span className="mb-1 block font-medium">Expires in (days)</span>
            <input
              type="number"
              min={1}
              max={365}
              value={days}
              onChange={(e) => setDays(Number(e.target.value))}
              className="w-28 rounded-md border border-slate-300 bg-white px-2 py-1.5 dark:border-slate-700 dark:bg-slate-950"
            />
          </label>
          <button
            type="submit"
            disabled={create.isPending}
            className="rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-700 disabled:opacity-60"
          >
            {create.isPending ? "Creating…" : "Create token"}
          </button>
        </form>
        <ActionError error={create.error} className="mt-3" block />
        {create.data ? <SecretOnce secret={create.data.secret} testId="new-token" /> : null}
      </Card>

      <Card title={tokens.data?.everyone ? "All users' tokens" : "Your tokens"}>
        {tokens.data?.everyone ? (
          <p className="mb-3 text-sm text-slate-600 dark:text-slate-400">
            As an admin of the whole organization you see and can revoke every user&apos;s tokens.
          </p>
        ) : null}
        {tokens.isError ? (
          <ErrorState message={tokens.error.message} onRetry={() => void tokens.refetch()} />
        ) : null}
        {!tokens.data ? (
          <Skeleton className="h-24 w-full" />
        ) : tokens.data.tokens.length === 0 ? (
          <p className="text-sm text-slate-600 dark:text-slate-400">No tokens yet.</p>
        ) : (
          <DataTable
            caption={tokens.data.everyone ? "All users' API tokens" : "Your API tokens"}
            data={tokens.data.tokens}
            columns={tokenColumns(tokens.data.everyone, revoke)}
            getRowId={(t) => t.id}
          />
        )}
      </Card>
    </div>
  );
}
