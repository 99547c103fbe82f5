"use client";

import { ActionError } from "@/components/ui/action-error";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { z } from "zod";
import type { ColumnDef } from "@tanstack/react-table";
import type { UseMutationResult } from "@tanstack/react-query";
import { DataTable } from "@/components/tables/data-table";
import { Card, ErrorState, Skeleton } from "@/components/ui/card";
import { fetchJson, postJson } from "@/lib/api/fetch-json";
import { ZRoleBinding, ZRoleBindingList } from "@/lib/api/settings";
import { ROLES } from "@/lib/domain/access";

const input =
  "rounded-md border border-slate-300 bg-white px-2 py-1.5 dark:border-slate-700 dark:bg-slate-950";

type Binding = z.infer<typeof ZRoleBinding>;
type Remove = UseMutationResult<{ deleted: boolean }, Error, string>;

function bindingColumns(pathOf: ReadonlyMap<string, string>, remove: Remove): ColumnDef<Binding>[] {
  return [
    {
      id: "group",
      header: "Group",
      enableSorting: false,
      cell: ({ row }) => <span className="font-medium">{row.original.group}</span>,
    },
    { id: "role", header: "Role", enableSorting: false, cell: ({ row }) => row.original.role },
    {
      id: "scope",
      header: "Scope",
      enableSorting: false,
      cell: ({ row: { original: b } }) =>
        b.ouIds.length
          ? b.ouIds.map((id) => pathOf.get(id) ?? id).join(", ")
          : "Whole organization",
    },
    {
      id: "actions",
      header: () => <span className="sr-only">Actions</span>,
      enableSorting: false,
      meta: { align: "right" },
      cell: ({ row: { original: b } }) => (
        <>
          <button
            type="button"
            onClick={() => remove.mutate(b.id)}
            disabled={remove.isPending}
            className="text-red-700 underline dark:text-red-300"
            aria-label={`Remove mapping for ${b.group}`}
          >
            Remove
          </button>
          {remove.variables === b.id ? <ActionError error={remove.error} className="ml-2" /> : null}
        </>
      ),
    },
  ];
}

export function RoleBindingsPanel({ ous }: { ous: { id: string; path: string }[] }) {
  const qc = useQueryClient();
  const list = useQuery({
    queryKey: ["role-bindings"],
    queryFn: () => fetchJson("/api/settings/role-bindings", ZRoleBindingList),
  });
  const [group, setGroup] = useState("");
  const [role, setRole] = useState<(typeof ROLES)[number]>("viewer");
  const [ouIds, setOuIds] = useState<string[]>([]);
  const pathOf = new Map(ous.map((o) => [o.id, o.path]));
  const save = useMutation({
    mutationFn: () => postJson("/api/settings/role-bindings", ZRoleBinding, { group, role, ouIds }),
    onSuccess: () => {
      setGroup("");
      setOuIds([]);
      void qc.invalidateQueries({ queryKey: ["role-bindings"] });
    },
  });
  const remove = useMutation({
    mutationFn: (id: string) =>
      fetchJson(`/api/settings/role-bindings/${id}`, z.object({ deleted: z.boolean() }), {
        method: "DELETE",
      }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ["role-bindings"] }),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };

  return (
    <div className="space-y-6">
      <Card title="Map an identity-provider group to a role">
        <p className="mb-3 text-sm text-slate-600 dark:text-slate-400">
          Members of the group get the role at their next request. Pick OUs to limit them to those
          subtrees (a business-unit lead); leave none selected for the whole organization. The
          highest role among a user&apos;s groups wins.
        </p>
        <form onSubmit={submit} className="grid gap-3 md:grid-cols-[1fr_10rem]">
          <label className="text-sm">
            <span className="mb-1 block font-medium">Group (as sent in the groups claim)</span>
            <input
              value={group}
              onChange={(e) => setGroup(e.target.value)}
              required
              className={`w-full ${input}`}
              placeholder="e.g. finops-team"
            />
          </label>
          <label className="text-sm">
            <span className="mb-1 block font-medium">Role</span>
            <select
              value={role}
              onChange={(e) => setRole(z.enum(ROLES).parse(e.target.value))}
              className={`w-full ${input}`}
            >
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {r}
                </option>
              ))}
            </select>
          </label>
          <label className="text-sm md:col-span-2">
            <span className="mb-1 block font-medium">
              OU scope (optional; Ctrl/Cmd-click for several)
            </span>
            <select
              multiple
              value={ouIds}
              onChange={(e) => setOuIds(Array.from(e.target.selectedOptions, (o) => o.value))}
              className={`h-36 w-full ${input}`}
            >
              {ous.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.path}
                </option>
              ))}
            </select>
          </label>
          <div className="md:col-span-2">
            <button
              type="submit"
              disabled={save.isPending}
              className="rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-700 disabled:opacity-60"
            >
              {save.isPending ? "Saving…" : "Save mapping"}
            </button>
            <ActionError error={save.error} className="ml-3" />
          </div>
        </form>
      </Card>

      <Card title="Mappings">
        {list.isError ? (
          <ErrorState message={list.error.message} onRetry={() => void list.refetch()} />
        ) : null}
        {!list.data ? (
          <Skeleton className="h-24 w-full" />
        ) : list.data.bindings.length === 0 ? (
          <p className="text-sm text-slate-600 dark:text-slate-400">
            No mappings yet: only the bootstrap admins (ORGLENS_ADMIN_EMAILS) can sign in.
          </p>
        ) : (
          <DataTable
            caption="Group to role mappings"
            data={list.data.bindings}
            columns={bindingColumns(pathOf, remove)}
            getRowId={(b) => b.id}
          />
        )}
      </Card>
    </div>
  );
}
