import { COMPLIANCE_SCORE_DEFINITION } from "@/lib/domain/org/score";

/** What each column means, one click away: leadership reads these numbers in meetings. */
export function TreeLegend() {
  return (
    <details className="rounded-lg border border-slate-200 bg-white px-3 py-2 text-xs text-slate-700 dark:border-slate-800 dark:bg-slate-900 dark:text-slate-300">
      <summary className="cursor-pointer font-medium">How these numbers are computed</summary>
      <dl className="mt-2 grid gap-x-4 gap-y-1 sm:grid-cols-[8rem_1fr]">
        <dt className="font-medium">Spend</dt>
        <dd>
          Unblended cost over the chosen months of the accounts now under each OU (an account that
          moved counts where it is today).
        </dd>
        <dt className="font-medium">Accounts</dt>
        <dd>Accounts in the organization anywhere under the OU.</dd>
        <dt className="font-medium">Open findings</dt>
        <dd>
          Open findings of the OU and everything under it: C critical, H high, M medium, L low.
          Muted findings are left out until their mute expires.
        </dd>
        <dt className="font-medium">Compliance</dt>
        <dd>{COMPLIANCE_SCORE_DEFINITION}</dd>
        <dt className="font-medium">SCPs</dt>
        <dd>
          Service control policies attached to the node · inherited from its ancestors (in force
          here too). Focus an OU to see their names.
        </dd>
      </dl>
    </details>
  );
}
