// Which exception rule excepts a finding. A rule names one check and one target (an account, an OU and
// everything under it, or the whole organization), optionally a resource glob; it lapses at expiresAt
// (a rule with a review date instead never lapses, it is only flagged for review).
import { globMatches } from "./glob";

export interface TExceptionRuleMatch {
  id: string;
  name: string;
  checkId: string;
  accountId: string | null;
  ouId: string | null;
  resourcePattern: string | null;
  expiresAt: Date | null;
}

export interface TExceptableFinding {
  checkId: string;
  accountId: string | null;
  ouId: string | null;
  resource: string;
}

/** The OU ids from the root down to the OU holding the finding's account (or the finding's OU); [] when org-wide or unknown. */
export type TOuAncestry = (f: TExceptableFinding) => readonly string[];

export function isLapsedAt(rule: Pick<TExceptionRuleMatch, "expiresAt">, now: Date): boolean {
  return rule.expiresAt !== null && rule.expiresAt.getTime() <= now.getTime();
}

export function ruleMatches(
  rule: TExceptionRuleMatch,
  f: TExceptableFinding,
  ancestry: TOuAncestry,
  now: Date,
): boolean {
  if (isLapsedAt(rule, now) || rule.checkId !== f.checkId) return false;
  if (rule.accountId !== null && rule.accountId !== f.accountId) return false;
  if (rule.ouId !== null && !ancestry(f).includes(rule.ouId)) return false;
  return rule.resourcePattern === null || globMatches(rule.resourcePattern, f.resource);
}

/** Narrowest target first (account, then OU, then organization), then by name: a stable choice. */
function specificity(rule: TExceptionRuleMatch): number {
  return rule.accountId !== null ? 0 : rule.ouId !== null ? 1 : 2;
}

export function sortRules<R extends TExceptionRuleMatch>(rules: readonly R[]): R[] {
  return [...rules].sort((a, b) => specificity(a) - specificity(b) || a.name.localeCompare(b.name));
}

/** The rule that excepts the finding at `now`, or null. `rules` sorted with sortRules. */
export function exceptingRule<R extends TExceptionRuleMatch>(
  sorted: readonly R[],
  f: TExceptableFinding,
  ancestry: TOuAncestry,
  now: Date,
): R | null {
  return sorted.find((r) => ruleMatches(r, f, ancestry, now)) ?? null;
}

export const EXPIRING_WITHIN_DAYS = 30;
export type TRuleState = "active" | "expiring" | "lapsed" | "review-due";

/** Expired rules are lapsed; expiring within 30 days is flagged; a review date within 30 days (or past) is due. */
export function ruleState(
  rule: { expiresAt: Date | null; reviewAt: Date | null },
  now: Date,
): TRuleState {
  const soon = now.getTime() + EXPIRING_WITHIN_DAYS * 86_400_000;
  if (rule.expiresAt !== null) {
    if (rule.expiresAt.getTime() <= now.getTime()) return "lapsed";
    return rule.expiresAt.getTime() <= soon ? "expiring" : "active";
  }
  return rule.reviewAt !== null && rule.reviewAt.getTime() <= soon ? "review-due" : "active";
}
