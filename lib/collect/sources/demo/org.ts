// The OU tree, following AWS's recommended multi-account layout: foundational OUs (Security,
// Infrastructure), Workloads split into Prod and SDLC, plus Sandbox, Suspended and Policy
// Staging. Large orgs get a business-unit level under Prod and SDLC so the tree looks like
// a real enterprise's rather than two OUs holding thousands of accounts.
import { hash32 } from "./rng";
import { ACCOUNTS, ORG_ID, OU_IDS, ROOT_ID } from "./ids";
import type { OrgUnitInput, OrganizationInput } from "./types";

export interface BusinessUnit {
  slug: string;
  costCenter: string;
  /** Consumer-facing traffic peaks in Nov/Dec. */
  retail: boolean;
  /** Relative number of workloads when apps are handed out. */
  weight: number;
  /** Scales the spend of the unit's prod accounts. */
  scale: number;
}

// The first four host the planted violations (fixed accounts) and are always present.
export const BUSINESS_UNITS: readonly BusinessUnit[] = [
  { slug: "payments", costCenter: "CC-1001", retail: true, weight: 1.6, scale: 1.6 },
  { slug: "identity-platform", costCenter: "CC-1002", retail: false, weight: 1.0, scale: 0.8 },
  { slug: "data", costCenter: "CC-1003", retail: false, weight: 1.4, scale: 1.5 },
  { slug: "mobile", costCenter: "CC-1004", retail: true, weight: 1.2, scale: 1.0 },
  { slug: "checkout", costCenter: "CC-1005", retail: true, weight: 1.2, scale: 1.3 },
  { slug: "search", costCenter: "CC-1006", retail: true, weight: 0.8, scale: 1.2 },
  { slug: "logistics", costCenter: "CC-1007", retail: true, weight: 1.0, scale: 0.9 },
  { slug: "marketing", costCenter: "CC-1008", retail: true, weight: 0.7, scale: 0.6 },
  { slug: "analytics", costCenter: "CC-1009", retail: false, weight: 1.0, scale: 1.1 },
  { slug: "catalog", costCenter: "CC-1010", retail: true, weight: 0.9, scale: 0.9 },
  { slug: "notifications", costCenter: "CC-1011", retail: true, weight: 0.6, scale: 0.5 },
  { slug: "fraud", costCenter: "CC-1012", retail: false, weight: 0.7, scale: 1.0 },
  { slug: "customer-support", costCenter: "CC-1013", retail: false, weight: 0.6, scale: 0.5 },
  { slug: "billing", costCenter: "CC-1014", retail: false, weight: 0.8, scale: 0.8 },
  { slug: "growth", costCenter: "CC-1015", retail: true, weight: 0.7, scale: 0.7 },
  { slug: "platform-api", costCenter: "CC-1016", retail: false, weight: 1.0, scale: 1.0 },
];

export const PLATFORM_COST_CENTER = "CC-1000";
export const SECURITY_COST_CENTER = "CC-1090";
export const SANDBOX_COST_CENTER = "CC-1099";

/** From this many accounts on, Prod and SDLC get one child OU per business unit. */
export const BU_OU_MIN_ACCOUNTS = 150;

export const ORGANIZATION: OrganizationInput = {
  id: ORG_ID,
  arn: `arn:aws:organizations::${ACCOUNTS.management}:organization/${ORG_ID}`,
  managementAccountId: ACCOUNTS.management,
  featureSet: "ALL",
};

export type Tier = "prod" | "sdlc";

export interface OrgLayout {
  orgUnits: OrgUnitInput[];
  /** The OU a workload account of this business unit and tier lives in. */
  workloadParent(bu: string, tier: Tier): string;
  /** The top-level OUs (children of the root). */
  topLevel: string[];
}

function businessUnitOuId(tier: Tier, bu: string): string {
  const a = hash32(`ou:${tier}/${bu}`).toString(36);
  const b = hash32(`ou:${bu}/${tier}`).toString(36);
  return `ou-k3x9-${`${a}${b}`.padStart(8, "0").slice(-8)}`;
}

export function buildOrgLayout(
  businessUnits: readonly BusinessUnit[],
  withBuOus: boolean,
): OrgLayout {
  const orgUnits: OrgUnitInput[] = [
    { id: ROOT_ID, parentId: null, name: "Root", tags: {} },
    {
      id: OU_IDS.security,
      parentId: ROOT_ID,
      name: "Security",
      tags: { "cost-center": SECURITY_COST_CENTER },
    },
    { id: OU_IDS.infrastructure, parentId: ROOT_ID, name: "Infrastructure", tags: {} },
    { id: OU_IDS.workloads, parentId: ROOT_ID, name: "Workloads", tags: {} },
    { id: OU_IDS.prod, parentId: OU_IDS.workloads, name: "Prod", tags: { environment: "prod" } },
    { id: OU_IDS.sdlc, parentId: OU_IDS.workloads, name: "SDLC", tags: {} },
    { id: OU_IDS.sandbox, parentId: ROOT_ID, name: "Sandbox", tags: { environment: "sandbox" } },
    { id: OU_IDS.suspended, parentId: ROOT_ID, name: "Suspended", tags: {} },
    { id: OU_IDS.policyStaging, parentId: ROOT_ID, name: "Policy Staging", tags: {} },
  ];
  const buParents = new Map<string, string>();
  if (withBuOus) {
    for (const tier of ["prod", "sdlc"] as const) {
      for (const bu of businessUnits) {
        const id = businessUnitOuId(tier, bu.slug);
        const parentId = tier === "prod" ? OU_IDS.prod : OU_IDS.sdlc;
        orgUnits.push({ id, parentId, name: bu.slug, tags: { "cost-center": bu.costCenter } });
        buParents.set(`${tier}/${bu.slug}`, id);
      }
    }
  }
  return {
    orgUnits,
    workloadParent(bu, tier) {
      return buParents.get(`${tier}/${bu}`) ?? (tier === "prod" ? OU_IDS.prod : OU_IDS.sdlc);
    },
    topLevel: orgUnits.filter((ou) => ou.parentId === ROOT_ID).map((ou) => ou.id),
  };
}
