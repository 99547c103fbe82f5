"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { z } from "zod";
import { ActionError } from "@/components/ui/action-error";
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
          <table className="w-full text-left text-sm">
            <thead className="text-xs uppercase text-slate-600 dark:text-slate-400">
              <tr>
                <th className="py-2">Account id</th>
                <th>Name</th>
                <th>Owner</th>
                <th>In the organization</th>
                <th>
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.data.accounts.map((a) => (
                <KnownAccountRow key={a.accountId} account={a} onChanged={refresh} />
              ))}
            </tbody>
          </table>
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

function KnownAccountRow({
  account,
  onChanged,
}: {
  account: TKnownAccount;
  onChanged: () => void;
}) {
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(account.name);
  const [owner, setOwner] = useState(account.owner);
  const save = useMutation({
    mutationFn: () =>
      postJson(`/api/v1/known-accounts/${account.accountId}`, ZSaved, { name, owner }, "PUT"),
    onSuccess: () => {
      setEditing(false);
      onChanged();
    },
  });
  const remove = useMutation({
    mutationFn: () =>
      fetchJson(`/api/v1/known-accounts/${account.accountId}`, z.object({ deleted: z.boolean() }), {
        method: "DELETE",
      }),
    onSuccess: onChanged,
  });
  return (
    <tr
      className="border-t border-slate-100 align-top dark:border-slate-800"
      data-testid="known-account-row"
    >
      <td className="tabular py-2 font-medium">{account.accountId}</td>
      <td className="py-2">
        {editing ? (
          <input
            aria-label={`Name of ${account.accountId}`}
            value={name}
            onChange={(e) => setName(e.target.value)}
            className={`w-full ${input}`}
          />
        ) : (
          account.name || "—"
        )}
      </td>
      <td className="py-2">
        {editing ? (
          <input
            aria-label={`Owner of ${account.accountId}`}
            value={owner}
            onChange={(e) => setOwner(e.target.value)}
            className={`w-full ${input}`}
          />
        ) : (
          account.owner || "—"
        )}
      </td>
      <td className="py-2">
        {account.member ? (
          <span>
            Yes, as {account.member.name}
            {account.member.status === "ACTIVE" ? "" : ` (${account.member.status.toLowerCase()})`}
          </span>
        ) : (
          <span className="font-medium text-amber-800 dark:text-amber-300">
            No: outside the organization
          </span>
        )}
      </td>
      <td className="space-x-3 whitespace-nowrap py-2 text-right">
        {editing ? (
          <>
            <button
              type="button"
              onClick={() => save.mutate()}
              disabled={save.isPending}
              className="text-indigo-700 underline dark:text-indigo-300"
            >
              Save
            </button>
            <button type="button" onClick={() => setEditing(false)} className="underline">
              Cancel
            </button>
          </>
        ) : (
          <button
            type="button"
            onClick={() => setEditing(true)}
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
        <ActionError error={fieldError(save.error) ?? remove.error} block />
      </td>
    </tr>
  );
}
