import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { KnownAccountsPanel } from "@/components/settings/known-accounts-panel";
import { requirePage } from "@/lib/server/http/page";

export const metadata: Metadata = { title: "Known accounts" };

export default async function KnownAccountsPage() {
  const principal = await requirePage("settings:write");
  // The inventory reaches beyond the organization: unscoped admins only (the API says the same).
  if (principal.scope.ouIds) forbidden();
  return <KnownAccountsPanel />;
}
