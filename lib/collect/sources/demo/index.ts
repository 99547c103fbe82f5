// The demo source: a realistic, fully deterministic snapshot of a fictional AWS organization
// ("acme") with deliberate governance violations planted for the checks to find. Same
// (seed, accounts, months, now) → same snapshot; nothing reads the clock except through `now`.
import type { TSnapshotInput } from "@/lib/domain/snapshot";
import { MIN_ACCOUNTS, planAccounts } from "./accounts";
import { generateCommitments } from "./commitments";
import { generateCosts } from "./costs";
import { buildGuardDutyOrganization } from "./baseline";
import { buildAudits, buildBuckets } from "./evidence";
import { buildCreateAccountStatuses, buildPlacements, toAccountInput } from "./history";
import { ORGANIZATION } from "./org";
import { blockedAt, plantCreations } from "./provisioning-history";
import { buildDelegatedAdmins, buildPolicies } from "./policies";
import { iso } from "./time";

export { DEMO_VIOLATIONS, type DemoViolation } from "./violations";
export { MIN_ACCOUNTS } from "./accounts";
export { demoRequestProcess, type DemoRequestProcess } from "./request-process";

export const DEMO_DEFAULT_SEED = 42;
export const DEMO_DEFAULT_ACCOUNTS = 60;

export interface DemoOptions {
  seed?: number;
  /** Total accounts, including the fixed foundation; at least MIN_ACCOUNTS. Default 60. */
  accounts?: number;
  /** Months of cost history ending with the current, open month. Default 14. */
  months?: number;
  now?: Date;
}

/** How a snapshot of the loader's history differs from today's (internal to the demo source). */
export interface DemoHistoryOptions {
  /** The day the demo is loaded: planted account creations are fixed against it. Default: `now`. */
  today?: Date;
  /** Today's run plants one failed member-account audit; history runs audited every account. */
  failedAudit?: boolean;
}

export function generateDemoSnapshot(
  opts: DemoOptions = {},
  history: DemoHistoryOptions = {},
): TSnapshotInput {
  const seed = opts.seed ?? DEMO_DEFAULT_SEED;
  const accountCount = opts.accounts ?? DEMO_DEFAULT_ACCOUNTS;
  const monthCount = opts.months ?? 14;
  const now = (opts.now ?? new Date()).getTime();
  if (!Number.isFinite(seed)) throw new RangeError("seed must be a finite number");
  if (!Number.isInteger(accountCount) || accountCount < MIN_ACCOUNTS) {
    throw new RangeError(
      `accounts must be an integer of at least ${MIN_ACCOUNTS} (the fixed foundation and planted accounts)`,
    );
  }
  if (!Number.isInteger(monthCount) || monthCount < 1)
    throw new RangeError("months must be a positive integer");
  if (!Number.isFinite(now)) throw new RangeError("now must be a valid date");

  const plan = planAccounts(accountCount, seed, now);
  const { specs, planted } = plantCreations(plan.specs, history.today?.getTime() ?? now, now);
  const { costs, current } = generateCosts(specs, seed, now, monthCount);
  const audits = buildAudits(specs, seed, now, current, {
    failedAudit: history.failedAudit ?? true,
  });
  withoutRootMfa(audits, blockedAt(planted, now));
  return {
    source: "demo",
    collectedAt: iso(now),
    organization: { ...ORGANIZATION },
    orgUnits: plan.layout.orgUnits,
    accounts: specs.map(toAccountInput),
    placementHistory: buildPlacements(specs),
    policies: buildPolicies(specs, plan.layout),
    delegatedAdmins: buildDelegatedAdmins(specs),
    createAccountStatuses: buildCreateAccountStatuses(specs, seed, now),
    costs,
    commitments: generateCommitments(specs, costs.monthly, costs.months, now),
    audits,
    buckets: buildBuckets(),
    guardDutyOrganization: buildGuardDutyOrganization(),
  };
}

/** A new account before its baseline ran: the root user has no MFA yet (a high finding). */
function withoutRootMfa(audits: ReturnType<typeof buildAudits>, ids: ReadonlySet<string>): void {
  for (const a of audits)
    if (ids.has(a.accountId) && a.rootUser) a.rootUser = { ...a.rootUser, mfaActive: false };
}
