import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { CheckSettingsPanel } from "@/components/settings/check-settings-panel";
import { requirePage } from "@/lib/server/http/page";

export const metadata: Metadata = { title: "Check settings" };

export default async function CheckSettingsPage() {
  const principal = await requirePage("settings:write");
  // The settings change findings across the whole organization: unscoped admins only (the API says the same).
  if (principal.scope.ouIds) forbidden();
  return <CheckSettingsPanel />;
}
