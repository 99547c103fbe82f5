// The chargeback API's JSON shapes, shared by the route handlers and the page (validated on both ends).
import { z } from "zod";
import { ZMoney, ZMonth } from "@/lib/domain/snapshot";
import { ZRuleDraft, ZRuleTarget, RULE_METHODS } from "@/lib/domain/allocation/rules";
import {
  ALLOCATION_SOURCES,
  COST_METRICS,
  ZAllocationOrder,
} from "@/lib/domain/allocation/settings";
import { CHARGE_POLICIES } from "@/lib/domain/costs/charge-types";
import { POLICY_GROUPS } from "@/lib/domain/allocation/charge-policy";

/** "2026-03" or "2026-03-01" in a URL → "2026-03-01". */
export const ZMonthParam = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])(-01)?$/, "a month as YYYY-MM")
  .transform((m) => `${m.slice(0, 7)}-01`);

export const ZMonthState = z.enum(["closed", "open", "estimated"]);
const ZBasis = z.enum([...ALLOCATION_SOURCES, "unallocated", "shared"]);
const ZGate = z.object({ allowed: z.boolean(), reason: z.string().nullable() });

const ZPolicy = z.enum(CHARGE_POLICIES);
/** A policy for every charge group an admin sets (all four required: the form always sends them). */
export const ZChargePoliciesUpdate = z.strictObject({
  credits: ZPolicy,
  commitments: ZPolicy,
  tax: ZPolicy,
  support: ZPolicy,
});
/** Direct cost by charge group; null on adjustments and on lines issued before the split. */
const ZComponents = z
  .object({ usage: ZMoney, credits: ZMoney, commitments: ZMoney, tax: ZMoney, support: ZMoney })
  .nullable();

export const ZChargebackAccount = z.object({
  accountId: z.string(),
  accountName: z.string(),
  ouPath: z.string(),
  direct: ZMoney,
  shared: ZMoney,
  total: ZMoney,
  basis: ZBasis.nullable(),
  components: ZComponents,
});

/** Where a pool's cost went: a cost center or an OU, with the amount it received. */
const ZPoolTarget = z.object({
  kind: z.enum(["costCenter", "ou"]),
  id: z.string(),
  label: z.string(),
  amount: ZMoney,
});

export const ZChargebackView = z.object({
  month: ZMonth.nullable(),
  months: z.array(z.object({ month: ZMonth, state: ZMonthState })),
  state: z.enum(["closed", "open", "estimated", "empty"]),
  closed: z.object({ closedAt: z.string(), closedBy: z.string() }).nullable(),
  close: ZGate,
  reopen: ZGate,
  settings: z.object({
    allocationOrder: ZAllocationOrder,
    costMetric: z.enum(COST_METRICS),
    costCenterTagKey: z.string(),
    chargePolicies: ZChargePoliciesUpdate,
  }),
  scoped: z.boolean(),
  /** The month's figures by charge type over the visible lines (null when issued without them). */
  charges: z.object({
    totals: ZComponents,
    /** Split-by-usage groups: the organization's pool that was spread (unscoped callers only). */
    pools: z.array(z.object({ group: z.enum(POLICY_GROUPS), amount: ZMoney })),
  }),
  check: z.object({
    orgTotal: ZMoney.nullable(),
    chargebackTotal: ZMoney,
    adjustmentsTotal: ZMoney,
    reconciles: z.boolean().nullable(),
  }),
  pending: z.object({ total: ZMoney, appearsIn: ZMonth }).nullable(),
  costCenters: z.array(
    z.object({
      costCenter: z.string(),
      direct: ZMoney,
      shared: ZMoney,
      total: ZMoney,
      components: ZComponents,
      accounts: z.array(ZChargebackAccount),
    }),
  ),
  adjustments: z.array(ZChargebackAccount.extend({ costCenter: z.string(), adjustsMonth: ZMonth })),
  pools: z.array(
    z.object({
      ruleKey: z.string(),
      name: z.string(),
      version: z.number().int(),
      method: z.enum(RULE_METHODS),
      source: ZMoney,
      targets: z.array(ZPoolTarget),
    }),
  ),
  warnings: z.array(z.string()),
});
export type TChargebackView = z.infer<typeof ZChargebackView>;

export const ZRuleVersionView = z.object({
  version: z.number().int(),
  name: z.string(),
  sourceAccounts: z.array(z.string()),
  sourceServices: z.array(z.string()),
  method: z.enum(RULE_METHODS),
  targets: z.array(ZRuleTarget),
  validFrom: ZMonth,
  validTo: ZMonth.nullable(),
  createdAt: z.string(),
  createdBy: z.string(),
  retiredAt: z.string().nullable(),
});
export const ZRuleList = z.object({
  rules: z.array(
    z.object({
      ruleKey: z.string(),
      status: z.enum(["active", "scheduled", "retired"]),
      current: ZRuleVersionView,
      versions: z.array(ZRuleVersionView),
    }),
  ),
  /** True for OU-scoped callers: accounts, OUs and cost centers outside their scope are left out of each rule. */
  redacted: z.boolean(),
  /** Rule changes may start from this month on (the first month after the last closed one). */
  firstEditableMonth: ZMonth,
});
export type TRuleList = z.infer<typeof ZRuleList>;

export const ZRuleSave = z.object({ rule: ZRuleDraft, validFrom: ZMonthParam });
export const ZRuleRetire = z.object({ from: ZMonthParam });
export const ZRulePreviewRequest = z.object({
  month: ZMonthParam,
  rule: ZRuleDraft,
  replacesRuleKey: z.string().min(1).max(80).optional(),
});

const ZCostCenterTotals = z.object({
  costCenter: z.string(),
  before: ZMoney,
  after: ZMoney,
  change: ZMoney,
});
export const ZRulePreview = z.object({
  month: ZMonth,
  pool: z.object({
    source: ZMoney,
    targets: z.array(ZPoolTarget),
  }),
  costCenters: z.array(ZCostCenterTotals),
  total: z.object({ before: ZMoney, after: ZMoney }),
  warnings: z.array(z.string()),
});
export type TRulePreview = z.infer<typeof ZRulePreview>;

export const ZChargebackOptions = z.object({
  ous: z.array(z.object({ id: z.string(), path: z.string() })),
  accounts: z.array(z.object({ id: z.string(), name: z.string() })),
  services: z.array(z.string()),
  costCenters: z.array(z.string()),
  ouDefaults: z.array(
    z.object({
      ouId: z.string(),
      path: z.string(),
      costCenter: z.string(),
      from: z.enum(["mapping", "tag"]),
    }),
  ),
});
export type TChargebackOptions = z.infer<typeof ZChargebackOptions>;

export const ZSettingsUpdate = z.object({
  allocationOrder: ZAllocationOrder,
  costMetric: z.enum(COST_METRICS),
});
export const ZOuDefaultUpdate = z.object({
  ouId: z.string().min(1).max(100),
  costCenter: z.string().trim().min(1).max(200).nullable(),
});
export const ZFocusExportQuery = z
  .object({ from: ZMonthParam, to: ZMonthParam })
  .refine((q) => q.from <= q.to, "from must not be after to");

/** GET /api/v1/chargeback: a month, or the latest with data. */
export const ZChargebackQuery = z.object({ month: ZMonthParam.optional() });
/** GET /api/v1/chargeback/export: the month to download. */
export const ZChargebackExportQuery = z.object({ month: ZMonthParam });
