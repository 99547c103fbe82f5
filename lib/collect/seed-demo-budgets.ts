// OrgLens budgets a FinOps team sets up in its first weeks, for the demo organization: the production
// OU with headroom, a tight guardrail on sandboxes (forecast to run over), the largest business unit's
// cost center and its biggest account. Amounts derive from last full month's spend, rounded as people
// round budgets. Does nothing once any budget exists. No "server-only": called from the demo load.
import type { Db } from "@/lib/db/client";
import { ACCOUNTS, OU_IDS } from "@/lib/collect/sources/demo/ids";

const DAY_MS = 86_400_000;

interface Plan {
  name: string;
  scopeType: "account" | "ou" | "costCenter";
  scopeId: string;
  /** Budget as a share of last full month's spend. */
  factor: number;
  /** Rounded up to a multiple of this. */
  step: number;
  createdDaysAgo: number;
}

const PLANS: readonly Plan[] = [
  {
    name: "Production workloads",
    scopeType: "ou",
    scopeId: OU_IDS.prod,
    factor: 1.15,
    step: 1000,
    createdDaysAgo: 120,
  },
  {
    name: "Sandbox guardrail",
    scopeType: "ou",
    scopeId: OU_IDS.sandbox,
    factor: 0.85,
    step: 100,
    createdDaysAgo: 95,
  },
  {
    name: "Payments cost center",
    scopeType: "costCenter",
    scopeId: "CC-1001",
    factor: 1.1,
    step: 1000,
    createdDaysAgo: 80,
  },
  {
    name: "data-prod monthly cap",
    scopeType: "account",
    scopeId: ACCOUNTS.dataProd,
    factor: 1.05,
    step: 500,
    createdDaysAgo: 45,
  },
];

export async function seedDemoBudgets(db: Db, now = new Date()): Promise<number> {
  if ((await db.budget.count()) > 0) return 0;
  const lastMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  const [accounts, spend] = await Promise.all([
    db.account.findMany({
      where: { removedAt: null },
      select: { id: true, costCenter: true, ou: { select: { pathIds: true } } },
    }),
    db.costAccountMonth.findMany({
      where: { month: lastMonth },
      select: { accountId: true, unblended: true },
    }),
  ]);
  const spendOf = new Map(spend.map((s) => [s.accountId, s.unblended.toNumber()]));
  const inScope = (p: Plan) =>
    accounts.filter((a) =>
      p.scopeType === "account"
        ? a.id === p.scopeId
        : p.scopeType === "ou"
          ? a.ou.pathIds.includes(p.scopeId)
          : a.costCenter === p.scopeId,
    );
  const rows = PLANS.flatMap((p) => {
    const total = inScope(p).reduce((sum, a) => sum + (spendOf.get(a.id) ?? 0), 0);
    if (total <= 0) return [];
    const amount = Math.max(p.step, Math.ceil((total * p.factor) / p.step) * p.step);
    return [
      {
        name: p.name,
        scopeType: p.scopeType,
        scopeId: p.scopeId,
        monthlyAmount: amount.toFixed(2),
        source: "orglens",
        createdAt: new Date(now.getTime() - p.createdDaysAgo * DAY_MS),
      },
    ];
  });
  await db.budget.createMany({ data: rows });
  return rows.length;
}
