import type { Metadata } from "next";
import { AlertsPanel } from "@/components/alerts/alerts-panel";
import { requirePage } from "@/lib/server/http/page";
import { db } from "@/lib/db";
import { ALL_CHECKS } from "@/lib/domain/checks";
import { CATEGORIES, SEVERITIES } from "@/lib/domain/checks/types";
import { ouScope } from "@/lib/server/scope";

export const metadata: Metadata = { title: "Alerts" };

export default async function AlertsPage() {
  const principal = await requirePage("settings:write");
  // A scoped admin may only write rules for their own OU subtrees.
  const ous = await db.orgUnit.findMany({ where: { removedAt: null, ...ouScope(principal.scope) }, orderBy: { path: "asc" }, select: { id: true, path: true } });
  const checkIds = ALL_CHECKS.map((c) => c.definition.id).sort();
  return <AlertsPanel options={{ checkIds, categories: CATEGORIES, severities: SEVERITIES, ous }} />;
}
