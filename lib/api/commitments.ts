// Shared between the route handler and the Commitments page: Savings Plans and Reserved Instances
// coverage and utilization by month, the last full month per account, and commitments expiring soon,
// for the caller's scope.
import { z } from "zod";
import { PERIODS } from "./kpis";

export const ZCommitmentsQuery = z.object({
  months: z.preprocess(
    (v) => (v === undefined || v === "" ? undefined : Number(v)),
    z
      .union(
        PERIODS.map((p) => z.literal(p)),
        { error: "months must be 6, 12 or 24" },
      )
      .default(12),
  ),
});
export type TCommitmentsQuery = z.infer<typeof ZCommitmentsQuery>;

const ZKind = z.enum(["savings_plan", "reserved_instance"]);
const ZAmount = z.string();

export const ZCommitmentMonth = z.object({
  month: z.string(),
  kind: ZKind,
  covered: ZAmount,
  total: ZAmount,
  coveragePct: z.string().nullable(),
  onDemandCost: ZAmount,
  commitment: ZAmount,
  used: ZAmount,
  unused: ZAmount,
  utilizationPct: z.string().nullable(),
});

export const ZCommitmentAccount = z.object({
  accountId: z.string(),
  accountName: z.string(),
  /** Savings Plans coverage of eligible spend; null without eligible spend. */
  spCoveragePct: z.string().nullable(),
  /** Reserved Instances coverage of running hours. */
  riCoveragePct: z.string().nullable(),
  /** Eligible spend that ran on demand (Savings Plans and RI). */
  onDemandCost: ZAmount,
});

export const ZExpiringCommitment = z.object({
  commitmentId: z.string(),
  kind: ZKind,
  accountId: z.string(),
  accountName: z.string(),
  description: z.string(),
  commitment: ZAmount,
  endsAt: z.string(),
  daysLeft: z.number().int(),
  window: z.union([z.literal(30), z.literal(60), z.literal(90)]),
});

export const ZFetchStatus = z.object({
  kind: ZKind,
  /** "never": no run has tried yet (or the data was reset). */
  status: z.enum(["ok", "denied", "error", "never"]),
  message: z.string(),
  at: z.string().nullable(),
});

export const ZCommitmentsResponse = z.object({
  months: z.array(ZCommitmentMonth),
  /** The last full month with data, and its per-account rows. */
  lastMonth: z.string().nullable(),
  accounts: z.array(ZCommitmentAccount),
  expiring: z.array(ZExpiringCommitment),
  expiringCounts: z.object({ 30: z.number(), 60: z.number(), 90: z.number() }),
  status: z.array(ZFetchStatus),
});
export type TCommitmentsResponse = z.infer<typeof ZCommitmentsResponse>;
export type TCommitmentMonthView = z.infer<typeof ZCommitmentMonth>;
export type TExpiringCommitmentView = z.infer<typeof ZExpiringCommitment>;
export type TCommitmentAccountView = z.infer<typeof ZCommitmentAccount>;
