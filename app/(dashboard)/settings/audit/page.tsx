import type { Metadata } from "next";
import { AuditPanel } from "@/components/settings/audit-panel";
import { requirePage } from "@/lib/auth/page-guard";

export const metadata: Metadata = { title: "Audit trail" };

export default async function AuditPage() {
  await requirePage("audit:read");
  return <AuditPanel />;
}
