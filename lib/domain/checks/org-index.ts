// Lookups over one snapshot, built once and shared by every check and KPI of a run: with thousands
// of accounts, each check re-deriving paths and audits would turn linear work quadratic.
import { computeOuPaths, type NodePath } from "@/lib/domain/org-tree";
import type { TAccount, TAccountAudit, TOrgUnit, TSnapshot } from "@/lib/domain/snapshot";

export interface TAuditedAccount {
  account: TAccount;
  audit: TAccountAudit;
}

export interface TOrgIndex {
  rootId: string | null;
  managementAccountId: string;
  ouById: ReadonlyMap<string, TOrgUnit>;
  paths: ReadonlyMap<string, NodePath>;
  accountById: ReadonlyMap<string, TAccount>;
  /** ACTIVE accounts, the only ones audited and checked. */
  activeAccounts: readonly TAccount[];
  /** ACTIVE accounts other than the management account. */
  memberAccounts: readonly TAccount[];
  /** ACTIVE accounts whose audit succeeded in this snapshot, with that audit. */
  audited: readonly TAuditedAccount[];
  auditedIds: ReadonlySet<string>;
  /** OU names from the root down to the account's parent (root excluded). */
  ouNamesOf: (ouId: string) => string[];
  /** Ids of the OU and its ancestors, root first. */
  ouPathIdsOf: (ouId: string) => string[];
}

const cache = new WeakMap<TSnapshot, TOrgIndex>();

export function indexSnapshot(snap: TSnapshot): TOrgIndex {
  const known = cache.get(snap);
  if (known) return known;
  const ouById = new Map(snap.orgUnits.map((o) => [o.id, o]));
  const paths = computeOuPaths(snap.orgUnits);
  const accountById = new Map(snap.accounts.map((a) => [a.id, a]));
  const activeAccounts = snap.accounts.filter((a) => a.status === "ACTIVE");
  const auditById = new Map(snap.audits.map((a) => [a.accountId, a]));
  const audited: TAuditedAccount[] = [];
  for (const account of activeAccounts) {
    const audit = auditById.get(account.id);
    if (audit?.status === "audited") audited.push({ account, audit });
  }
  const ouPathIdsOf = (ouId: string) => paths.get(ouId)?.pathIds ?? [ouId];
  const index: TOrgIndex = {
    rootId: snap.orgUnits.find((o) => o.parentId === null)?.id ?? null,
    managementAccountId: snap.organization.managementAccountId,
    ouById,
    paths,
    accountById,
    activeAccounts,
    memberAccounts: activeAccounts.filter((a) => a.id !== snap.organization.managementAccountId),
    audited,
    auditedIds: new Set(audited.map((a) => a.account.id)),
    ouPathIdsOf,
    ouNamesOf: (ouId) =>
      ouPathIdsOf(ouId)
        .map((id) => ouById.get(id))
        .filter((o): o is TOrgUnit => o !== undefined && o.parentId !== null)
        .map((o) => o.name),
  };
  cache.set(snap, index);
  return index;
}
