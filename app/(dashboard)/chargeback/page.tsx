import type { Metadata } from "next";
import { Suspense } from "react";
import { ChargebackPage } from "@/components/chargeback/chargeback-page";
import { requirePage } from "@/lib/server/http/page";
import { can } from "@/lib/auth/roles";

export const metadata: Metadata = { title: "Chargeback" };

export default async function Chargeback() {
  const principal = await requirePage("export");
  const unscoped = principal.scope.ouIds === null;
  return (
    <Suspense>
      <ChargebackPage
        can={{
          closePeriods: can(principal.role, "periods:close") && unscoped,
          writeRules: can(principal.role, "rules:write") && unscoped,
          writeSettings: can(principal.role, "settings:write") && unscoped,
          preview: unscoped,
        }}
      />
    </Suspense>
  );
}
