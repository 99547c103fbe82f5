import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { RoleBindingsPanel } from "@/components/settings/role-bindings-panel";
import { requirePage } from "@/lib/server/http/page";
import { db } from "@/lib/db";

export const metadata: Metadata = { title: "Access" };

export default async function AccessPage() {
  const principal = await requirePage("settings:write");
  if (principal.scope.ouIds !== null) forbidden();
  const ous = await db.orgUnit.findMany({ where: { removedAt: null }, orderBy: { path: "asc" }, select: { id: true, path: true } });
  return <RoleBindingsPanel ous={ous} />;
}
