import type { Metadata } from "next";
import { ExceptionRulesPanel } from "@/components/settings/exception-rules-panel";
import { requirePageContext } from "@/lib/server/http/page";
import { listFindingFilterOptions } from "@/lib/server/findings/list-finding-filter-options";

export const metadata: Metadata = { title: "Exceptions" };

export default async function ExceptionsPage() {
  // Admins, OU-scoped ones included: they manage the rules of their OUs (the API scopes each call).
  const { db, principal } = await requirePageContext("settings:write");
  const options = await listFindingFilterOptions(db, principal.scope);
  return <ExceptionRulesPanel options={options} />;
}
