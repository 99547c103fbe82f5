// The contract every governance check follows: pure (snapshot, settings, context) -> findings.
import type { TJson } from "@/lib/domain/json";
import type { TSettings } from "@/lib/domain/settings";
import type { TSnapshot } from "@/lib/domain/snapshot";

export const SEVERITIES = ["critical", "high", "medium", "low", "info"] as const;
export type TSeverity = (typeof SEVERITIES)[number];

export const CATEGORIES = [
  "identity-access",
  "segregation",
  "logging",
  "organization",
  "cost-tagging",
] as const;
export type TCategory = (typeof CATEGORIES)[number];

/**
 * Where a check's evidence comes from. "account-audit" findings are derived from the audit of the
 * account in `accountId`: when that account could not be audited, its last findings are kept (stale)
 * instead of being resolved. "organization" findings come from org structure and costs, fresh every run.
 */
export type TEvidenceKind = "account-audit" | "organization";

export interface TCheckDefinition {
  id: string;
  title: string;
  category: TCategory;
  defaultSeverity: TSeverity;
  evidenceKind: TEvidenceKind;
  remediation: string;
}

export type TEvidence = { [key: string]: TJson | null };

export interface TFinding {
  checkId: string;
  accountId: string | null;
  ouId: string | null;
  /** Stable within the account or OU; "" for an account-level finding. */
  resource: string;
  severity: TSeverity;
  title: string;
  message: string;
  evidence: TEvidence;
}

export interface TCheckContext {
  /** Account ids from the imported inventory (KnownAccount), inside the organization or not. */
  knownAccountIds: ReadonlySet<string>;
  now: Date;
  /** Accounts an OrgLens account request names (vended, or linked to a request by an admin). */
  requestedAccountIds?: ReadonlySet<string>;
  /**
   * From when new accounts must come through an account request (setting, else OrgLens's first
   * collection run); accounts that joined earlier predate the process. Unset: nothing is flagged.
   */
  requestProcessSince?: Date | null;
  /** Who created or invited an account, where an event named them (EventBridge), by account id. */
  accountCreators?: ReadonlyMap<string, string>;
}

export type TFindingKey = Pick<TFinding, "checkId" | "accountId" | "ouId" | "resource">;

export interface TCheck {
  definition: TCheckDefinition;
  run: (snap: TSnapshot, settings: TSettings, ctx: TCheckContext) => TFinding[];
  /**
   * Findings this check cannot decide on this snapshot (their evidence was read as "unknown", e.g. an
   * AccessDenied, or never collected at all): an open one is kept as it is, marked stale, never
   * resolved by the missing evidence. `open` holds this check's stored open findings, so that one
   * whose resource is absent from the snapshot can be told apart from one that is gone.
   */
  undecided?: (snap: TSnapshot, open: readonly TFindingKey[]) => TFindingKey[];
}

/** Identity of a finding across runs. */
export function fingerprintOf(f: TFindingKey): string {
  return [f.checkId, f.accountId ?? f.ouId ?? "org", f.resource].join("|");
}

export function severityRank(s: TSeverity): number {
  return SEVERITIES.length - SEVERITIES.indexOf(s);
}

export function maxSeverity(list: readonly TSeverity[], fallback: TSeverity): TSeverity {
  return list.reduce(
    (best, s) => (severityRank(s) > severityRank(best) ? s : best),
    list[0] ?? fallback,
  );
}

const DAY_MS = 86_400_000;

export function daysBetween(from: Date, to: Date): number {
  return Math.floor((to.getTime() - from.getTime()) / DAY_MS);
}
