// Savings Plans / Reserved Instances for the Commitments page. Coverage rows count for the account
// whose usage they measure; commitments (and their utilization, unused cost and expiry) for the
// account that owns them. A scoped caller sees only rows of accounts under their OUs: a plan bought
// by the management account is the organization's, shown to those who can see that account.
import "server-only";
import type { Db } from "@/lib/db/client";
import type { Scope } from "@/lib/domain/access";
import {
  expiringCommitments,
  expiryCounts,
  pct,
  summarizeMonths,
  type TCoverageRow,
  type TUsageRow,
} from "@/lib/domain/commitments/summary";
import { addMonths, monthOf } from "@/lib/domain/months";
import type { TCommitmentsQuery, TCommitmentsResponse } from "@/lib/api/commitments";
import Decimal from "decimal.js";
import { accountScope } from "@/lib/server/scope";

const KINDS = ["savings_plan", "reserved_instance"] as const;
const asKind = (k: string) => (k === "reserved_instance" ? "reserved_instance" : "savings_plan");

export async function getCommitments(
  db: Db,
  scope: Scope,
  query: TCommitmentsQuery,
  now = new Date(),
): Promise<TCommitmentsResponse> {
  const current = monthOf(now);
  const from = new Date(`${addMonths(current, -query.months)}T00:00:00Z`);
  const inScope = await db.account.findMany({
    where: accountScope(scope),
    select: { id: true, name: true },
  });
  const names = new Map(inScope.map((a) => [a.id, a.name]));
  const accountFilter = scope.ouIds ? { accountId: { in: [...names.keys()] } } : {};

  const [coverageRows, usageRows, fetches] = await Promise.all([
    db.commitmentCoverage.findMany({
      where: { month: { gte: from }, ...accountFilter },
      select: {
        accountId: true,
        month: true,
        kind: true,
        covered: true,
        total: true,
        onDemandCost: true,
      },
    }),
    db.commitmentUsage.findMany({
      where: { month: { gte: from }, ...accountFilter },
      select: {
        commitmentId: true,
        month: true,
        kind: true,
        accountId: true,
        description: true,
        commitment: true,
        used: true,
        unused: true,
        endsAt: true,
      },
    }),
    db.commitmentFetch.findMany(),
  ]);

  const coverage: TCoverageRow[] = coverageRows.map((r) => ({
    accountId: r.accountId,
    month: monthOf(r.month),
    kind: asKind(r.kind),
    covered: r.covered.toString(),
    total: r.total.toString(),
    onDemandCost: r.onDemandCost.toString(),
  }));
  const usage: TUsageRow[] = usageRows.map((r) => ({
    commitmentId: r.commitmentId,
    month: monthOf(r.month),
    kind: asKind(r.kind),
    accountId: r.accountId,
    description: r.description,
    commitment: r.commitment.toString(),
    used: r.used.toString(),
    unused: r.unused.toString(),
    endsAt: r.endsAt?.toISOString() ?? null,
  }));

  const months = summarizeMonths(coverage, usage);
  const full = months.filter((m) => m.month < current).map((m) => m.month);
  const lastMonth = full.at(-1) ?? null;

  const perAccount = new Map<
    string,
    { sp: [Decimal, Decimal]; ri: [Decimal, Decimal]; onDemand: Decimal }
  >();
  for (const c of coverage) {
    if (c.month !== lastMonth) continue;
    const a = perAccount.get(c.accountId) ?? {
      sp: [new Decimal(0), new Decimal(0)],
      ri: [new Decimal(0), new Decimal(0)],
      onDemand: new Decimal(0),
    };
    const pair = c.kind === "savings_plan" ? a.sp : a.ri;
    pair[0] = pair[0].plus(c.covered);
    pair[1] = pair[1].plus(c.total);
    a.onDemand = a.onDemand.plus(c.onDemandCost);
    perAccount.set(c.accountId, a);
  }
  const accounts = [...perAccount]
    .map(([accountId, a]) => ({
      accountId,
      accountName: names.get(accountId) ?? accountId,
      spCoveragePct: pct(a.sp[0], a.sp[1]),
      riCoveragePct: pct(a.ri[0], a.ri[1]),
      onDemandCost: a.onDemand.toFixed(),
    }))
    .sort(
      (x, y) =>
        new Decimal(y.onDemandCost).cmp(x.onDemandCost) || x.accountId.localeCompare(y.accountId),
    );

  const expiring = expiringCommitments(usage, now).map((e) => ({
    ...e,
    accountName: names.get(e.accountId) ?? e.accountId,
  }));

  return {
    months,
    lastMonth,
    accounts,
    expiring,
    expiringCounts: expiryCounts(expiring),
    status: KINDS.map((kind) => {
      const f = fetches.find((x) => x.kind === kind);
      const status =
        f?.status === "ok" || f?.status === "denied" || f?.status === "error" ? f.status : "never";
      return {
        kind,
        status,
        // A scoped caller learns that the read failed, not the payer's error text.
        message: f && !scope.ouIds ? f.message : "",
        at: f?.at.toISOString() ?? null,
      };
    }),
  };
}
