import type { TAccountDetail } from "@/lib/api/accounts";
import { formatDate } from "./format";
import { Badge, Empty, Section, tableClass, tdClass, thClass } from "./section";

type Finding = TAccountDetail["findings"][number];

const SEVERITY_TONE: Record<string, "bad" | "warn" | "neutral"> = { critical: "bad", high: "bad", medium: "warn" };

/** Open findings first (most severe first), then resolved ones. */
export function AccountFindings({ findings, asOf }: { findings: readonly Finding[]; asOf: string }) {
  const open = findings.filter((f) => f.status === "open");
  return (
    <Section id="findings-title" title="Findings" count={open.length} note={`${open.length} open, ${findings.length - open.length} resolved`}>
      {findings.length === 0 ? (
        <Empty>No findings for this account. Checks run with every collection.</Empty>
      ) : (
        <div className="overflow-x-auto" tabIndex={0} role="region" aria-label="Findings table">
          <table className={tableClass} data-testid="account-findings">
            <thead>
              <tr>
                <th scope="col" className={thClass}>Severity</th>
                <th scope="col" className={thClass}>Finding</th>
                <th scope="col" className={thClass}>Status</th>
                <th scope="col" className={thClass}>First seen</th>
              </tr>
            </thead>
            <tbody>
              {findings.map((f) => {
                const muted = f.mutedUntil !== null && f.mutedUntil > asOf;
                return (
                  <tr key={f.id} className={f.status === "open" ? "" : "text-slate-500 dark:text-slate-400"}>
                    <td className={tdClass}>
                      <Badge tone={f.status === "open" ? (SEVERITY_TONE[f.severity] ?? "neutral") : "neutral"}>{f.severity}</Badge>
                    </td>
                    <td className={tdClass}>
                      <p>{f.title}</p>
                      <p className="text-xs text-slate-500 dark:text-slate-400">
                        {f.checkId} · {f.category}
                      </p>
                    </td>
                    <td className={`${tdClass} whitespace-nowrap`}>
                      {f.status === "open" ? "Open" : `Resolved ${formatDate(f.resolvedAt, "")}`}
                      {muted ? <p className="text-xs text-slate-500 dark:text-slate-400" title={f.muteReason ?? undefined}>Muted until {formatDate(f.mutedUntil)}</p> : null}
                      {f.stale ? <p className="text-xs text-amber-700 dark:text-amber-300">Last known (account not audited)</p> : null}
                    </td>
                    <td className={`${tdClass} whitespace-nowrap`}>{formatDate(f.firstSeenAt)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </Section>
  );
}
