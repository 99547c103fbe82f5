import type { Metadata } from "next";
import { Suspense } from "react";
import { BudgetsPanel } from "@/components/budgets/budgets-panel";
import { requirePage } from "@/lib/server/http/page";
import { can } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { accountScope, ouScope } from "@/lib/server/scope";

export const metadata: Metadata = { title: "Budgets" };

export default async function BudgetsPage() {
  const principal = await requirePage("data:read");
  const canEdit = can(principal.role, "rules:write");
  const [accounts, ous, centers] = canEdit
    ? await Promise.all([
        db.account.findMany({ where: { removedAt: null, ...accountScope(principal.scope) }, orderBy: { name: "asc" }, select: { id: true, name: true } }),
        db.orgUnit.findMany({ where: { removedAt: null, ...ouScope(principal.scope) }, orderBy: { path: "asc" }, select: { id: true, path: true } }),
        db.account.findMany({ where: { removedAt: null, costCenter: { not: null }, ...accountScope(principal.scope) }, distinct: ["costCenter"], orderBy: { costCenter: "asc" }, select: { costCenter: true } }),
      ])
    : [[], [], []];
  const costCenters = centers.flatMap((c) => (c.costCenter ? [c.costCenter] : []));
  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-2xl font-semibold tracking-tight">Budgets</h1>
        <p className="text-sm text-slate-600 dark:text-slate-400">Monthly budgets per account, OU or cost center: actual to date, forecast and burn-down.</p>
      </header>
      <Suspense>
        <BudgetsPanel canEdit={canEdit} options={{ accounts, ous, costCenters }} />
      </Suspense>
    </div>
  );
}
