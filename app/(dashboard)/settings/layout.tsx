import type { ReactNode } from "react";
import { requirePage } from "@/lib/server/http/page";
import { can } from "@/lib/auth/roles";
import { SettingsTabs } from "@/components/settings/settings-tabs";

export default async function SettingsLayout({ children }: { children: ReactNode }) {
  const principal = await requirePage("self:manage");
  const unscoped = principal.scope.ouIds === null;
  const tabs = [
    { href: "/settings", label: "API tokens" },
    // Access and the audit trail cover the whole organization; a scoped admin keeps the alert rules of their OUs.
    ...(can(principal.role, "settings:write") && unscoped
      ? [{ href: "/settings/access", label: "Access" }]
      : []),
    ...(can(principal.role, "settings:write")
      ? [{ href: "/settings/alerts", label: "Alerts" }]
      : []),
    ...(can(principal.role, "reports:manage")
      ? [{ href: "/settings/reports", label: "Reports" }]
      : []),
    ...(can(principal.role, "settings:write") && unscoped
      ? [{ href: "/settings/known-accounts", label: "Known accounts" }]
      : []),
    ...(can(principal.role, "settings:write") && unscoped
      ? [{ href: "/settings/checks", label: "Checks" }]
      : []),
    ...(can(principal.role, "settings:write")
      ? [{ href: "/settings/exceptions", label: "Exceptions" }]
      : []),
    ...(can(principal.role, "settings:write") && unscoped
      ? [{ href: "/settings/events", label: "Event ingestion" }]
      : []),
    ...(can(principal.role, "audit:read") && unscoped
      ? [{ href: "/settings/audit", label: "Audit trail" }]
      : []),
  ];
  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-2xl font-semibold tracking-tight">Settings</h1>
      </header>
      <SettingsTabs tabs={tabs} />
      {children}
    </div>
  );
}
