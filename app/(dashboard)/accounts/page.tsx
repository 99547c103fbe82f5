import type { Metadata } from "next";
import { AccountsList } from "@/components/accounts/accounts-list";
import { requirePage } from "@/lib/server/http/page";
import { can } from "@/lib/auth/roles";

export const metadata: Metadata = { title: "Accounts" };

export default async function AccountsPage() {
  const principal = await requirePage("data:read");
  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-2xl font-semibold tracking-tight">Accounts</h1>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          Every account you can see: where it sits, who owns it, what it spent last month, its open
          findings and whether its latest audit succeeded.
        </p>
      </header>
      <AccountsList canExport={can(principal.role, "export")} />
    </div>
  );
}
