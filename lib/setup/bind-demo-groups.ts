// Maps the demo sign-in's groups to roles (the BU lead sees one OU subtree). Only in a demo
// deployment: elsewhere these groups must stay unmapped, so nobody whose IdP happens to send
// "orglens-demo-admin" becomes an admin.
import { DEMO_GROUPS } from "@/lib/auth/demo-groups";
import type { Db } from "@/lib/db/client";
import { isDemoDeploymentEnv } from "@/lib/env-schema";

export async function bindDemoGroups(
  db: Db,
  source: { ORGLENS_DEPLOYMENT?: string } = { ORGLENS_DEPLOYMENT: process.env.ORGLENS_DEPLOYMENT },
): Promise<void> {
  if (!isDemoDeploymentEnv(source))
    throw new Error(
      "The demo's role bindings are only created in a demo deployment (ORGLENS_DEPLOYMENT=demo).",
    );
  // The BU lead's scope: the first business-unit OU under Workloads/Prod, else Workloads/Prod itself.
  const prod = await db.orgUnit.findFirst({
    where: { path: { endsWith: "/Workloads/Prod" } },
    select: { id: true },
  });
  const unit = prod
    ? await db.orgUnit.findFirst({
        where: { parentId: prod.id },
        orderBy: { name: "asc" },
        select: { id: true },
      })
    : null;
  const scopeOu = unit?.id ?? prod?.id;
  const bindings = [
    { group: DEMO_GROUPS.admin, role: "admin", ouIds: [] },
    { group: DEMO_GROUPS.analyst, role: "analyst", ouIds: [] },
    { group: DEMO_GROUPS.viewer, role: "viewer", ouIds: [] },
    ...(scopeOu ? [{ group: DEMO_GROUPS.buLead, role: "viewer", ouIds: [scopeOu] }] : []),
  ];
  for (const b of bindings) {
    await db.roleBinding.upsert({
      where: { group: b.group },
      create: b,
      update: { role: b.role, ouIds: b.ouIds },
    });
  }
}
