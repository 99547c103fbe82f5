// Input shapes of the snapshot parts the demo builds (defaults may be omitted, as in z.input).
import type { z } from "zod";
import type {
  ZAccount,
  ZAccountAudit,
  ZAwsBudget,
  ZBucket,
  ZCostByTag,
  ZCostByDimension,
  ZCostCharge,
  ZCosts,
  ZCostDaily,
  ZCostMonthly,
  ZCreateAccountStatus,
  ZDelegatedAdmin,
  ZIamRole,
  ZIamUser,
  ZOrganization,
  ZOrgUnit,
  ZPlacement,
  ZPolicy,
  ZTrail,
} from "@/lib/domain/snapshot";

export type OrganizationInput = z.input<typeof ZOrganization>;
export type OrgUnitInput = z.input<typeof ZOrgUnit>;
export type AccountInput = z.input<typeof ZAccount>;
export type PlacementInput = z.input<typeof ZPlacement>;
export type PolicyInput = z.input<typeof ZPolicy>;
export type DelegatedAdminInput = z.input<typeof ZDelegatedAdmin>;
export type CreateAccountStatusInput = z.input<typeof ZCreateAccountStatus>;
export type CostsInput = z.input<typeof ZCosts>;
export type CostMonthlyInput = z.input<typeof ZCostMonthly>;
export type CostDailyInput = z.input<typeof ZCostDaily>;
export type CostByTagInput = z.input<typeof ZCostByTag>;
export type CostByDimensionInput = z.input<typeof ZCostByDimension>;
export type CostChargeInput = z.input<typeof ZCostCharge>;
export type AccountAuditInput = z.input<typeof ZAccountAudit>;
export type IamUserInput = z.input<typeof ZIamUser>;
export type IamRoleInput = z.input<typeof ZIamRole>;
export type TrailInput = z.input<typeof ZTrail>;
export type BucketInput = z.input<typeof ZBucket>;
export type BudgetInput = z.input<typeof ZAwsBudget>;
