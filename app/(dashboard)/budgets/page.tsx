import type { Metadata } from "next";
import { Suspense } from "react";
import { BudgetsPanel } from "@/components/budgets/budgets-panel";
import { can } from "@/lib/auth/roles";
import { getBudgetOptions } from "@/lib/server/budgets/get-budget-options";
import { requirePageContext } from "@/lib/server/http/page";

export const metadata: Metadata = { title: "Budgets" };

export default async function BudgetsPage() {
  const { db, principal } = await requirePageContext("data:read");
  const canEdit = can(principal.role, "rules:write");
  // Only an editor needs the targets a budget can have.
  const options = canEdit
    ? await getBudgetOptions(db, principal.scope)
    : { accounts: [], ous: [], costCenters: [] };
  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-2xl font-semibold tracking-tight">Budgets</h1>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          Monthly budgets per account, OU or cost center: actual to date, forecast and burn-down.
        </p>
      </header>
      <Suspense>
        <BudgetsPanel canEdit={canEdit} options={options} />
      </Suspense>
    </div>
  );
}
