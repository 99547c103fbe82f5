import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { AuditPanel } from "@/components/settings/audit-panel";
import { requirePage } from "@/lib/server/http/page";

export const metadata: Metadata = { title: "Audit trail" };

export default async function AuditPage() {
  const principal = await requirePage("audit:read");
  if (principal.scope.ouIds !== null) forbidden();
  return <AuditPanel />;
}
