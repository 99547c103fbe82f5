"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { ColumnDef } from "@tanstack/react-table";
import { useState, type FormEvent } from "react";
import { z } from "zod";
import { ActionError } from "@/components/ui/action-error";
import { DataTable } from "@/components/tables/data-table";
import { Card, ErrorState, Skeleton } from "@/components/ui/card";
import { ApiError, fetchJson, postJson } from "@/lib/api/fetch-json";
import { ZKnownAccountList, type TKnownAccount } from "@/lib/api/known-accounts";
import { KnownAccountImport } from "./known-account-import";

const input =
  "rounded-md border border-slate-300 bg-white px-2 py-1.5 dark:border-slate-700 dark:bg-slate-950";
const button =
  "rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-700 disabled:opacity-60";
const ZSaved = z.object({ accountId: z.string() });
const KEY = ["known-accounts"];

export function KnownAccountsPanel() {
  const qc = useQueryClient();
  const list = useQuery({
    queryKey: KEY,
    queryFn: () => fetchJson("/api/v1/known-accounts", ZKnownAccountList),
  });
  const refresh = () => void qc.invalidateQueries({ queryKey: KEY });
  const [draft, setDraft] = useState({ accountId: "", name: "", owner: "" });
  const add = useMutation({
    mutationFn: () => postJson("/api/v1/known-accounts", ZSaved, draft),
    onSuccess: () => {
      setDraft({ accountId: "", name: "", owner: "" });
      refresh();
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate();
  };

  return (
    <div className="space-y-6">
      <Card title="Accounts the company owns">
        <p className="mb-3 text-sm text-slate-600 dark:text-slate-400">
          Keep here every AWS account the company owns, in the organization or not (a CMDB export).
          Each known account outside the organization is a finding, and counts against &ldquo;%
          accounts managed in Organizations&rdquo;. Changes apply at the next collection run.
        </p>
        {list.isError ? (
          <ErrorState message={list.error.message} onRetry={() => void list.refetch()} />
        ) : null}
        {list.data ? (
          <dl className="grid grid-cols-3 gap-3 text-sm">
            <Figure label="Known accounts" value={list.data.summary.known} testId="known-total" />
            <Figure
              label="In the organization"
              value={list.data.summary.inOrganization}
              testId="known-in-org"
            />
            <Figure
              label="Outside the organization"
              value={list.data.summary.outside}
              testId="known-outside"
            />
          </dl>
        ) : list.isError ? null : (
          <Skeleton className="h-12 w-full" />
        )}
      </Card>

      <Card title="Add an account">
        <form
          onSubmit={submit}
          className="grid gap-3 md:grid-cols-[12rem_1fr_1fr_auto] md:items-end"
        >
          <label className="text-sm">
            <span className="mb-1 block font-medium">Account id</span>
            <input
              value={draft.accountId}
              onChange={(e) => setDraft({ ...draft, accountId: e.target.value })}
              required
              inputMode="numeric"
              className={`w-full ${input}`}
              placeholder="123456789012"
            />
          </label>
          <label className="text-sm">
            <span className="mb-1 block font-medium">Name</span>
            <input
              value={draft.name}
              onChange={(e) => setDraft({ ...draft, name: e.target.value })}
              className={`w-full ${input}`}
            />
          </label>
          <label className="text-sm">
            <span className="mb-1 block font-medium">Owner</span>
            <input
              value={draft.owner}
              onChange={(e) => setDraft({ ...draft, owner: e.target.value })}
              className={`w-full ${input}`}
              placeholder="team or e-mail"
            />
          </label>
          <button type="submit" disabled={add.isPending} className={button}>
            {add.isPending ? "Adding…" : "Add account"}
          </button>
          <ActionError error={fieldError(add.error)} block className="md:col-span-4" />
        </form>
      </Card>

      <KnownAccountImport onImported={refresh} />

      <Card title="Known accounts">
        {!list.data ? (
          list.isError ? null : (
            <Skeleton className="h-24 w-full" />
          )
        ) : list.data.accounts.length === 0 ? (
          <p className="text-sm text-slate-600 dark:text-slate-400">
            No known accounts yet: add one above or import your CMDB export.
          </p>
        ) : (
          <KnownAccountsTable accounts={list.data.accounts} onChanged={refresh} />
        )}
      </Card>
    </div>
  );
}

function Figure({ label, value, testId }: { label: string; value: number; testId: string }) {
  return (
    <div>
      <dt className="text-slate-600 dark:text-slate-400">{label}</dt>
      <dd className="tabular text-2xl font-semibold" data-testid={testId}>
        {value}
      </dd>
    </div>
  );
}

/** A 400's field errors arrive as "Invalid input."; the server's per-field message is clearer. */
function fieldError(error: Error | null): Error | null {
  if (!(error instanceof ApiError) || error.status !== 400) return error;
  const fields = z.array(z.object({ message: z.string() })).safeParse(error.details);
  return fields.success && fields.data[0] ? new Error(fields.data[0].message) : error;
}

/** One row edits at a time: the table holds which, and the draft name and owner. */
function KnownAccountsTable({
  accounts,
  onChanged,
}: {
  accounts: TKnownAccount[];
  onChanged: () => void;
}) {
  const [editing, setEditing] = useState<{ accountId: string; name: string; owner: string } | null>(
    null,
  );
  const save = useMutation({
    mutationFn: (d: { accountId: string; name: string; owner: string }) =>
      postJson(
        `/api/v1/known-accounts/${d.accountId}`,
        ZSaved,
        { name: d.name, owner: d.owner },
        "PUT",
      ),
    onSuccess: () => {
      setEditing(null);
      onChanged();
    },
  });
  const draftInput = (a: TKnownAccount, field: "name" | "owner", label: string) =>
    editing?.accountId === a.accountId ? (
      <input
        aria-label={`${label} of ${a.accountId}`}
        value={editing[field]}
        onChange={(e) => setEditing({ ...editing, [field]: e.target.value })}
        className={`w-full ${input}`}
      />
    ) : (
      a[field] || "—"
    );
  const columns: ColumnDef<TKnownAccount>[] = [
    {
      id: "accountId",
      header: "Account id",
      accessorFn: (a) => a.accountId,
      meta: { cellClassName: "whitespace-nowrap font-medium" },
    },
    {
      id: "name",
      header: "Name",
      accessorFn: (a) => a.name,
      meta: { cellClassName: "" },
      cell: ({ row }) => draftInput(row.original, "name", "Name"),
    },
    {
      id: "owner",
      header: "Owner",
      accessorFn: (a) => a.owner,
      meta: { cellClassName: "" },
      cell: ({ row }) => draftInput(row.original, "owner", "Owner"),
    },
    {
      id: "member",
      header: "In the organization",
      accessorFn: (a) => a.member?.name ?? "",
      meta: { cellClassName: "" },
      cell: ({ row: { original: a } }) =>
        a.member ? (
          <span>
            Yes, as {a.member.name}
            {a.member.status === "ACTIVE" ? "" : ` (${a.member.status.toLowerCase()})`}
          </span>
        ) : (
          <span className="font-medium text-amber-800 dark:text-amber-300">
            No: outside the organization
          </span>
        ),
    },
    {
      id: "actions",
      header: () => <span className="sr-only">Actions</span>,
      meta: { align: "right", sticky: false },
      cell: ({ row: { original: a } }) => (
        <RowActions
          account={a}
          editing={editing?.accountId === a.accountId}
          onEdit={() => setEditing({ accountId: a.accountId, name: a.name, owner: a.owner })}
          onCancel={() => setEditing(null)}
          onSave={() => editing && save.mutate(editing)}
          saving={save.isPending}
          saveError={editing?.accountId === a.accountId ? fieldError(save.error) : null}
          onChanged={onChanged}
        />
      ),
    },
  ];
  return (
    <DataTable
      data={accounts}
      columns={columns}
      caption="Known accounts"
      getRowId={(a) => a.accountId}
      rowIdAttribute="data-account-id"
      rowTestId="known-account-row"
      align="top"
    />
  );
}

function RowActions({
  account,
  editing,
  onEdit,
  onCancel,
  onSave,
  saving,
  saveError,
  onChanged,
}: {
  account: TKnownAccount;
  editing: boolean;
  onEdit: () => void;
  onCancel: () => void;
  onSave: () => void;
  saving: boolean;
  saveError: Error | null;
  onChanged: () => void;
}) {
  const remove = useMutation({
    mutationFn: () =>
      fetchJson(`/api/v1/known-accounts/${account.accountId}`, z.object({ deleted: z.boolean() }), {
        method: "DELETE",
      }),
    onSuccess: onChanged,
  });
  return (
    <div className="space-x-3 whitespace-nowrap">
      {editing ? (
        <>
          <button
            type="button"
            onClick={onSave}
            disabled={saving}
            className="text-indigo-700 underline dark:text-indigo-300"
          >
            Save
          </button>
          <button type="button" onClick={onCancel} className="underline">
            Cancel
          </button>
        </>
      ) : (
        <button
          type="button"
          onClick={onEdit}
          className="text-indigo-700 underline dark:text-indigo-300"
          aria-label={`Edit ${account.accountId}`}
        >
          Edit
        </button>
      )}
      <button
        type="button"
        onClick={() => remove.mutate()}
        disabled={remove.isPending}
        className="text-red-700 underline dark:text-red-300"
        aria-label={`Remove ${account.accountId}`}
      >
        Remove
      </button>
      <ActionError error={saveError ?? remove.error} block />
    </div>
  );
}
