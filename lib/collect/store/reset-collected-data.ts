// `npm run db:reset-data`: forgets everything collected (organization, costs, evidence, findings,
// KPIs, runs) so the database can start over with another source, demo or real. Settings, budgets,
// allocation rules, alert channels and rules, account requests, tokens, imported FOCUS files and the
// audit trail stay; so do role bindings, except the demo sign-in's, which only mean something in a demo.
// A demo database's budgets and account requests are the demo's own (planted for fake accounts and
// OUs): they go with it, so a real organization collected next never shows them.
import { DEMO_GROUPS } from "@/lib/auth/demo-groups";
import type { Db } from "@/lib/db/client";
import { heldDataWorld } from "./data-source";

export interface ResetSummary {
  runs: number;
  accounts: number;
  costRows: number;
  findings: number;
  demoRoleBindings: number;
  /** Budgets and account requests deleted with a demo organization (0 for a real one). */
  demoBudgets: number;
  demoRequests: number;
}

export async function resetCollectedData(db: Db, actor: string): Promise<ResetSummary> {
  return db.$transaction(
    async (tx) => {
      const wasDemo = (await heldDataWorld(tx)) === "demo";
      // Children before parents: the foreign keys hold at every step.
      const findings = (await tx.finding.deleteMany({})).count;
      // Ingested events describe the organization held now; the demo's ingest token goes with the demo.
      await tx.ingestedEvent.deleteMany({});
      if (wasDemo) await tx.ingestToken.deleteMany({ where: { createdBy: "demo" } });
      await tx.kpiSnapshot.deleteMany({});
      await tx.alertDelivery.deleteMany({});
      await tx.chargebackLine.deleteMany({});
      await tx.closedPeriod.deleteMany({});
      const costRows = (await tx.costMonthly.deleteMany({})).count;
      await tx.costDaily.deleteMany({});
      await tx.costAnomaly.deleteMany({});
      await tx.costByDimension.deleteMany({});
      await tx.costCharge.deleteMany({});
      await tx.costByTag.deleteMany({});
      await tx.costRefetch.deleteMany({});
      await tx.commitmentCoverage.deleteMany({});
      await tx.commitmentUsage.deleteMany({});
      await tx.commitmentOrgMonth.deleteMany({});
      await tx.commitmentFetch.deleteMany({});
      await tx.accessKey.deleteMany({});
      await tx.iamUser.deleteMany({});
      await tx.iamRole.deleteMany({});
      await tx.iamRootUser.deleteMany({});
      await tx.iamIdentityProvider.deleteMany({});
      await tx.trail.deleteMany({});
      await tx.trailBucket.deleteMany({});
      await tx.securityHubStatus.deleteMany({});
      await tx.identityCenterInstance.deleteMany({});
      await tx.awsBudget.deleteMany({});
      await tx.loginStat.deleteMany({});
      await tx.policyTarget.deleteMany({});
      await tx.policy.deleteMany({});
      await tx.delegatedAdmin.deleteMany({});
      await tx.accountCreation.deleteMany({});
      await tx.accountPlacement.deleteMany({});
      const accounts = (await tx.account.deleteMany({})).count;
      // OUs reference their parent: deepest first.
      const ous = await tx.orgUnit.findMany({
        select: { id: true, depth: true },
        orderBy: { depth: "desc" },
      });
      for (const ou of ous) await tx.orgUnit.delete({ where: { id: ou.id } });
      await tx.organization.deleteMany({});
      const runs = (await tx.collectionRun.deleteMany({})).count;
      const demoRoleBindings = (
        await tx.roleBinding.deleteMany({ where: { group: { in: Object.values(DEMO_GROUPS) } } })
      ).count;
      const demoBudgets = wasDemo ? (await tx.budget.deleteMany({})).count : 0;
      const demoRequests = wasDemo ? (await tx.accountRequest.deleteMany({})).count : 0;
      const summary = {
        runs,
        accounts,
        costRows,
        findings,
        demoRoleBindings,
        demoBudgets,
        demoRequests,
      };
      await tx.auditEvent.create({ data: { actor, action: "data.reset", detail: { ...summary } } });
      return summary;
    },
    { timeout: 30 * 60_000, maxWait: 60_000 },
  );
}
