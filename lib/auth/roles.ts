// Roles and what each may do: the one declarative table every route and page consults.
import { ROLES, type TRole } from "@/lib/domain/access";

export const PERMISSIONS = {
  /** Dashboards and KPIs: overview, KPI trends, OU tree, showback charts. */
  "dashboard:read": ["viewer", "analyst", "admin"],
  /** Detail reads: accounts and their evidence, findings, collection runs, budgets. */
  "data:read": ["analyst", "admin"],
  "findings:mute": ["analyst", "admin"],
  /** Owner, due date and ticket of findings (the same people who triage by muting). */
  "findings:assign": ["analyst", "admin"],
  /** Mark cost anomalies expected or resolved (the same people who triage findings). */
  "anomalies:decide": ["analyst", "admin"],
  /** CSV / FOCUS downloads. */
  export: ["analyst", "admin"],
  /** Own API tokens and own account requests. */
  "self:manage": ["viewer", "analyst", "admin"],
  /** Share a saved view with everyone (anyone may save private ones). */
  "views:share": ["analyst", "admin"],
  "runs:trigger": ["admin"],
  "settings:write": ["admin"],
  /** Scheduled reports (Settings → Reports): a scoped admin manages those inside their OUs. */
  "reports:manage": ["admin"],
  "rules:write": ["admin"],
  "periods:close": ["admin"],
  "requests:decide": ["admin"],
  "audit:read": ["admin"],
} as const satisfies Record<string, readonly TRole[]>;

export type TPermission = keyof typeof PERMISSIONS;

export function can(role: TRole, permission: TPermission): boolean {
  const allowed: readonly TRole[] = PERMISSIONS[permission];
  return allowed.includes(role);
}

export function roleRank(role: TRole): number {
  return ROLES.indexOf(role);
}

export function isRole(value: unknown): value is TRole {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}
