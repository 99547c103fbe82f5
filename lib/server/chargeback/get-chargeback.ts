// GET /api/v1/chargeback: a month's chargeback by cost center (drill to accounts), the check
// against the organization's total, adjustments, shared-cost pools and the close state.
import "server-only";
import type { Principal } from "@/lib/domain/access";
import { can } from "@/lib/auth/roles";
import type { Db } from "@/lib/db/client";
import { ZChargebackView, type TChargebackView } from "@/lib/api/chargeback";
import { formatCents } from "@/lib/domain/allocation/largest-remainder";
import { monthOf } from "@/lib/domain/months";
import { formatMonth } from "@/lib/format/money";
import { notFound } from "@/lib/errors";
import type { ChargebackRow } from "./build-month-chargeback";
import { listCostMonths } from "./list-cost-months";
import { scopedAccountIds } from "./scoped-account-ids";
import { storeComputedMonth } from "./store-computed-month";
import { formatComponents, sumComponents, summarizeRows } from "./summarize-rows";
import { DEFAULT_POLICIES } from "@/lib/domain/allocation/charge-policy";

export async function getChargeback(
  db: Db,
  principal: Principal,
  requested: string | undefined,
  now = new Date(),
): Promise<TChargebackView> {
  const costMonths = await listCostMonths(db);
  const month =
    requested ?? costMonths.find((m) => !m.estimated)?.month ?? costMonths[0]?.month ?? null;
  // Computing an open month stores its lines: the month's CSV download is then a read.
  const cb = month ? (await storeComputedMonth(db, month)).chargeback : null;
  const closedMonths = cb?.closedMonths ?? new Map();
  const months = costMonths.map((m) => ({
    month: m.month,
    state: closedMonths.has(m.month)
      ? ("closed" as const)
      : m.estimated
        ? ("estimated" as const)
        : ("open" as const),
  }));
  const settings = cb
    ? {
        allocationOrder: cb.config.chargebackAllocationOrder,
        costMetric: cb.config.chargebackCostMetric,
        costCenterTagKey: cb.config.costCenterTagKey,
        chargePolicies: cb.config.chargebackChargePolicies,
      }
    : {
        allocationOrder: [],
        costMetric: "unblended" as const,
        costCenterTagKey: "",
        chargePolicies: DEFAULT_POLICIES,
      };
  const scoped = principal.scope.ouIds !== null;
  const admin = can(principal.role, "periods:close") && !scoped;
  if (!month || !cb) {
    const none = { allowed: false, reason: "There is no cost data yet." };
    return ZChargebackView.parse({
      month: null,
      months,
      state: "empty",
      closed: null,
      close: none,
      reopen: none,
      settings,
      scoped,
      charges: { totals: null, pools: [] },
      check: {
        orgTotal: null,
        chargebackTotal: "0.00",
        adjustmentsTotal: "0.00",
        reconciles: null,
      },
      pending: null,
      costCenters: [],
      adjustments: [],
      pools: [],
      warnings: [],
    });
  }
  if (requested && !cb.hasData && !cb.closed)
    throw notFound(`No cost data for ${formatMonth(month)}.`);

  const allowed = await scopedAccountIds(db, principal.scope);
  const visible = (r: ChargebackRow) => allowed === null || allowed.has(r.accountId);
  const rows = cb.rows.filter(visible);
  const own = rows.filter((r) => !r.adjustsMonth);
  const adjustments = rows.filter((r) => r.adjustsMonth);
  const sum = (rs: ChargebackRow[]) => rs.reduce((s, r) => s + r.directCents + r.sharedCents, 0n);
  const state = cb.closed ? "closed" : cb.estimated ? "estimated" : "open";

  const closeReason = !admin
    ? "Only an unscoped admin can close a month."
    : cb.closed
      ? `${formatMonth(month)} is closed.`
      : month >= monthOf(now)
        ? `${formatMonth(month)} is not over yet.`
        : cb.estimated
          ? `Cost Explorer still marks ${formatMonth(month)} as estimated: AWS finalizes a month's figures a few days after it ends, and a closed month must never change.`
          : null;
  let reopenReason: string | null = !admin
    ? "Only an unscoped admin can re-open a month."
    : cb.closed
      ? null
      : `${formatMonth(month)} is open.`;
  if (!reopenReason) {
    const carried = await db.chargebackLine.findFirst({
      where: { adjustsMonth: new Date(`${month}T00:00:00Z`) },
      select: { month: true },
    });
    if (carried)
      reopenReason = `Adjustments for ${formatMonth(month)} were issued in ${formatMonth(carried.month.toISOString().slice(0, 10))}; re-open that month first.`;
  }
  const ous = await db.orgUnit.findMany({ select: { id: true, path: true } });
  const ouPath = new Map(ous.map((o) => [o.id, o.path]));

  return ZChargebackView.parse({
    month,
    months,
    state,
    closed: cb.closed ? { closedAt: cb.closed.closedAt, closedBy: cb.closed.closedBy } : null,
    close: { allowed: closeReason === null, reason: closeReason },
    reopen: { allowed: reopenReason === null, reason: reopenReason },
    settings,
    scoped,
    charges: {
      totals: formatComponents(sumComponents(own)),
      // The live pools; a closed month shows its frozen lines, so its pools are not repeated.
      pools:
        scoped || cb.closed
          ? []
          : cb.chargePools.flatMap((p) =>
              p.group === "usage" ? [] : [{ group: p.group, amount: formatCents(p.cents) }],
            ),
    },
    check: {
      orgTotal: scoped ? null : formatCents(cb.liveTotalCents),
      chargebackTotal: formatCents(sum(own)),
      adjustmentsTotal: formatCents(sum(adjustments)),
      reconciles: scoped ? null : sum(own) === cb.liveTotalCents,
    },
    pending:
      cb.pending && !scoped
        ? { total: formatCents(cb.pending.totalCents), appearsIn: cb.pending.appearsIn }
        : null,
    costCenters: summarizeRows(own),
    adjustments: adjustments.map((r) => ({
      ...accountView(r),
      costCenter: r.costCenter,
      adjustsMonth: r.adjustsMonth,
    })),
    pools: scoped
      ? []
      : cb.pools.map((p) => ({
          ruleKey: p.ruleKey,
          name: p.name,
          version: p.version,
          method: p.method,
          source: formatCents(p.sourceCents),
          targets: p.targets.map((t) => ({
            kind: t.kind,
            id: t.id,
            label: t.kind === "ou" ? (ouPath.get(t.id) ?? t.id) : t.id,
            amount: formatCents(t.cents),
          })),
        })),
    warnings: scoped ? [] : cb.warnings,
  });
}

function accountView(r: ChargebackRow) {
  return {
    accountId: r.accountId,
    accountName: r.accountName,
    ouPath: r.ouPath,
    direct: formatCents(r.directCents),
    shared: formatCents(r.sharedCents),
    total: formatCents(r.directCents + r.sharedCents),
    basis: r.basis,
    components: formatComponents(r.components),
  };
}
