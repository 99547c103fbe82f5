import Link from "next/link";
import { Card, Skeleton } from "@/components/ui/card";
import type { TSecurityHubRollup } from "@/lib/api/security-hub";
import { standardLabel } from "@/lib/domain/security-hub/standard-label";

/** Security Hub across the accounts the caller may see. */
export function SecurityHubCard({
  hub,
  accountsTotal,
}: {
  hub: TSecurityHubRollup | undefined;
  accountsTotal: number | undefined;
}) {
  return (
    <Card title="Security Hub: active findings">
      {!hub ? (
        <Skeleton className="h-24 w-full" />
      ) : hub.accounts === 0 ? (
        <p className="py-6 text-center text-sm text-slate-500 dark:text-slate-400">
          No Security Hub status collected yet. Run a collection to load it.
        </p>
      ) : (
        <div className="space-y-3 text-sm" data-testid="overview-security-hub">
          <dl className="grid grid-cols-3 gap-3">
            {(["critical", "high", "medium"] as const).map((s) => (
              <div key={s}>
                <dt className="capitalize text-slate-600 dark:text-slate-400">{s}</dt>
                <dd className="tabular text-2xl font-semibold" data-testid={`overview-hub-${s}`}>
                  {hub[s].toLocaleString("en-US")}
                </dd>
              </div>
            ))}
          </dl>
          <p className="text-slate-600 dark:text-slate-400">
            Enabled in <span data-testid="overview-hub-enabled">{hub.enabledAccounts}</span> of{" "}
            {accountsTotal ?? hub.accounts} accounts.{" "}
            <Link href="/organization" className="underline">
              By OU
            </Link>
          </p>
          {hub.standards.length ? (
            <ul
              className="space-y-0.5 text-xs text-slate-600 dark:text-slate-400"
              aria-label="Enabled standards"
            >
              {hub.standards.map((s) => (
                <li key={s.arn}>
                  {standardLabel(s.arn)}: {s.accounts} accounts
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      )}
    </Card>
  );
}
