"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import type { ReactNode } from "react";
import { ZAccountDetail, type TAccountDetail } from "@/lib/api/accounts";
import { fetchJson } from "@/lib/api/fetch-json";
import { AccountCosts } from "./account-costs";
import { AccountFindings } from "./account-findings";
import { AccountPlacements, AccountTrails } from "./account-history";
import { AccountIamUsers } from "./account-iam";
import { AccountRoles } from "./account-roles";
import { AccountSecurityHub } from "./account-security-hub";
import { AccountTagPolicy } from "./account-tag-policy";
import { formatDate, formatDateTime } from "./format";
import { Badge, Section } from "./section";

const AUDIT_TONE: Record<string, "good" | "bad" | "warn" | "neutral"> = {
  audited: "good",
  failed: "bad",
  skipped: "warn",
};

/** The account page: the server renders it with the data, React Query keeps it fresh through the same API. */
export function AccountDetail({ initial, asOf }: { initial: TAccountDetail; asOf: string }) {
  const q = useQuery({
    queryKey: ["account", initial.id],
    queryFn: () => fetchJson(`/api/v1/accounts/${initial.id}`, ZAccountDetail),
    initialData: initial,
  });
  const a = q.data;
  const tags = Object.entries(a.tags).sort(([x], [y]) => x.localeCompare(y));
  return (
    <div className="space-y-6">
      <header className="space-y-1">
        <nav aria-label="OU path" className="text-xs text-slate-600 dark:text-slate-400">
          <ol className="flex flex-wrap items-center gap-1">
            {a.ouPath.map((ou, i) => (
              <li key={ou.id} className="flex items-center gap-1">
                {i > 0 ? <span aria-hidden>/</span> : null}
                <Link
                  href={`/organization?ou=${encodeURIComponent(ou.id)}`}
                  className="hover:underline"
                >
                  {ou.name}
                </Link>
              </li>
            ))}
          </ol>
        </nav>
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="text-2xl font-semibold tracking-tight">{a.name}</h1>
          <span
            className="tabular text-sm text-slate-500 dark:text-slate-400"
            data-testid="account-id"
          >
            {a.id}
          </span>
          <Badge tone={a.status === "ACTIVE" ? "good" : "warn"}>{a.status.toLowerCase()}</Badge>
          {a.isManagement ? <Badge tone="neutral">management account</Badge> : null}
        </div>
        {a.removedAt ? (
          <p className="text-sm text-amber-800 dark:text-amber-300">
            Left the organization on {formatDate(a.removedAt)}; kept for history.
          </p>
        ) : null}
      </header>

      <div className="grid gap-4 lg:grid-cols-3">
        <Section id="facts-title" title="Account">
          <dl
            className="grid grid-cols-[7rem_1fr] gap-x-3 gap-y-1.5 text-sm"
            data-testid="account-facts"
          >
            <Fact label="Email">{a.email}</Fact>
            <Fact label="Environment">{a.environment ?? <Missing />}</Fact>
            <Fact label="Cost center">{a.costCenter ?? <Missing />}</Fact>
            <Fact label="Joined">
              {formatDate(a.joinedAt)} ({a.joinedMethod === "CREATED" ? "created" : "invited"})
            </Fact>
            <Fact label="Audit">
              <Badge tone={AUDIT_TONE[a.audit.status] ?? "neutral"}>{a.audit.status}</Badge>
              {a.audit.at ? (
                <span className="ml-1 text-xs text-slate-600 dark:text-slate-400">
                  {formatDateTime(a.audit.at)}
                </span>
              ) : null}
              {a.audit.error ? (
                <p className="mt-1 text-xs text-red-700 dark:text-red-300">{a.audit.error}</p>
              ) : null}
            </Fact>
          </dl>
        </Section>
        <Section id="tags-title" title="Tags" count={tags.length}>
          {tags.length ? (
            <ul className="flex flex-wrap gap-1.5" data-testid="account-tags">
              {tags.map(([k, v]) => (
                <li
                  key={k}
                  className="rounded-md border border-slate-200 px-2 py-0.5 text-xs dark:border-slate-700"
                >
                  <span className="text-slate-600 dark:text-slate-400">{k}</span> ={" "}
                  {v || <em>empty</em>}
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-sm text-slate-500 dark:text-slate-400">No tags.</p>
          )}
        </Section>
        <AccountPlacements placements={a.placements} />
      </div>

      <AccountCosts accountId={a.id} />
      <AccountFindings findings={a.findings} asOf={asOf} />
      <AccountSecurityHub hub={a.securityHub} />
      <AccountTagPolicy accountId={a.id} />
      <AccountIamUsers users={a.iamUsers} asOf={asOf} />
      <AccountRoles roles={a.roles} />
      <AccountTrails trails={a.trails} />
    </div>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt className="text-slate-600 dark:text-slate-400">{label}</dt>
      <dd className="min-w-0 break-words">{children}</dd>
    </>
  );
}

function Missing() {
  return <span className="text-amber-700 dark:text-amber-300">not set</span>;
}
