"use client";

import type { ColumnDef } from "@tanstack/react-table";
import { DataTable } from "@/components/tables/data-table";
import type { TAccountDetail, TTrustedPrincipal } from "@/lib/api/accounts";
import { Badge, Empty, Section } from "./section";

type Role = TAccountDetail["roles"][number];

// Not sortable: outside trust first, then by name, is the order that matters.
const COLUMNS: ColumnDef<Role>[] = [
  {
    id: "role",
    header: "Role",
    meta: { cellClassName: "font-medium" },
    cell: ({ row: { original: r } }) => (
      <>
        <span className="break-all">{r.roleName}</span>
        {r.outsideTrust ? (
          <div className="mt-0.5">
            {/* A vendor role behind sts:ExternalId is the expected pattern; an unguarded one is a door. */}
            {r.trusts.every((t) => t.guarded || !isOutside(t)) ? (
              <Badge tone="warn">Trusted outside the organization, with a condition</Badge>
            ) : (
              <Badge tone="bad">Trusted outside the organization</Badge>
            )}
          </div>
        ) : null}
      </>
    ),
  },
  {
    id: "trusts",
    header: "Trusted principals",
    meta: { cellClassName: "" },
    cell: ({ row: { original: r } }) =>
      r.trusts.length ? (
        <ul className="flex flex-wrap gap-1">
          {r.trusts.map((t, i) => (
            <li key={`${t.kind}-${t.principal}-${i}`}>
              <TrustChip trust={t} />
            </li>
          ))}
        </ul>
      ) : (
        <span className="text-slate-500 dark:text-slate-400">
          No one (no Allow statement for sts:AssumeRole)
        </span>
      ),
  },
];

/** Roles and who may assume them; trust reaching outside the organization is listed first and flagged. */
export function AccountRoles({ roles }: { roles: readonly Role[] }) {
  const sorted = [...roles].sort(
    (a, b) =>
      Number(b.outsideTrust) - Number(a.outsideTrust) || a.roleName.localeCompare(b.roleName),
  );
  const outside = roles.filter((r) => r.outsideTrust).length;
  return (
    <Section
      id="roles-title"
      title="Roles and trust relationships"
      count={roles.length}
      note={
        outside
          ? `${outside} trusted from outside the organization`
          : "No role is trusted from outside the organization"
      }
    >
      {roles.length === 0 ? (
        <Empty>No IAM roles recorded (the account has not been audited yet).</Empty>
      ) : (
        <DataTable
          data={sorted}
          columns={COLUMNS}
          caption="Roles and trusted principals"
          getRowId={(r) => r.roleName}
          rowIdAttribute="data-role-name"
          rowAttributes={(r) => ({ "data-outside-trust": r.outsideTrust ? "true" : undefined })}
          pageSize={50}
          align="top"
          testId="account-roles"
        />
      )}
    </Section>
  );
}

function isOutside(t: TTrustedPrincipal): boolean {
  return t.kind === "anyone" || (t.kind === "aws" && t.relation !== "self" && t.relation !== "org");
}

function TrustChip({ trust }: { trust: TTrustedPrincipal }) {
  const { text, tone } = describe(trust);
  const style =
    tone !== "bad"
      ? "border-slate-200 text-slate-700 dark:border-slate-700 dark:text-slate-300"
      : trust.guarded
        ? "border-amber-300 bg-amber-50 text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-200"
        : "border-red-300 bg-red-50 text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-200";
  return (
    <span
      className={`inline-block rounded-md border px-1.5 py-0.5 text-xs ${style}`}
      title={trust.principal}
    >
      {text}
      {trust.guarded ? (
        <span className="ml-1 opacity-75">(with ExternalId / org condition)</span>
      ) : null}
    </span>
  );
}

function describe(t: TTrustedPrincipal): { text: string; tone: "bad" | "plain" } {
  if (t.kind === "anyone") return { text: "Anyone (*)", tone: "bad" };
  if (t.kind === "service") return { text: t.principal, tone: "plain" };
  if (t.kind === "federated")
    return {
      text: `Identity provider ${t.principal.split("/").pop() ?? t.principal}`,
      tone: "plain",
    };
  const who = t.principal.replace(/^arn:aws[a-z-]*:(iam|sts)::\d{12}:/, "");
  const account = t.accountName
    ? `${t.accountName} (${t.accountId})`
    : (t.accountId ?? t.principal);
  switch (t.relation) {
    case "self":
      return { text: `This account: ${who}`, tone: "plain" };
    case "org":
      return { text: `${account}: ${who}`, tone: "plain" };
    case "known":
      return { text: `${account}: ${who}, outside the organization (inventory)`, tone: "bad" };
    case "outside":
      return { text: `${account}: ${who}, outside the organization`, tone: "bad" };
    default:
      return { text: `${t.principal} (unknown principal)`, tone: "bad" };
  }
}
