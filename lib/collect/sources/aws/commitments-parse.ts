// Cost Explorer's Savings Plans / Reserved Instances answers as snapshot rows. Amounts stay exact
// decimal strings (Decimal, never floats; toFixed never writes an exponent). Rows of one key split
// across pages are summed.
import type {
  GetReservationCoverageCommandOutput,
  GetReservationUtilizationCommandOutput,
  GetSavingsPlansCoverageCommandOutput,
  GetSavingsPlansUtilizationCommandOutput,
  GetSavingsPlansUtilizationDetailsCommandOutput,
} from "@aws-sdk/client-cost-explorer";
import Decimal from "decimal.js";
import type { TCommitmentCoverage, TCommitmentUsage } from "@/lib/domain/snapshot";

type Out<T> = Omit<T, "$metadata">;
const ACCOUNT = /^\d{12}$/;
const dec = (v: string | undefined) => new Decimal(v && v.trim() ? v : "0");

/** An attribute by any of the spellings Cost Explorer uses across operations. */
function attr(attrs: Record<string, string> | undefined, ...names: string[]): string | undefined {
  for (const n of names) {
    const v = attrs?.[n];
    if (v) return v;
  }
  return undefined;
}

function monthOfPeriod(start: string | undefined): string | null {
  return start && /^\d{4}-\d{2}/.test(start) ? `${start.slice(0, 7)}-01` : null;
}

function isoOrNull(v: string | undefined): string | null {
  if (!v) return null;
  const t = Date.parse(v);
  return Number.isFinite(t) ? new Date(t).toISOString() : null;
}

class CoverageSums {
  private readonly rows = new Map<string, TCommitmentCoverage>();

  add(row: TCommitmentCoverage): void {
    const key = `${row.accountId}|${row.month}|${row.kind}`;
    const seen = this.rows.get(key);
    this.rows.set(
      key,
      seen
        ? {
            ...seen,
            covered: dec(seen.covered).plus(row.covered).toFixed(),
            total: dec(seen.total).plus(row.total).toFixed(),
            onDemandCost: dec(seen.onDemandCost).plus(row.onDemandCost).toFixed(),
          }
        : row,
    );
  }

  list(): TCommitmentCoverage[] {
    return [...this.rows.values()];
  }
}

export function parseSavingsPlansCoverage(
  page: Out<GetSavingsPlansCoverageCommandOutput>,
): TCommitmentCoverage[] {
  const sums = new CoverageSums();
  for (const c of page.SavingsPlansCoverages ?? []) {
    const accountId = attr(c.Attributes, "LINKED_ACCOUNT", "linkedAccount", "LinkedAccount");
    const month = monthOfPeriod(c.TimePeriod?.Start);
    if (!accountId || !ACCOUNT.test(accountId) || !month) continue;
    sums.add({
      accountId,
      month,
      kind: "savings_plan",
      covered: dec(c.Coverage?.SpendCoveredBySavingsPlans).toFixed(),
      total: dec(c.Coverage?.TotalCost).toFixed(),
      unit: "usd",
      onDemandCost: dec(c.Coverage?.OnDemandCost).toFixed(),
    });
  }
  return sums.list();
}

export function parseReservationCoverage(
  page: Out<GetReservationCoverageCommandOutput>,
): TCommitmentCoverage[] {
  const sums = new CoverageSums();
  for (const t of page.CoveragesByTime ?? []) {
    const month = monthOfPeriod(t.TimePeriod?.Start);
    if (!month) continue;
    for (const g of t.Groups ?? []) {
      const accountId = attr(g.Attributes, "linkedAccount", "LINKED_ACCOUNT", "LinkedAccount");
      if (!accountId || !ACCOUNT.test(accountId)) continue;
      sums.add({
        accountId,
        month,
        kind: "reserved_instance",
        covered: dec(g.Coverage?.CoverageHours?.ReservedHours).toFixed(),
        total: dec(g.Coverage?.CoverageHours?.TotalRunningHours).toFixed(),
        unit: "hours",
        onDemandCost: dec(g.Coverage?.CoverageCost?.OnDemandCost).toFixed(),
      });
    }
  }
  return sums.list();
}

