"use client";

import type { ColumnDef } from "@tanstack/react-table";
import type { ReactNode } from "react";
import { DataTable } from "@/components/tables/data-table";
import type { TAccountDetail } from "@/lib/api/accounts";
import { daysSince, formatAge, formatDate } from "./format";
import { Badge, Empty, Section } from "./section";

type User = TAccountDetail["iamUsers"][number];
type Key = User["accessKeys"][number];

/** Access keys older than this read as overdue for rotation (the common 90-day policy). */
const ROTATE_DAYS = 90;

/** One line per access key, so a user's keys line up across the key columns. */
function perKey(u: User, render: (k: Key) => ReactNode, none: ReactNode = null): ReactNode {
  if (!u.accessKeys.length) return none;
  return (
    <ul className="space-y-1">
      {u.accessKeys.map((k) => (
        <li key={k.slot}>{render(k)}</li>
      ))}
    </ul>
  );
}

function columns(asOf: string): ColumnDef<User>[] {
  return [
    {
      id: "user",
      header: "User",
      enableSorting: false,
      cell: ({ row: { original: u } }) => (
        <div className="font-medium">
          {u.userName}
          <p className="text-xs font-normal text-slate-500 dark:text-slate-400">
            created {formatDate(u.createdAt)}
          </p>
        </div>
      ),
    },
    {
      id: "console",
      header: "Console",
      enableSorting: false,
      cell: ({ row: { original: u } }) =>
        u.passwordEnabled ? (
          <>
            Password, last used {formatAge(u.passwordLastUsed, asOf, "never")}
            <div className="mt-0.5">
              {u.mfaActive ? <Badge tone="good">MFA</Badge> : <Badge tone="bad">No MFA</Badge>}
            </div>
          </>
        ) : (
          <span className="text-slate-500 dark:text-slate-400">No password</span>
        ),
    },
    {
      id: "key",
      header: "Access key",
      enableSorting: false,
      cell: ({ row: { original: u } }) =>
        perKey(
          u,
          (k) => <span className="font-mono text-xs">{k.keyId ?? `key ${k.slot}`}</span>,
          <span className="text-slate-500 dark:text-slate-400">No access keys</span>,
        ),
    },
    {
      id: "age",
      header: "Age",
      enableSorting: false,
      cell: ({ row: { original: u } }) =>
        perKey(u, (k) =>
          k.lastRotated ? (
            <span
              className={
                k.active && daysSince(k.lastRotated, asOf) > ROTATE_DAYS
                  ? "font-medium text-red-700 dark:text-red-300"
                  : ""
              }
            >
              {daysSince(k.lastRotated, asOf).toLocaleString("en-US")} days
            </span>
          ) : (
            "—"
          ),
        ),
    },
    {
      id: "lastUsed",
      header: "Last used",
      enableSorting: false,
      cell: ({ row: { original: u } }) => perKey(u, (k) => formatAge(k.lastUsed, asOf, "never")),
    },
    {
      id: "state",
      header: "State",
      enableSorting: false,
      cell: ({ row: { original: u } }) =>
        perKey(u, (k) =>
          k.active ? <Badge tone="warn">Active</Badge> : <Badge tone="neutral">Inactive</Badge>,
        ),
    },
  ];
}

/** IAM users (long-term credentials the playbook wants gone from member accounts) and their access keys. */
export function AccountIamUsers({ users, asOf }: { users: readonly User[]; asOf: string }) {
  return (
    <Section id="iam-title" title="IAM users and access keys" count={users.length}>
      {users.length === 0 ? (
        <Empty>No IAM users: people sign in through the identity center.</Empty>
      ) : (
        <DataTable
          testId="account-iam-users"
          caption="IAM users"
          data={[...users]}
          columns={columns(asOf)}
          getRowId={(u) => u.userName}
          align="top"
        />
      )}
    </Section>
  );
}
