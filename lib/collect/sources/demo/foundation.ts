// The accounts every demo org has, whatever its size: the landing-zone foundation, one legacy
// account left at the root, a policy-staging canary and three retired accounts.
import { OU_IDS, ROOT_ID } from "./ids";
import { PLATFORM_COST_CENTER, SECURITY_COST_CENTER } from "./org";
import type { Env, Role } from "./spec";

export interface FoundationDef {
  name: string;
  role: Role;
  env: Env;
  parentId: string;
  ageDays: number;
  invited: boolean;
  team: string;
  project: string;
  costCenter: string;
  /** USD per month at `now`; shared accounts grow with the org they serve. */
  size: number;
}

// prettier-ignore
type Row = [string, Role, Env, string, number, boolean, string, string, string, (count: number) => number];

// The management account joined when the organization was created, so AWS reports it as INVITED.
// prettier-ignore
const FOUNDATION: readonly Row[] = [
  // name                    role                env       parent                  age   invited team                    project              cost center            size
  ["acme-management",        "management",       "shared", ROOT_ID,                2230, true,  "cloud-platform",       "landing-zone",      PLATFORM_COST_CENTER, () => 5200],
  ["log-archive",            "log-archive",      "shared", OU_IDS.security,        2214, false, "security-engineering", "security-baseline", SECURITY_COST_CENTER, (n) => 3000 + 4 * n],
  ["security-tooling",       "security-tooling", "shared", OU_IDS.security,        2214, false, "security-engineering", "security-baseline", SECURITY_COST_CENTER, (n) => 2200 + 5 * n],
  ["identity",               "identity",         "shared", OU_IDS.security,        1390, false, "identity-engineering", "identity-center",   SECURITY_COST_CENTER, (n) => 160 + n / 20],
  ["shared-network",         "shared-network",   "shared", OU_IDS.infrastructure,  2160, false, "network-engineering",  "network-hub",       PLATFORM_COST_CENTER, (n) => 11000 + 18 * n],
  ["shared-services",        "shared-services",  "shared", OU_IDS.infrastructure,  2105, false, "cloud-platform",       "shared-tooling",    PLATFORM_COST_CENTER, (n) => 8000 + 6 * n],
  ["legacy-analytics",       "legacy",           "prod",   ROOT_ID,                1905, true,  "bi-team",              "legacy-analytics",  PLATFORM_COST_CENTER, () => 1800],
  ["policy-staging-canary",  "policy-staging",   "test",   OU_IDS.policyStaging,   880,  false, "cloud-platform",       "scp-testing",       PLATFORM_COST_CENTER, () => 25],
];

export function foundationAccounts(count: number): FoundationDef[] {
  return FOUNDATION.map(
    ([name, role, env, parentId, ageDays, invited, team, project, costCenter, size]) => ({
      name,
      role,
      env,
      parentId,
      ageDays,
      invited,
      team,
      project,
      costCenter,
      size: size(count),
    }),
  );
}

export interface RetiredDef {
  name: string;
  bu: string;
  env: Env;
  ageDays: number;
  suspendedDaysAgo: number;
  /** Left in its workload OU instead of being moved to Suspended (ORG_ACCOUNT_OUTSIDE). */
  leftBehind: boolean;
}

export const RETIRED_ACCOUNTS: readonly RetiredDef[] = [
  {
    name: "checkout-legacy-prod",
    bu: "checkout",
    env: "prod",
    ageDays: 1700,
    suspendedDaysAgo: 300,
    leftBehind: false,
  },
  {
    name: "marketing-archive-test",
    bu: "marketing",
    env: "test",
    ageDays: 1300,
    suspendedDaysAgo: 150,
    leftBehind: false,
  },
  {
    name: "mobile-legacy-dev",
    bu: "mobile",
    env: "dev",
    ageDays: 1500,
    suspendedDaysAgo: 100,
    leftBehind: true,
  },
];
