// Loads the demo organization through the same run → snapshot → store pipeline as real collection,
// and maps the demo sign-in's groups to roles (the BU lead sees one OU subtree).
import { DEMO_GROUPS } from "@/lib/auth/demo-groups";
import type { Db } from "@/lib/db/client";
import { generateDemoSnapshot, type DemoOptions } from "@/lib/collect/sources/demo";
import { evaluateRun } from "@/lib/collect/evaluate";
import { runCollection, type RunRequest, type RunResult } from "@/lib/collect/run";

/** Loads the demo and evaluates checks and KPIs, like a real run; `evaluate: null` skips evaluation. */
export async function loadDemo(db: Db, databaseUrl: string, opts: DemoOptions & { evaluate?: RunRequest["evaluate"] | null } = {}): Promise<RunResult> {
  const { evaluate = evaluateRun, ...demo } = opts;
  const result = await runCollection(db, databaseUrl, {
    source: "demo",
    triggeredBy: "demo",
    produce: ({ progress }) => {
      progress({ phase: "generating demo organization" });
      return Promise.resolve(generateDemoSnapshot(demo));
    },
    evaluate: evaluate ?? undefined,
  });
  if (result.status !== "failed") await bindDemoGroups(db);
  return result;
}

async function bindDemoGroups(db: Db): Promise<void> {
  // The BU lead's scope: the first business-unit OU under Workloads/Prod, else Workloads/Prod itself.
  const prod = await db.orgUnit.findFirst({ where: { path: { endsWith: "/Workloads/Prod" } }, select: { id: true } });
  const unit = prod ? await db.orgUnit.findFirst({ where: { parentId: prod.id }, orderBy: { name: "asc" }, select: { id: true } }) : null;
  const scopeOu = unit?.id ?? prod?.id;
  const bindings = [
    { group: DEMO_GROUPS.admin, role: "admin", ouIds: [] },
    { group: DEMO_GROUPS.analyst, role: "analyst", ouIds: [] },
    { group: DEMO_GROUPS.viewer, role: "viewer", ouIds: [] },
    ...(scopeOu ? [{ group: DEMO_GROUPS.buLead, role: "viewer", ouIds: [scopeOu] }] : []),
  ];
  for (const b of bindings) {
    await db.roleBinding.upsert({ where: { group: b.group }, create: b, update: { role: b.role, ouIds: b.ouIds } });
  }
}
