import type { ReactNode } from "react";
import { requirePage } from "@/lib/auth/page-guard";
import { can } from "@/lib/auth/roles";
import { SettingsTabs } from "@/components/settings/settings-tabs";

export default async function SettingsLayout({ children }: { children: ReactNode }) {
  const principal = await requirePage("self:manage");
  const tabs = [
    { href: "/settings", label: "API tokens" },
    ...(can(principal.role, "settings:write") ? [{ href: "/settings/access", label: "Access" }, { href: "/settings/alerts", label: "Alerts" }] : []),
    ...(can(principal.role, "settings:write") && !principal.scope.ouIds ? [{ href: "/settings/known-accounts", label: "Known accounts" }] : []),
    ...(can(principal.role, "audit:read") ? [{ href: "/settings/audit", label: "Audit trail" }] : []),
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