/** The owner of a Savings Plan: its AccountId attribute, else the account in its ARN. */
function savingsPlanOwner(arn: string, attrs: Record<string, string> | undefined): string | null {
  const fromAttr = attr(attrs, "AccountId", "accountId", "LINKED_ACCOUNT");
  if (fromAttr && ACCOUNT.test(fromAttr)) return fromAttr;
  const fromArn = arn.split(":")[4];
  return fromArn && ACCOUNT.test(fromArn) ? fromArn : null;
}

export function parseSavingsPlansDetails(
  page: Out<GetSavingsPlansUtilizationDetailsCommandOutput>,
  month: string,
): TCommitmentUsage[] {
  const out: TCommitmentUsage[] = [];
  for (const d of page.SavingsPlansUtilizationDetails ?? []) {
    const arn = d.SavingsPlanArn;
    if (!arn) continue;
    const accountId = savingsPlanOwner(arn, d.Attributes);
    if (!accountId) continue;
    const u = d.Utilization;
    const type = attr(d.Attributes, "SavingsPlansType", "SavingsPlanType") ?? "Savings Plan";
    const region = attr(d.Attributes, "Region", "region");
    out.push({
      commitmentId: arn,
      month,
      kind: "savings_plan",
      accountId,
      description: region ? `${type} (${region})` : type,
      commitment: dec(u?.TotalCommitment).toFixed(),
      used: dec(u?.UsedCommitment).toFixed(),
      unused: dec(u?.UnusedCommitment).toFixed(),
      startsAt: isoOrNull(attr(d.Attributes, "StartDateTime", "StartTime", "Start")),
      endsAt: isoOrNull(attr(d.Attributes, "EndDateTime", "EndTime", "End")),
    });
  }
  return out;
}

export function parseReservationUtilization(
  page: Out<GetReservationUtilizationCommandOutput>,
  month: string,
): TCommitmentUsage[] {
  const out = new Map<string, TCommitmentUsage>();
  for (const t of page.UtilizationsByTime ?? []) {
    for (const g of t.Groups ?? []) {
      const id = g.Value ?? attr(g.Attributes, "subscriptionId", "leaseId");
      const accountId = attr(g.Attributes, "accountId", "AccountId", "linkedAccount");
      if (!id || !accountId || !ACCOUNT.test(accountId)) continue;
      const fee = dec(g.Utilization?.TotalAmortizedFee);
      const unused = dec(g.Utilization?.RICostForUnusedHours);
      const seen = out.get(id);
      const commitment = seen ? fee.plus(seen.commitment) : fee;
      const unusedSum = seen ? unused.plus(seen.unused) : unused;
      const instance = attr(g.Attributes, "instanceType");
      const region = attr(g.Attributes, "region");
      const count = attr(g.Attributes, "numberOfInstances");
      out.set(id, {
        commitmentId: id,
        month,
        kind: "reserved_instance",
        accountId,
        description: [count && instance ? `${count} × ${instance}` : instance, region]
          .filter(Boolean)
          .join(" · "),
        commitment: commitment.toFixed(),
        used: Decimal.max(0, commitment.minus(unusedSum)).toFixed(),
        unused: unusedSum.toFixed(),
        startsAt: isoOrNull(attr(g.Attributes, "startDateTime", "StartDateTime")),
        endsAt: isoOrNull(attr(g.Attributes, "endDateTime", "EndDateTime")),
      });
    }
  }
  return [...out.values()];
}

export function parseSavingsPlansUtilization(
  res: Out<GetSavingsPlansUtilizationCommandOutput>,
): { month: string; kind: "savings_plan"; commitment: string; used: string; unused: string }[] {
  return (res.SavingsPlansUtilizationsByTime ?? []).flatMap((t) => {
    const month = monthOfPeriod(t.TimePeriod?.Start);
    if (!month) return [];
    return [
      {
        month,
        kind: "savings_plan" as const,
        commitment: dec(t.Utilization?.TotalCommitment).toFixed(),
        used: dec(t.Utilization?.UsedCommitment).toFixed(),
        unused: dec(t.Utilization?.UnusedCommitment).toFixed(),
      },
    ];
  });
}
