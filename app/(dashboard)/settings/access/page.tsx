import type { Metadata } from "next";
import { RoleBindingsPanel } from "@/components/settings/role-bindings-panel";
import { requirePage } from "@/lib/auth/page-guard";
import { db } from "@/lib/db";

export const metadata: Metadata = { title: "Access" };

export default async function AccessPage() {
  await requirePage("settings:write");
  const ous = await db.orgUnit.findMany({ where: { removedAt: null }, orderBy: { path: "asc" }, select: { id: true, path: true } });
  return <RoleBindingsPanel ous={ous} />;
}
