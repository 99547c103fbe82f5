// IdP groups → role and OU scope, from the admin-managed role bindings.
import { roleRank } from "./roles";
import type { Scope, TRole } from "@/lib/domain/access";

export interface Binding {
  group: string;
  role: TRole;
  ouIds: string[];
}

export interface Resolved {
  role: TRole;
  scope: Scope;
}

/**
 * The highest role among matching bindings wins; its scope is the union of the OU lists of the
 * bindings with that role, and an empty list on any of them means the whole organization.
 * Emails listed as bootstrap admins are admins of everything, so a fresh install can be configured;
 * they match only an email the identity provider verified (`verifiedEmail`), never a username.
 */
export function resolveRole(input: {
  verifiedEmail: string | null;
  groups: readonly string[];
  bindings: readonly Binding[];
  adminEmails: readonly string[];
}): Resolved | null {
  const verified = input.verifiedEmail?.toLowerCase();
  if (verified && input.adminEmails.some((e) => e.toLowerCase() === verified)) {
    return { role: "admin", scope: { ouIds: null } };
  }
  const groups = new Set(input.groups);
  const matching = input.bindings.filter((b) => groups.has(b.group));
  if (matching.length === 0) return null;
  const top = matching.reduce((best, b) => (roleRank(b.role) > roleRank(best.role) ? b : best));
  const same = matching.filter((b) => b.role === top.role);
  if (same.some((b) => b.ouIds.length === 0)) return { role: top.role, scope: { ouIds: null } };
  return { role: top.role, scope: { ouIds: [...new Set(same.flatMap((b) => b.ouIds))].sort() } };
}
