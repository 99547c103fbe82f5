import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { RoleBindingsPanel } from "@/components/settings/role-bindings-panel";
import { requirePageContext } from "@/lib/server/http/page";
import { listOuOptions } from "@/lib/server/org/list-ou-options";

export const metadata: Metadata = { title: "Access" };

export default async function AccessPage() {
  const { db, principal } = await requirePageContext("settings:write");
  if (principal.scope.ouIds !== null) forbidden();
  const ous = await listOuOptions(db, principal.scope);
  return <RoleBindingsPanel ous={ous} />;
}
