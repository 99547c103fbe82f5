// Shared between the route handler and the client: the OU tree's query and JSON shape.
import { z } from "zod";
import { ZMoney, ZMonth } from "@/lib/domain/snapshot";
import { ZYearMonth } from "@/lib/domain/org/period";
import { ZSecurityHubRollup } from "./security-hub";

/** A root (r-…) or OU (ou-…) id, loosely: anything else cannot name one, so it is "not found". */
export const ZOuId = z.string().regex(/^(r|ou)-[0-9a-z-]{1,80}$/, "an OU or root id");

export const ZOuTreeQuery = z.object({ from: ZYearMonth.optional(), to: ZYearMonth.optional() });

export const ZSeverityCounts = z.object({
  critical: z.number().int(),
  high: z.number().int(),
  medium: z.number().int(),
  low: z.number().int(),
});
export type TSeverityCounts = z.infer<typeof ZSeverityCounts>;

export const ZOuTreeNode = z.object({
  kind: z.enum(["ou", "account"]),
  id: z.string(),
  /** null for the top of what the caller may see (the Root, or a scoped user's OUs). */
  parentId: z.string().nullable(),
  name: z.string(),
  /** Accounts only: ACTIVE | SUSPENDED | … */
  status: z.string().nullable(),
  environment: z.string().nullable(),
  /** Accounts in the subtree (1 for an account). */
  accountCount: z.number().int(),
  /** Unblended spend of the subtree's accounts over the period. */
  spend: ZMoney,
  /** Open, unmuted findings in the subtree, by severity (info is left out). */
  findings: ZSeverityCounts,
  /** Accounts in the subtree with no open, unmuted critical or high finding. */
  compliantAccounts: z.number().int(),
  attachedScpIds: z.array(z.string()),
  /** SCPs attached to an ancestor, and so in force here too. */
  inheritedScpIds: z.array(z.string()),
  /** Security Hub over the subtree (an account: itself); null when no status was collected there. */
  securityHub: ZSecurityHubRollup.nullable(),
});
export type TOuTreeNode = z.infer<typeof ZOuTreeNode>;

export const ZPolicySummary = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  awsManaged: z.boolean(),
});
export type TPolicySummary = z.infer<typeof ZPolicySummary>;

export const ZOuTree = z.object({
  period: z.object({ from: ZMonth, to: ZMonth, estimated: z.boolean() }),
  /** The first and last months with cost data, for the period picker. */
  costMonths: z.object({ first: ZMonth.nullable(), last: ZMonth.nullable() }),
  nodes: z.array(ZOuTreeNode),
  /** The SCPs the nodes refer to. */
  policies: z.array(ZPolicySummary),
});
export type TOuTree = z.infer<typeof ZOuTree>;

/** Where part of an effective tag policy comes from: the policies attached at one target on the path. */
export const ZTagPolicyOrigin = z.object({
  targetKind: z.enum(["root", "ou", "account"]),
  /** null for an OU above the caller's part of the organization: not even its id is shown. */
  targetId: z.string().nullable(),
  targetName: z.string().nullable(),
  /** Names of the tag policies attached there that shaped this part. */
  policies: z.array(z.string()),
});
export type TTagPolicyOrigin = z.infer<typeof ZTagPolicyOrigin>;

/** One value of a field (an allowed tag value, a resource type) and the target that put it there. */
export const ZTagPolicyValue = z.object({ value: z.string(), from: ZTagPolicyOrigin });
export type TTagPolicyValue = z.infer<typeof ZTagPolicyValue>;

export const ZEffectiveTagRuleView = z.object({
  /** The policy key (lower case), as AWS matches it. */
  key: z.string(),
  /** The capitalization resources must use. */
  tagKey: z.string(),
  /** Allowed values; empty: any value. */
  values: z.array(ZTagPolicyValue),
  /** Resource types where non-compliant tagging is refused. */
  enforcedFor: z.array(ZTagPolicyValue),
  /** Resource types reported when the tag is missing. */
  reportRequiredFor: z.array(ZTagPolicyValue),
  /** Every target whose policies shaped this key, root first. */
  sources: z.array(ZTagPolicyOrigin),
});
export type TEffectiveTagRuleView = z.infer<typeof ZEffectiveTagRuleView>;

/** The tag policy in force on an OU or account after inheritance (GET …/tag-policy). */
export const ZEffectiveTagPolicyView = z.object({
  target: z.object({ kind: z.enum(["root", "ou", "account"]), id: z.string(), name: z.string() }),
  rules: z.array(ZEffectiveTagRuleView),
  /** Child operators a parent forbids, which AWS ignores ("policy: key.field @@op"). */
  ignored: z.array(z.string()),
});
export type TEffectiveTagPolicyView = z.infer<typeof ZEffectiveTagPolicyView>;
