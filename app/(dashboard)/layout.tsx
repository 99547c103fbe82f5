import type { ReactNode } from "react";
import { AppShell } from "@/components/ui/app-shell";
import { requirePage } from "@/lib/server/http/page";

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const principal = await requirePage("dashboard:read");
  return (
    <AppShell
      user={{
        email: principal.email,
        name: principal.name,
        role: principal.role,
        scoped: principal.scope.ouIds !== null,
      }}
    >
      {children}
    </AppShell>
  );
}
