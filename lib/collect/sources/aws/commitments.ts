// Savings Plans and Reserved Instances from Cost Explorer (management account), for the months the
// cost plan refetches: coverage by LINKED_ACCOUNT per month range (GetSavingsPlansCoverage,
// GetReservationCoverage), per-commitment utilization one month at a time (the details and
// SUBSCRIPTION_ID groupings take no granularity), and the organization's monthly Savings Plans
// total (GetSavingsPlansUtilization, not paged). Every request is billed and counted like
// GetCostAndUsage; each paged operation passes its own token (NextToken or NextPageToken) back.
// A kind that is denied (no permission, or no Savings Plans/RI data at all) is recorded, not fatal.
import {
  GetReservationCoverageCommand,
  GetReservationUtilizationCommand,
  GetSavingsPlansCoverageCommand,
  GetSavingsPlansUtilizationCommand,
  GetSavingsPlansUtilizationDetailsCommand,
  type CostExplorerClient,
} from "@aws-sdk/client-cost-explorer";
import type { TCommitmentKind, TCommitments } from "@/lib/domain/snapshot";
import { addMonths } from "@/lib/domain/months";
import { allCePages, sendCeRequest, type PagerOptions } from "./ce-pager";
import {
  parseReservationCoverage,
  parseReservationUtilization,
  parseSavingsPlansCoverage,
  parseSavingsPlansDetails,
  parseSavingsPlansUtilization,
} from "./commitments-parse";
import type { MonthRange } from "./cost-plan";
import { describeAwsError, isAccessDenied, isNamed } from "./errors";
import { CeRequestCapReachedError, type RequestMeter } from "./meter";

const BY_ACCOUNT = [{ Type: "DIMENSION" as const, Key: "LINKED_ACCOUNT" }];
const BY_SUBSCRIPTION = [{ Type: "DIMENSION" as const, Key: "SUBSCRIPTION_ID" }];

export interface CommitmentPlan {
  months: string[];
  ranges: MonthRange[];
}

type Part = Omit<TCommitments, "months" | "status">;

async function readSavingsPlans(
  client: CostExplorerClient,
  meter: RequestMeter,
  plan: CommitmentPlan,
  pager: PagerOptions,
): Promise<Part> {
  const out: Part = { coverage: [], usage: [], orgMonths: [] };
  for (const r of plan.ranges) {
    const TimePeriod = { Start: r.start, End: r.end };
    const pages = await allCePages(
      meter,
      (NextToken) =>
        client.send(
          new GetSavingsPlansCoverageCommand({
            TimePeriod,
            Granularity: "MONTHLY",
            GroupBy: BY_ACCOUNT,
            Metrics: ["SpendCoveredBySavingsPlans"],
            NextToken,
          }),
        ),
      (p) => p.NextToken,
      pager,
    );
    for (const p of pages) out.coverage.push(...parseSavingsPlansCoverage(p));
    const total = await sendCeRequest(
      meter,
      () =>
        client.send(new GetSavingsPlansUtilizationCommand({ TimePeriod, Granularity: "MONTHLY" })),
      pager,
    );
    out.orgMonths.push(...parseSavingsPlansUtilization(total));
  }
  for (const month of plan.months) {
    const TimePeriod = { Start: month, End: endOf(month, plan) };
    const pages = await allCePages(
      meter,
      (NextToken) =>
        client.send(new GetSavingsPlansUtilizationDetailsCommand({ TimePeriod, NextToken })),
      (p) => p.NextToken,
      pager,
    );
    for (const p of pages) out.usage.push(...parseSavingsPlansDetails(p, month));
  }
  return out;
}

async function readReservations(
  client: CostExplorerClient,
  meter: RequestMeter,
  plan: CommitmentPlan,
  pager: PagerOptions,
): Promise<Part> {
  const out: Part = { coverage: [], usage: [], orgMonths: [] };
  for (const r of plan.ranges) {
    const pages = await allCePages(
      meter,
      (NextPageToken) =>
        client.send(
          new GetReservationCoverageCommand({
            TimePeriod: { Start: r.start, End: r.end },
            Granularity: "MONTHLY",
            GroupBy: BY_ACCOUNT,
            NextPageToken,
          }),
        ),
      (p) => p.NextPageToken,
      pager,
    );
    for (const p of pages) out.coverage.push(...parseReservationCoverage(p));
  }
  for (const month of plan.months) {
    // With GroupBy, GetReservationUtilization takes no Granularity: one request chain per month.
    const pages = await allCePages(
      meter,
      (NextPageToken) =>
        client.send(
          new GetReservationUtilizationCommand({
            TimePeriod: { Start: month, End: endOf(month, plan) },
            GroupBy: BY_SUBSCRIPTION,
            NextPageToken,
          }),
        ),
      (p) => p.NextPageToken,
      pager,
    );
    for (const p of pages) out.usage.push(...parseReservationUtilization(p, month));
  }
  return out;
}

/** A month's exclusive end, cut at the plan's last range end (Cost Explorer has nothing after today). */
function endOf(month: string, plan: CommitmentPlan): string {
  const next = addMonths(month, 1);
  const range = plan.ranges.find((r) => r.start <= month && month < r.end);
  return range && range.end < next ? range.end : next;
}

/** Cost Explorer's answer when an organization has no Savings Plans / RI data to report. */
const NO_DATA = ["DataUnavailableException"];

export async function readCommitments(
  client: CostExplorerClient,
  meter: RequestMeter,
  plan: CommitmentPlan,
  progress: (phase: string) => void,
  pager: PagerOptions = {},
): Promise<TCommitments> {
  const result: TCommitments = {
    months: plan.months,
    coverage: [],
    usage: [],
    orgMonths: [],
    status: [],
  };
  const kinds: [TCommitmentKind, typeof readSavingsPlans][] = [
    ["savings_plan", readSavingsPlans],
    ["reserved_instance", readReservations],
  ];
  for (const [kind, read] of kinds) {
    progress(`commitments: ${kind === "savings_plan" ? "Savings Plans" : "Reserved Instances"}`);
    try {
      const part = await read(client, meter, plan, pager);
      result.coverage.push(...part.coverage);
      result.usage.push(...part.usage);
      result.orgMonths.push(...part.orgMonths);
      result.status.push({ kind, status: "ok", message: "" });
    } catch (err) {
      if (err instanceof CeRequestCapReachedError) throw err;
      const denied = isAccessDenied(err) || isNamed(err, ...NO_DATA);
      result.status.push({
        kind,
        status: denied ? "denied" : "error",
        message: describeAwsError(err),
      });
    }
  }
  return result;
}
