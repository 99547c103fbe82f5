"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { UseMutationResult } from "@tanstack/react-query";
import type { ColumnDef } from "@tanstack/react-table";
import { useState, type FormEvent } from "react";
import { z } from "zod";
import { DataTable } from "@/components/tables/data-table";
import { ActionError } from "@/components/ui/action-error";
import { Card, ErrorState, Skeleton } from "@/components/ui/card";
import { ZCreatedIngestToken, ZIngestTokenList, type TIngestTokenList } from "@/lib/api/events";
import { fetchJson, postJson } from "@/lib/api/fetch-json";
import { SecretOnce } from "./secret-once";

type Token = TIngestTokenList["tokens"][number];
type Revoke = UseMutationResult<{ revoked: boolean }, Error, string>;

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

const code = "rounded bg-slate-100 px-1 dark:bg-slate-800";

function columns(revoke: Revoke): ColumnDef<Token>[] {
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
    plain("prefix", "Prefix", (t) => `${t.prefix}…`, "font-mono text-xs"),
    plain("createdBy", "Created by", (t) => t.createdBy),
    plain("created", "Created", (t) => timeFmt(t.createdAt)),
    plain("lastUsed", "Last used", (t) => timeFmt(t.lastUsedAt)),
    plain("status", "Status", (t) => (t.revokedAt ? "revoked" : "active")),
    {
      id: "actions",
      header: () => <span className="sr-only">Actions</span>,
      enableSorting: false,
      meta: { align: "right" },
      cell: ({ row: { original: t } }) => (
        <>
          {t.revokedAt ? null : (
            <button
              type="button"
              onClick={() => revoke.mutate(t.id)}
              disabled={revoke.isPending}
              className="text-sm text-red-700 underline dark:text-red-300"
              aria-label={`Revoke ingest token ${t.name}`}
            >
              Revoke
            </button>
          )}
          {revoke.variables === t.id ? <ActionError error={revoke.error} className="ml-2" /> : null}
        </>
      ),
    },
  ];
}

export function IngestTokensPanel() {
  const qc = useQueryClient();
  const tokens = useQuery({
    queryKey: ["ingest-tokens"],
    queryFn: () => fetchJson("/api/v1/event-tokens", ZIngestTokenList),
  });
  const [name, setName] = useState("");
  const create = useMutation({
    mutationFn: () => postJson("/api/v1/event-tokens", ZCreatedIngestToken, { name }),
    onSuccess: () => {
      setName("");
      void qc.invalidateQueries({ queryKey: ["ingest-tokens"] });
    },
  });
  const revoke = useMutation({
    mutationFn: (id: string) =>
      fetchJson(`/api/v1/event-tokens/${id}`, z.object({ revoked: z.boolean() }), {
        method: "DELETE",
      }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ["ingest-tokens"] }),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate();
  };

  return (
    <div className="space-y-6">
      <Card title="Create an ingest token">
        <p className="mb-3 text-sm text-slate-600 dark:text-slate-400">
          An ingest token lets an Amazon EventBridge API destination post CloudTrail events to{" "}
          <code className={code}>POST /api/v1/events</code> (header{" "}
          <code className={code}>Authorization: Bearer …</code>). It can do nothing else: it reads
          no data and opens no other route. New IAM users, moved accounts and similar changes then
          show up within seconds; the next collection confirms or corrects them. See{" "}
          <code className={code}>docs/events.md</code> for the CloudFormation template.
        </p>
        <form onSubmit={submit} className="flex flex-wrap items-end gap-3">
          <label className="text-sm">
            <span className="mb-1 block font-medium">Token name</span>
            <input
              value={name}
              onChange={(e) => setName(e.target.value)}
              required
              maxLength={100}
              placeholder="e.g. EventBridge us-east-1"
              className="w-64 rounded-md border border-slate-300 bg-white px-2 py-1.5 dark:border-slate-700 dark:bg-slate-950"
            />
          </label>
          <button
            type="submit"
            disabled={create.isPending}
            className="rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-700 disabled:opacity-60"
          >
            {create.isPending ? "Creating…" : "Create ingest token"}
          </button>
        </form>
        <ActionError error={create.error} className="mt-3" block />
        {create.data ? <SecretOnce secret={create.data.secret} testId="new-ingest-token" /> : null}
      </Card>

      <Card title="Ingest tokens">
        {tokens.isError ? (
          <ErrorState message={tokens.error.message} onRetry={() => void tokens.refetch()} />
        ) : !tokens.data ? (
          <Skeleton className="h-24 w-full" />
        ) : (
          <>
            <p
              className="mb-3 text-sm text-slate-600 dark:text-slate-400"
              data-testid="ingest-stats"
            >
              {tokens.data.received24h} event(s) received in the last 24 hours
              {tokens.data.lastReceivedAt
                ? `; the latest at ${timeFmt(tokens.data.lastReceivedAt)}`
                : ""}
              .
            </p>
            {tokens.data.tokens.length === 0 ? (
              <p className="text-sm text-slate-600 dark:text-slate-400">No ingest tokens yet.</p>
            ) : (
              <DataTable
                caption="Ingest tokens"
                data={tokens.data.tokens}
                columns={columns(revoke)}
                getRowId={(t) => t.id}
              />
            )}
          </>
        )}
      </Card>
    </div>
  );
}
