// Two shared-cost rules for the demo organization, like a FinOps team would start with: the network
// hub split over the workloads by their spend, and the org's AWS Support plan (paid by the
// management account) split 80/20 between workloads and sandboxes. Does nothing once any rule
// exists. No "server-only": meant to be called from the demo load (lib/collect/load-demo.ts).
import type { Db } from "@/lib/db/client";
import type { TRuleDraft } from "@/lib/domain/allocation/rules";
import { ruleKeyFromName } from "@/lib/domain/allocation/rules";

export async function seedDemoAllocationRules(db: Db): Promise<number> {
  if ((await db.allocationRule.count()) > 0) return 0;
  const [network, management, workloads, sandbox, first] = await Promise.all([
    db.account.findFirst({ where: { name: "shared-network" }, select: { id: true } }),
    db.organization.findFirst({ select: { managementAccountId: true } }),
    db.orgUnit.findFirst({ where: { path: "Root/Workloads" }, select: { id: true } }),
    db.orgUnit.findFirst({ where: { path: "Root/Sandbox" }, select: { id: true } }),
    db.costMonthly.findFirst({ orderBy: { month: "asc" }, select: { month: true } }),
  ]);
  if (!network || !management || !workloads || !sandbox || !first) return 0;
  const rules: TRuleDraft[] = [
    {
      name: "Shared network",
      sourceAccounts: [network.id],
      sourceServices: [],
      method: "proportional",
      targets: [{ kind: "ou", id: workloads.id }],
    },
    {
      name: "AWS Support",
      sourceAccounts: [management.managementAccountId],
      sourceServices: ["AWS Support (Business)"],
      method: "fixed",
      targets: [
        { kind: "ou", id: workloads.id, percent: 80 },
        { kind: "ou", id: sandbox.id, percent: 20 },
      ],
    },
  ];
  await db.allocationRule.createMany({
    data: rules.map((r) => ({
      ...r,
      ruleKey: ruleKeyFromName(r.name),
      version: 1,
      validFrom: first.month,
      validTo: null,
      createdBy: "demo",
    })),
  });
  return rules.length;
}
