import type { TSecurityHubRollup } from "@/lib/api/security-hub";
import { standardLabel } from "@/lib/domain/security-hub/standard-label";

/** Security Hub over the focused OU's subtree: coverage, active findings and the standards its accounts enable. */
export function OuSecurityHub({
  hub,
  accountCount,
}: {
  hub: TSecurityHubRollup | null;
  accountCount: number;
}) {
  return (
    <div className="mt-4" data-testid="ou-security-hub">
      <h3 className="text-sm font-medium text-slate-700 dark:text-slate-300">Security Hub</h3>
      {!hub ? (
        <p className="mt-1 text-xs text-slate-500 dark:text-slate-400">
          No Security Hub status collected for the accounts here.
        </p>
      ) : (
        <div className="mt-1 space-y-2 text-sm">
          <p>
            Enabled in <span data-testid="ou-hub-enabled">{hub.enabledAccounts}</span> of{" "}
            {accountCount} accounts · active findings:{" "}
            <span
              className="font-medium text-red-700 dark:text-red-300"
              data-testid="ou-hub-critical"
            >
              {hub.critical}
            </span>{" "}
            critical,{" "}
            <span
              className="font-medium text-orange-700 dark:text-orange-300"
              data-testid="ou-hub-high"
            >
              {hub.high}
            </span>{" "}
            high, <span data-testid="ou-hub-medium">{hub.medium}</span> medium
          </p>
          {hub.standards.length ? (
            <ul className="flex flex-wrap gap-1.5" aria-label="Enabled standards">
              {hub.standards.map((s) => (
                <li
                  key={s.arn}
                  title={s.arn}
                  className="rounded-md border border-slate-200 px-2 py-0.5 text-xs dark:border-slate-700"
                >
                  {standardLabel(s.arn)}{" "}
                  <span className="text-slate-500 dark:text-slate-400">
                    · {s.accounts} accounts
                  </span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-xs text-slate-500 dark:text-slate-400">
              No enabled standards known.
            </p>
          )}
        </div>
      )}
    </div>
  );
}
