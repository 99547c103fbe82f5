import type { Metadata } from "next";
import { CommitmentsPage } from "@/components/commitments/commitments-page";
import { requirePage } from "@/lib/server/http/page";

export const metadata: Metadata = { title: "Commitments" };

export default async function Page() {
  await requirePage("dashboard:read");
  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-2xl font-semibold tracking-tight">Commitments</h1>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          Savings Plans and Reserved Instances: how much eligible usage they cover, how much of what
          was bought is used, and what ends soon.
        </p>
      </header>
      <CommitmentsPage />
    </div>
  );
}
