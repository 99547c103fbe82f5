"use client";

import Link from "next/link";
import { ORG_ACCOUNT_UNREQUESTED } from "@/lib/domain/checks/org-account-unrequested";
import { SECURITYHUB_COVERAGE } from "@/lib/domain/checks/securityhub-coverage";
import { useQuery } from "@tanstack/react-query";
import { Card, ErrorState, Skeleton } from "@/components/ui/card";
import { ApiError, fetchJson } from "@/lib/api/fetch-json";
import { ZFindingDetail } from "@/lib/api/findings";
import { CATEGORY_LABEL, formatDateTime, SeverityBadge, StatusBadges } from "./badges";
import { EvidenceView } from "./evidence-view";
import { FindingHistory } from "./finding-history";
import { MutePanel } from "./mute-panel";
import { OwnerCell } from "./owner-cell";
import { UnrequestedAccountPanel } from "./unrequested-account-panel";

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <dt className="text-xs font-medium text-slate-600 dark:text-slate-400">{label}</dt>
      <dd className="mt-0.5 text-sm">{children}</dd>
    </div>
  );
}

const LINK = "text-indigo-700 hover:underline dark:text-indigo-300";

export function FindingDetail({ id }: { id: string }) {
  const q = useQuery({
    queryKey: ["finding", id],
    queryFn: () => fetchJson(`/api/v1/findings/${id}`, ZFindingDetail),
  });
  const f = q.data;

  return (
    <div className="space-y-5">
      <Link href="/findings" className={`text-sm ${LINK}`}>
        ← All findings
      </Link>
      {q.isError ? (
        <ErrorState
          message={
            q.error instanceof ApiError && q.error.status === 404
              ? "This finding does not exist or is outside your scope."
              : `Could not load the finding: ${q.error.message}`
          }
        />
      ) : null}
      {!f && !q.isError ? <Skeleton className="h-40 w-full" /> : null}
      {f ? (
        <>
          <header className="space-y-2">
            <div className="flex flex-wrap items-center gap-2">
              <SeverityBadge severity={f.severity} />
              <StatusBadges
                status={f.status}
                stale={f.stale}
                mutedUntil={f.mutedUntil}
                excepted={f.exception !== null}
              />
              <span className="text-xs text-slate-600 dark:text-slate-400">
                {CATEGORY_LABEL[f.category] ?? f.category}
              </span>
            </div>
            <h1 className="text-2xl font-semibold tracking-tight">{f.title}</h1>
            <p className="text-slate-700 dark:text-slate-300">{f.message}</p>
          </header>
          <div className="grid gap-5 lg:grid-cols-3">
            <div className="space-y-5 lg:col-span-2">
              <Card title="How to fix it">
                <p className="whitespace-pre-line text-sm" data-testid="remediation">
                  {f.remediation ??
                    "This check is no longer defined; no remediation text is available."}
                </p>
              </Card>
              <Card title="Evidence">
                <EvidenceView evidence={f.evidence} />
              </Card>
              <Card title="History">
                <FindingHistory events={f.events} />
              </Card>
            </div>
            <div className="space-y-5">
              <Card title="Details">
                <dl className="space-y-3">
                  <Fact label="Check">
                    <Link
                      href={`/findings?check=${encodeURIComponent(f.checkId)}`}
                      className={LINK}
                    >
                      {f.checkTitle}
                    </Link>
                    <span className="block font-mono text-xs text-slate-500 dark:text-slate-400">
                      {f.checkId}
                    </span>
                  </Fact>
                  <Fact label="Account">
                    {f.accountId ? (
                      <Link href={`/accounts/${f.accountId}`} className={LINK}>
                        {f.accountName ?? f.accountId}{" "}
                        <span className="tabular">({f.accountId})</span>
                      </Link>
                    ) : (
                      "— (organization or OU level)"
                    )}
                  </Fact>
                  {f.checkId === SECURITYHUB_COVERAGE && f.accountId ? (
                    <Fact label="Security Hub">
                      <Link href={`/accounts/${f.accountId}#security-hub`} className={LINK}>
                        Findings and standards of this account
                      </Link>
                      {f.ouId ? (
                        <>
                          {" · "}
                          <Link
                            href={`/organization?ou=${encodeURIComponent(f.ouId)}`}
                            className={LINK}
                          >
                            of its OU
                          </Link>
                        </>
                      ) : null}
                    </Fact>
                  ) : null}
                  <Fact label="OU">
                    {f.ouId ? (
                      <Link
                        href={`/findings?ou=${encodeURIComponent(f.ouId)}`}
                        className={LINK}
                        title="Findings in this OU"
                      >
                        {f.ouPath ?? f.ouName ?? f.ouId}
                      </Link>
                    ) : (
                      "—"
                    )}
                  </Fact>
                  {f.resource ? (
                    <Fact label="Resource">
                      <span className="break-all font-mono text-xs">{f.resource}</span>
                    </Fact>
                  ) : null}
                  <Fact label="Owner">
                    <OwnerCell row={f} />
                  </Fact>
                  <Fact label="First seen">{formatDateTime(f.firstSeenAt)}</Fact>
                  <Fact label="Last seen">{formatDateTime(f.lastSeenAt)}</Fact>
                  {f.resolvedAt ? (
                    <Fact label="Resolved">{formatDateTime(f.resolvedAt)}</Fact>
                  ) : null}
                  {f.reopenedCount > 0 ? (
                    <Fact label="Reopened">{f.reopenedCount} times</Fact>
                  ) : null}
                </dl>
              </Card>
              {f.exception ? (
                <Card title="Excepted">
                  <p className="text-sm" data-testid="finding-exception">
                    Excepted by the rule{" "}
                    <Link href="/settings/exceptions" className="font-medium underline">
                      {f.exception.name}
                    </Link>
                    : “{f.exception.reason}”. It is listed but not counted or alerted.
                  </p>
                </Card>
              ) : null}
              {f.checkId === ORG_ACCOUNT_UNREQUESTED && f.accountId ? (
                <Card title="Account request">
                  <UnrequestedAccountPanel finding={f} />
                </Card>
              ) : null}
              <Card title={f.mutedUntil ? "Muted" : "Mute"}>
                <MutePanel finding={f} />
              </Card>
            </div>
          </div>
        </>
      ) : null}
    </div>
  );
}
