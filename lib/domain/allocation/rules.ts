// Shared-cost split rules (like AWS Cost Categories split charges): which cost is shared, how it is
// split, and to whom. A rule key has versions, each valid for a range of months.
import { z } from "zod";

export const RULE_METHODS = ["proportional", "even", "fixed"] as const;
export type TRuleMethod = (typeof RULE_METHODS)[number];

export const ZRuleTarget = z.object({
  kind: z.enum(["costCenter", "ou"]),
  id: z.string().trim().min(1).max(200),
  /** Fixed method only: share in percent, up to two decimals. */
  percent: z.number().positive().max(100).optional(),
});
export type TRuleTarget = z.infer<typeof ZRuleTarget>;

export const ZRuleDraft = z
  .object({
    name: z.string().trim().min(1, "A name is required").max(120),
    sourceAccounts: z
      .array(z.string().regex(/^\d{12}$/, "an AWS account id (12 digits)"))
      .max(1000)
      .default([]),
    sourceServices: z.array(z.string().trim().min(1).max(200)).max(500).default([]),
    method: z.enum(RULE_METHODS),
    targets: z.array(ZRuleTarget).min(1, "At least one target is required").max(500),
  })
  .superRefine((r, ctx) => {
    if (r.sourceAccounts.length === 0 && r.sourceServices.length === 0) {
      ctx.addIssue({
        code: "custom",
        path: ["sourceAccounts"],
        message: "Pick the shared accounts, the shared services, or both",
      });
    }
    const keys = r.targets.map((t) => `${t.kind}:${t.id}`);
    if (new Set(keys).size !== keys.length)
      ctx.addIssue({ code: "custom", path: ["targets"], message: "A target is listed twice" });
    if (r.method === "fixed") {
      if (r.targets.some((t) => t.percent === undefined)) {
        ctx.addIssue({
          code: "custom",
          path: ["targets"],
          message: "Fixed split: every target needs a percentage",
        });
      } else if (
        r.targets.reduce((s, t) => s + percentBasisPoints(t.percent ?? 0), 0n) !== 10_000n
      ) {
        ctx.addIssue({
          code: "custom",
          path: ["targets"],
          message: "Fixed split: the percentages must add up to 100",
        });
      }
    }
  });
export type TRuleDraft = z.infer<typeof ZRuleDraft>;

export interface RuleVersion extends TRuleDraft {
  ruleKey: string;
  version: number;
  /** First month (YYYY-MM-01) the version applies to. */
  validFrom: string;
  /** Last month it applies to (inclusive); null = open-ended. */
  validTo: string | null;
}

/** 12.5 → 1250n: percentages become integer weights (two decimals kept). */
export function percentBasisPoints(percent: number): bigint {
  return BigInt(Math.round(percent * 100));
}

export function ruleAppliesTo(
  rule: Pick<RuleVersion, "validFrom" | "validTo">,
  month: string,
): boolean {
  return rule.validFrom <= month && (rule.validTo === null || month <= rule.validTo);
}

/** The versions in force for a month, in the order they claim cost lines (rule key order). */
export function rulesForMonth<R extends RuleVersion>(rules: readonly R[], month: string): R[] {
  return rules
    .filter((r) => ruleAppliesTo(r, month))
    .sort((a, b) => a.ruleKey.localeCompare(b.ruleKey));
}

/** Both lists given: the services inside those accounts; one list: everything it names. */
export function ruleMatches(
  rule: Pick<RuleVersion, "sourceAccounts" | "sourceServices">,
  accountId: string,
  service: string,
): boolean {
  if (rule.sourceAccounts.length === 0 && rule.sourceServices.length === 0) return false;
  return (
    (rule.sourceAccounts.length === 0 || rule.sourceAccounts.includes(accountId)) &&
    (rule.sourceServices.length === 0 || rule.sourceServices.includes(service))
  );
}

/** A stable key from a rule's name: "Shared network" → "shared-network". */
export function ruleKeyFromName(name: string): string {
  const slug = name
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60);
  return slug || "rule";
}
